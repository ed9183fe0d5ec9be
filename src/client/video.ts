// Video players in the browser: none loads in the print view, and after a click into a
// player the keyboard goes back to reveal.js. Loading and stopping are reveal.js's own:
// an iframe with `data-src` gets its src when its slide is shown and loses it on leaving.

/** reveal.js's own test for its print view: `?print-pdf`, or `view: 'print'` (the PDF export). */
export function isPrintView(config: Record<string, unknown>): boolean {
  return /print-pdf/i.test(window.location.search) || config.view === 'print';
}

/**
 * A click into a player (a cross-origin iframe) takes the keyboard with it, and reveal.js
 * hears no more arrow keys. Once the click has reached the player, focus comes back to the
 * deck. Tabbing into a player is left alone: a keyboard user wants its controls.
 */
function returnKeysAfterClicks(): void {
  let lastTab = -Infinity;
  document.addEventListener('keydown', (e) => e.key === 'Tab' && (lastTab = performance.now()), true);
  window.addEventListener('blur', () => {
    // The window blurs on mousedown; the click itself lands in the player right after.
    setTimeout(() => {
      const active = document.activeElement;
      if (!(active instanceof HTMLIFrameElement) || !active.classList.contains('dm-video-player')) return;
      if (performance.now() - lastTab < 1000) return;
      active.blur();
      window.focus();
    }, 0);
  });
}

/** Runs before reveal.js starts, so that the print view never asks for a player. */
export function setUpVideos(config: Record<string, unknown>): void {
  if (isPrintView(config)) {
    // The still, link and QR code stand in for the player on paper: nothing to fetch.
    for (const player of document.querySelectorAll('.dm-video-player[data-src]')) player.removeAttribute('data-src');
    return;
  }
  returnKeysAfterClicks();
}
