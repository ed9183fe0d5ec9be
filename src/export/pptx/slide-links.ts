// Where a link of the deck goes in the PowerPoint file: web and mail addresses stay addresses,
// reveal.js's in-deck links (`#/3`, `#/2/1`, `#/goals`) become jumps to that slide.
import type { Deck, Slide } from '../../model/deck.js';
import type { LinkTarget } from './text.js';

/** The slides in PowerPoint's order: each horizontal slide, then its vertical ones. */
export function flatSlides(deck: Deck): Slide[] {
  return deck.slides.flatMap((s) => [s, ...s.children]);
}

export function linkResolver(deck: Deck): (href: string) => LinkTarget | undefined {
  const flat = flatSlides(deck);
  const number = (slide: Slide | undefined): number | undefined => (slide ? flat.indexOf(slide) + 1 : undefined);
  return (href) => {
    if (/^(https?:|mailto:|tel:)/i.test(href)) return { url: href };
    const hash = /^#\/(.*)$/.exec(href)?.[1];
    if (hash === undefined) return undefined;
    const numeric = /^(\d+)(?:\/(\d+))?\/?$/.exec(hash);
    let slide: Slide | undefined;
    if (numeric) {
      const stack = deck.slides[Number(numeric[1])];
      const v = Number(numeric[2] ?? 0);
      slide = v === 0 ? stack : stack?.children[v - 1];
    } else {
      const id = decodeURIComponent(hash.split('/')[0]);
      slide = flat.find((s) => s.attributes.id === id || s.html.includes(`id="${id}"`));
    }
    const n = number(slide);
    return n === undefined ? undefined : { slide: n };
  };
}
