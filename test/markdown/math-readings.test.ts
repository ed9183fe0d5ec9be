// Math as reveal.js decks write it and as pandoc decks write it: the TeX KaTeX is given (its
// MathML annotation) for each reading, `\(…\)` / `\[…\]` / bare environments as math, math that
// never spans a paragraph, and the front matter override.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadMathRenderer } from '../../src/build/math.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { mathReading, mayContainMath } from '../../src/markdown/plugins/math.js';
import { deckErrorOf } from '../helpers/deck-error.js';

async function render(text: string) {
  const deck = parseDeck(text, { file: 'deck.md', math: await loadMathRenderer(text) });
  const $ = cheerio.load(deck.slides.map((s) => s.html).join(''), null, false);
  return {
    deck,
    $,
    tex: $('.katex annotation')
      .map((_, el) => $(el).text())
      .get(),
  };
}

describe('the reading of a deck’s TeX', () => {
  it('is Markdown first when a formula escapes a brace or a backslash for Markdown, as pandoc otherwise', () => {
    expect(mathReading(undefined, '$$\\\\{x\\\\}$$')).toBe('markdown');
    expect(mathReading(undefined, 'Rows:\n$$\na \\\\\\\\ b\n$$')).toBe('markdown');
    expect(mathReading(undefined, '$$\\begin{matrix} a \\\\ b \\end{matrix}$$ and $\\{x\\}$')).toBe('tex');
    // No math in the paragraph: a path in prose or code decides nothing.
    expect(mathReading(undefined, 'C:\\\\{dir}\n\n$x$')).toBe('tex');
    expect(mathReading('tex', '$$\\\\{x\\\\}$$')).toBe('tex');
    expect(mathReading('markdown', '$x$')).toBe('markdown');
  });
});

describe('math with KaTeX, as reveal.js decks write it', () => {
  it('reads reveal.js decks Markdown first: \\\\{ is a brace, \\\\\\\\ a row break', async () => {
    const { tex, deck } = await render('$$\\\\{x\\\\}$$\n\n$$\n\\begin{matrix} a \\\\\\\\ b \\end{matrix}\n$$\n');
    expect(tex).toEqual(['\\{x\\}', '\\begin{matrix} a \\\\ b \\end{matrix}']);
    expect(deck.diagnostics).toEqual([]);
  });

  it('keeps pandoc decks as written: raw TeX, prices as text', async () => {
    const { tex, $ } = await render('$\\{x\\}$ costs $5 and $10.\n\n$$\n\\begin{matrix} a \\\\ b \\end{matrix}\n$$\n');
    expect(tex).toEqual(['\\{x\\}', '\\begin{matrix} a \\\\ b \\end{matrix}']);
    expect($('p').first().text()).toContain('costs $5 and $10.');
  });

  it('renders \\(…\\) inline, \\[…\\] as display and, in a reveal.js deck, \\\\(…\\\\) too', async () => {
    const pandoc = await render('Inline \\(a^2\\) and\n\\[\nb^2\n\\]\n');
    expect(pandoc.tex).toEqual(['a^2', 'b^2']);
    expect(pandoc.$('.dm-math-display .katex-display').length).toBe(1);
    const reveal = await render('---\nmath: markdown\n---\nInline \\\\(a^2\\\\) and \\\\[b^2\\\\]\n');
    expect(reveal.tex).toEqual(['a^2', 'b^2']);
  });

  it('renders a bare \\begin{align} … \\end{align} block as display math', async () => {
    const { tex, $, deck } = await render('Before\n\n\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n\nAfter\n');
    expect(tex).toEqual(['\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}']);
    expect($('div.dm-math-display .katex-display').length).toBe(1);
    expect(
      $('p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(['Before', 'After']);
    expect(deck.diagnostics).toEqual([]);
  });

  it('never lets math span two paragraphs', async () => {
    const { tex, $, deck } = await render('$$ a $$ x\n\ny $$e$$\n');
    expect(tex).toEqual(['a', 'e']);
    expect($('p').length).toBe(2);
    expect($('.dm-math-error').length).toBe(0);
    expect(deck.diagnostics).toEqual([]);
  });

  it('loads KaTeX for \\(…\\), \\[…\\] and environments', () => {
    expect(mayContainMath('so \\(x\\)')).toBe(true);
    expect(mayContainMath('\\begin{align}x\\end{align}')).toBe(true);
  });

  it('takes the reading from front matter, and stops on a wrong one at its line', async () => {
    const { tex } = await render('---\nmath: tex\n---\n$$\\\\{x\\\\}$$\n');
    expect(tex).toEqual(['\\\\{x\\\\}']);
    const error = deckErrorOf(() => parseDeck('---\ntitle: T\nmath: latex\n---\n# T\n', { file: 'deck.md' }));
    expect(error).toMatchObject({ code: 'invalid-option', line: 3 });
    expect(error.message).toMatch(/`math` must be tex .* or markdown/);
  });
});
