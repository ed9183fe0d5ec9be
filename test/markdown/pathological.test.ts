// Pathological input: the core must finish and produce the deck the input describes — its
// stacks and slides counted, its notes found, broken constructs reported, every slide's HTML
// whole and its line range inside the text. (No timing assertions: the bench measures speed,
// and test/hardening/ measures growth.)
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import type { Deck } from '../../src/model/deck.js';
import { tagProblems } from '../hardening/helpers.js';

const N = 5000;

interface Expected {
  stacks: number;
  slides: number;
  /** Slides with speaker notes. @defaultValue 0 */
  notes?: number;
  /** The code of the first diagnostic, when the input is broken. */
  reported?: string;
  /** A fragment the first slide's HTML must hold. */
  html?: string;
}

const CASES: Array<[string, string, Expected]> = [
  [
    'deeply nested fenced divs',
    ':'.repeat(3) + '\n' + Array.from({ length: 200 }, (_, i) => ':'.repeat(203 - i) + ' d').join('\n'),
    { stacks: 1, slides: 1, reported: 'unclosed-div', html: '<div class="d">' },
  ],
  ['many unclosed fenced divs', '::: a\n'.repeat(N), { stacks: 1, slides: 1, reported: 'unclosed-div', html: '<div class="a">' }],
  ['many unclosed HTML comments', '<!-- .element: class="x"\n'.repeat(N), { stacks: 1, slides: 1, reported: 'unclosed-comment' }],
  ['many attribute comments', 'Text <!-- .element: class="x" -->\n'.repeat(N), { stacks: 1, slides: 1, html: '<p class="x' }],
  ['a long attribute list', `<!-- .slide: ${'a=b '.repeat(N)} -->`, { stacks: 1, slides: 1 }],
  ['a long run of = and quotes', `<!-- .slide: ${'="'.repeat(N)} -->`, { stacks: 1, slides: 1 }],
  ['many unclosed fences', '```\n\n---\n\n'.repeat(N), { stacks: N / 2 + 1, slides: N / 2 + 1, html: '<code' }],
  ['many slides', '# S\n\n---\n\n'.repeat(N), { stacks: N + 1, slides: N + 1, html: '<h1>S</h1>' }],
  ['many vertical slides', 'S\n\n----\n\n'.repeat(N), { stacks: 1, slides: N + 1, html: '<p>S</p>' }],
  ['many notes markers', 'Note: x\n'.repeat(N), { stacks: 1, slides: 1, notes: 1 }],
  ['a very long line of dashes', '-'.repeat(100_000), { stacks: 1, slides: 1, html: '<hr>' }],
  ['many blank lines', '\n'.repeat(100_000), { stacks: 1, slides: 1 }],
  ['nested brackets', '['.repeat(N) + ']('.repeat(N), { stacks: 1, slides: 1, html: '[[[[' }],
  ['nested lists', Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'), { stacks: 1, slides: 1, html: '<ul>\n<li>x' }],
  ['a huge highlight range', '```js [1-999999999|2-999999999]\na\n```', { stacks: 1, slides: 1, html: 'language-js' }],
  [
    'many footnotes',
    Array.from({ length: 1000 }, (_, i) => `x[^${i}]\n\n[^${i}]: y`).join('\n\n'),
    { stacks: 1, slides: 1, html: 'footnote-ref' },
  ],
  ['many CRs', 'a\r'.repeat(N), { stacks: 1, slides: 1, html: '<p>a\na\na' }],
];

const slidesOf = (deck: Deck) => deck.slides.flatMap((s) => [s, ...s.children]);

describe('pathological input', () => {
  it.each(CASES)('%s', (name, text, expected) => {
    const deck = parseDeck(text);
    const slides = slidesOf(deck);
    expect({ stacks: deck.slides.length, slides: slides.length }).toEqual({ stacks: expected.stacks, slides: expected.slides });
    expect(slides.filter((s) => s.notes).length).toBe(expected.notes ?? 0);
    if (expected.reported) expect(deck.diagnostics[0]?.code).toBe(expected.reported);
    else expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (expected.html) expect(slides[0].html).toContain(expected.html);
    const lines = text.split(/\r\n|\r|\n/).length;
    for (const slide of slides) {
      expect(slide.range.start).toBeGreaterThanOrEqual(1);
      expect(slide.range.end).toBeLessThanOrEqual(lines);
      // An unclosed comment is the author's raw HTML and stays as written; everything else is whole.
      if (name !== 'many unclosed HTML comments') expect(tagProblems(slide.html)).toEqual([]);
    }
  });
});
