// The key on the presenter's and the remote's URLs: random, and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 128 random bits, URL-safe (22 characters: short enough for a small QR code). */
export function makeToken(): string {
  return randomBytes(16).toString('base64url');
}

/** A key given from outside (DECKMARK_PRESENT_TOKEN) must be as hard to guess as a made one. */
export function isStrongToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{22,128}$/.test(token);
}

/**
 * Whether `given` is the key. Both sides are hashed first so the comparison takes the same time
 * whatever the given text's length, and timingSafeEqual compares every byte.
 */
export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
