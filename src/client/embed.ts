// The embed view (`index.html?embed`, SPEC §3 `embed`): reveal.js embedded in a blog's iframe,
// taking keys only once clicked, never writing the host's history, with a full-screen button;
// in a WordPress post it also speaks WordPress's embed protocol.
import { deckHash, embedSecret, speakWordPressEmbed } from './wordpress-embed.js';

/** The page was opened as `…?embed` (or `&embed`). */
export function isEmbedView(): boolean {
  return new URLSearchParams(window.location.search).has('embed');
}

/** reveal.js options of the embed view; they win over the deck's own. */
export const EMBED_CONFIG: Record<string, unknown> = {
  embedded: true,
  keyboardCondition: 'focused',
  hash: false,
  history: false,
  respondToHashChanges: false,
  controls: true,
  progress: true,
  // A blog's column is often narrower than reveal's 435 px switch to its scroll view: stay a deck.
  scrollActivationWidth: null,
};

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/**
 * WordPress's secret, once it is on the frame's URL (in the oEmbed `src`, or appended later by
 * wp-embed.js), is taken off again before reveal.js reads the hash: `#/5#?secret=…` starts on
 * slide 5. `location.replace` changes only the fragment and adds no history entry.
 */
function takeSecret(): string | undefined {
  const secret = embedSecret(window.location.hash);
  if (secret) window.location.replace(deckHash(window.location.hash) || '#');
  return secret;
}

/**
 * Prepares the page for the embed view before reveal.js starts: the body is the viewport
 * (reveal.js sizes the slide to it, keeping the ratio), the full-screen button shows only
 * where the host allows full screen, and links leave the small frame.
 */
export function setUpEmbed(deck: { width: number; height: number }): void {
  document.documentElement.classList.add('dm-embed');
  document.body.classList.add('reveal-viewport');
  const button = document.querySelector<HTMLButtonElement>('.dm-fullscreen');
  if (button) {
    button.hidden = !document.fullscreenEnabled;
    button.addEventListener('click', toggleFullscreen);
  }
  const secret = takeSecret();
  if (secret) speakWordPressEmbed(secret, deck);
  else {
    // Outside WordPress the deck's links (the PDF's and the text version's too) open in a new tab.
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.dm-pdf-link, .dm-read-link')) link.target = '_blank';
    window.addEventListener('hashchange', function listen() {
      const late = takeSecret();
      if (!late) return;
      window.removeEventListener('hashchange', listen);
      for (const link of document.querySelectorAll<HTMLAnchorElement>('.dm-pdf-link, .dm-read-link')) link.removeAttribute('target');
      speakWordPressEmbed(late, deck);
    });
  }
}
