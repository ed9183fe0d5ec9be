// Rules about slides as a whole: a title on each (PDF bookmarks and the outline use it),
// ids that are unique (links and `#/id` navigation), and no more words than an audience reads.
import type { Deck, Diagnostic } from '../model/deck.js';
import { diagnostic } from '../model/diagnostic.js';
import { allSlides, slideWords } from './diagnostic.js';

/** Words a slide may hold before `dense-slide` warns. @defaultValue 80 */
export const DEFAULT_MAX_WORDS = 80;

/** A slide that shows only a picture, video or iframe background needs no title. */
function isBackdrop(attributes: Record<string, string>, html: string): boolean {
  const background = ['data-background-image', 'data-background-video', 'data-background-iframe', 'data-background'].some(
    (k) => k in attributes,
  );
  return background && slideWords(html).length === 0;
}

export function checkTitles(deck: Deck): Diagnostic[] {
  return allSlides(deck)
    .filter((s) => s.title === '' && !isBackdrop(s.attributes, s.html))
    .map((s) =>
      diagnostic('warning', 'no-title', 'slide has no title (a heading): the PDF outline and the sources list show a number instead', {
        file: deck.file,
        line: s.range.start,
      }),
    );
}

export function checkDuplicateIds(deck: Deck): Diagnostic[] {
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const slide of allSlides(deck)) {
    const id = slide.attributes.id;
    if (!id) continue;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, slide.range.start);
    else
      out.push(
        diagnostic('error', 'duplicate-id', `slide id "${id}" is already used by the slide at line ${first}`, {
          file: deck.file,
          line: slide.range.start,
        }),
      );
  }
  return out;
}

export function checkDensity(deck: Deck, maxWords = DEFAULT_MAX_WORDS): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const slide of allSlides(deck)) {
    const words = slideWords(slide.html).length;
    if (words > maxWords) {
      out.push(
        diagnostic('warning', 'dense-slide', `slide has ${words} words (more than ${maxWords}): split it or move text to the notes`, {
          file: deck.file,
          line: slide.range.start,
        }),
      );
    }
  }
  return out;
}

/** `Title` then `---` is a slide break (as in reveal-md), where other Markdown makes a heading. */
export function checkTextAboveSeparators(deck: Deck): Diagnostic[] {
  return deck.textAboveSeparators.map((line) =>
    diagnostic(
      'warning',
      'text-above-separator',
      'this separator right under a line of text splits the slide there (as in reveal-md), not a setext heading',
      { file: deck.file, line },
      'for a heading write `## Title`; for a slide break, a blank line before the separator says so',
    ),
  );
}
