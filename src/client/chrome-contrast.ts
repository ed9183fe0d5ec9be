// reveal.js's controls, progress bar and slide number, and the "Download PDF" link, are drawn
// light while the slide on screen is dark: reveal.js marks the deck for a dark background itself
// (.reveal.has-dark-background); an `.inverse` slide, and the page for the link outside the deck,
// are marked here on each slide change. The theme used `:has()` selectors over the slides for this instead, but a `:has()`
// whose argument names the slides' classes makes every class change on any slide restyle the
// whole deck — and reveal.js sets classes on every slide as it starts: loading the print view
// of 500 slides took 2.9 s instead of 1.2 s (bench/RESULTS.md).

interface ChromeDeck {
  on(type: string, listener: () => void): void;
  getRevealElement(): HTMLElement | null;
  getCurrentSlide(): HTMLElement | undefined;
}

/** A slide with any of these has a background of its own, which reveal.js judges for contrast itself. */
const BACKGROUND_ATTRIBUTES = [
  'data-background',
  'data-background-color',
  'data-background-image',
  'data-background-gradient',
  'data-background-video',
  'data-background-iframe',
];

/**
 * Keeps `dm-inverse-present` (and `dm-inverse-plain`, when it has no background of its own) on
 * the deck while the current slide is `.inverse`, and `dm-dark-chrome` on the body while the
 * current slide is dark either way (the "Download PDF" link sits outside the deck).
 */
export function followDarkSlides(deck: ChromeDeck): void {
  const update = (): void => {
    const reveal = deck.getRevealElement();
    const slide = deck.getCurrentSlide();
    if (!reveal) return;
    const inverse = slide?.classList.contains('inverse') ?? false;
    reveal.classList.toggle('dm-inverse-present', inverse);
    reveal.classList.toggle('dm-inverse-plain', inverse && !BACKGROUND_ATTRIBUTES.some((a) => slide!.hasAttribute(a)));
    // The slide's own mark: reveal.js copies it to the deck only after slidechanged.
    document.body.classList.toggle('dm-dark-chrome', inverse || (slide?.classList.contains('has-dark-background') ?? false));
  };
  // Live reload re-syncs the slides, then sends slidechanged (live-reload.ts).
  for (const type of ['ready', 'slidechanged', 'sync']) deck.on(type, update);
}
