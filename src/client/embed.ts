// The embed view (`index.html?embed`, SPEC §3 `embed`): reveal.js embedded in a blog's iframe,
// taking keys only once clicked, never writing the host's history, with a full-screen button.

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
 * Prepares the page for the embed view before reveal.js starts: the body is the viewport
 * (reveal.js sizes the slide to it, keeping the ratio), and the full-screen button works
 * where the host allows it.
 */
export function setUpEmbed(): void {
  document.documentElement.classList.add('dm-embed');
  document.body.classList.add('reveal-viewport');
  const button = document.querySelector<HTMLButtonElement>('.dm-fullscreen');
  if (!button) return;
  if (!document.fullscreenEnabled) button.hidden = true;
  button.addEventListener('click', toggleFullscreen);
  // The deck's links (the PDF's too) open outside the small frame.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.dm-pdf-link')) link.target = '_blank';
}
