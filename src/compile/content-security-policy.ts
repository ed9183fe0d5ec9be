// The Content-Security-Policy of a `--safe` deck: only its own scripts (and the speaker view's),
// the video players' frames and its own (the speaker view's previews), no plugins, no <base>.
// Styles may be inline (column widths, KaTeX, themeVars).
import { sha256 } from '@noble/hashes/sha2.js';
import { PLAYER_ORIGINS } from '../markdown/plugins/video/video-url.js';

/** Base64 of bytes, without Node's Buffer: the core runs anywhere. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The inline script of reveal.js's speaker view (plugin/notes writes it into its popup, which
 * inherits this policy). Pinned: test/hardening/speaker-view-csp.test.ts checks it against the
 * installed reveal.js and fails when an upgrade changes the script.
 */
export const SPEAKER_VIEW_SCRIPT_HASH = 'sha256-GzCveToXhSIzS3M5eQeRm3McVRB7cYneYKwTkzA3wDk=';

/**
 * The policy; inline scripts (the runtime of a single-file deck) are allowed by their hash, and
 * so is the speaker view's, whose previews are frames of the deck itself ('self').
 */
export function safeDeckPolicy(inlineScripts: readonly string[] = []): string {
  const hashes = inlineScripts.map((text) => ` 'sha256-${base64(sha256(new TextEncoder().encode(text)))}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self' '${SPEAKER_VIEW_SCRIPT_HASH}'${hashes}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "media-src 'self' data:",
    `frame-src 'self' ${Object.values(PLAYER_ORIGINS).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
