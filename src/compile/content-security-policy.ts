// The Content-Security-Policy of a `--safe` deck: only its own scripts, the video players'
// frames, no plugins, no <base>. Styles may be inline (column widths, KaTeX, themeVars).
import { sha256 } from '@noble/hashes/sha2.js';

/** Base64 of bytes, without Node's Buffer: the core runs anywhere. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The policy; inline scripts (the runtime of a single-file deck) are allowed by their hash. */
export function safeDeckPolicy(inlineScripts: readonly string[] = []): string {
  const hashes = inlineScripts.map((text) => ` 'sha256-${base64(sha256(new TextEncoder().encode(text)))}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${hashes}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "media-src 'self' data:",
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
