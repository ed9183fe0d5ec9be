// parseDeck(): slide structure, source line ranges, titles and the deck title.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { normalizeText, parseDeck } from '../../src/compile/parse-deck.js';
import type { Deck, Slide } from '../../src/model/deck.js';

const lines = (...l: string[]): string => l.join('\n');
const all = (deck: Deck): Slide[] => deck.slides.flatMap((s) => [s, ...s.children]);
const ranges = (deck: Deck): string[] => all(deck).map((s) => `${s.range.start}-${s.range.end}`);

const BODY = [
  '# One',
  '',
  'Text of one',
  '',
  '---',
  '',
  '## Two',
  '',
  '----',
  '',
  '## Two, below',
  'Note: said aloud',
  '',
  '---',
  '',
  'No heading',
];

describe('slide ranges', () => {
  it('are 1-based file lines without front matter, separators and blank edges excluded', () => {
    const deck = parseDeck(lines(...BODY));
    expect(deck.slides.map((s) => s.children.length)).toEqual([0, 1, 0]);
    expect(ranges(deck)).toEqual(['1-3', '7-7', '11-12', '16-16']);
  });

  it('count the front matter lines', () => {
    const deck = parseDeck(lines('---', 'title: T', 'lang: en', '---', ...BODY));
    expect(ranges(deck)).toEqual(['5-7', '11-11', '15-16', '20-20']);
  });

  it('are the same with CRLF line breaks and a BOM', () => {
    const deck = parseDeck('\uFEFF' + ['---', 'title: T', 'lang: en', '---', ...BODY].join('\r\n'));
    expect(ranges(deck)).toEqual(['5-7', '11-11', '15-16', '20-20']);
  });

  it('follow custom separators', () => {
    const deck = parseDeck(lines('---', 'separator: "##==##"', '---', '# A', '##==##', '# B', '', '##==##', '# C'));
    expect(ranges(deck)).toEqual(['4-4', '6-6', '9-9']);
  });

  it('stay right below a fence that holds a separator', () => {
    const deck = parseDeck(lines('```', '', '---', '', '```', '', '---', '', '# After'));
    expect(ranges(deck)).toEqual(['1-5', '9-9']);
  });
});

describe('separators from options', () => {
  it('take the options over the front matter (the CLI flags)', () => {
    const text = lines('---', 'separator: "##==##"', '---', '# A', '##==##', '# B', '', '===', '', '# C');
    expect(parseDeck(text).slides).toHaveLength(2);
    expect(parseDeck(text, { separator: '^===$' }).slides.map((s) => s.title)).toEqual(['A', 'C']);
  });

  it('reject a separator that is not a regular expression, on its line', () => {
    expect(() => parseDeck(lines('---', 'title: T', 'verticalSeparator: "[--"', '---', 'A'), { file: 'd.md' })).toThrow(
      expect.objectContaining({ code: 'invalid-option', line: 3, file: 'd.md' }),
    );
    expect(() => parseDeck(lines('---', 'separator: 3', '---', 'A'))).toThrow(expect.objectContaining({ code: 'invalid-option', line: 2 }));
  });
});

describe('titles', () => {
  it('are the text of each slide first heading, empty without one', () => {
    const deck = parseDeck(lines(...BODY));
    expect(all(deck).map((s) => s.title)).toEqual(['One', 'Two', 'Two, below', '']);
  });

  it('are plain text, without markup, attributes or line breaks', () => {
    const deck = parseDeck(lines('## *Hello* `code` [link](https://x.example) {#id .big}'));
    expect(deck.slides[0].title).toBe('Hello code link');
  });

  it('take the first heading even when it is not the first block', () => {
    expect(parseDeck(lines('Intro text', '', '### Later heading', '', '# Bigger')).slides[0].title).toBe('Later heading');
  });

  it('ignore headings in notes', () => {
    expect(parseDeck(lines('Text', '', 'Note:', '# Not a title')).slides[0].title).toBe('');
    expect(parseDeck(lines('Text', '', '::: notes', '# Not a title', ':::')).slides[0].title).toBe('');
  });
});

describe('the deck title', () => {
  it('is the front matter title', () => {
    expect(parseDeck(lines('---', 'title: Given', '---', '# Heading')).meta.title).toBe('Given');
  });

  it('falls back to the first heading of the deck, on any slide', () => {
    expect(parseDeck(lines('No heading', '', '---', '', 'Still none', '', '----', '', '## Deep heading')).meta.title).toBe('Deep heading');
  });

  it('falls back to fallbackTitle, then to a default', () => {
    expect(parseDeck('Only text\n', { fallbackTitle: 'my-talk' }).meta.title).toBe('my-talk');
    expect(parseDeck('Only text\n').meta.title).toBe('Untitled deck');
  });
});

describe('the deck', () => {
  it('is plain data that survives JSON', () => {
    const deck = parseDeck(lines('---', 'title: T', 'date: 2024-05-01', '---', ...BODY), { file: 'deck.md' });
    expect(JSON.parse(JSON.stringify(deck))).toEqual(deck);
    expect(Object.getPrototypeOf(deck)).toBe(Object.prototype);
    expect(deck.file).toBe('deck.md');
  });

  it('collects diagnostics of every slide with the file', () => {
    const deck = parseDeck(lines('![a](missing-a.png)', '', '---', '', '![b](missing-b.png)'), {
      file: 'deck.md',
      resolveAsset: () => ({ problem: 'missing' }),
    });
    expect(deck.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['deck.md', 1, 'missing-image'],
      ['deck.md', 5, 'missing-image'],
    ]);
  });

  it('highlights code with the highlighter it is given', () => {
    const deck = parseDeck(lines('```js', 'let a;', 'let b;', '```'), {
      highlight: (code, lang) => (lang === 'js' ? code.split('\n').map((l) => `<span class="hl">${l}</span>`) : undefined),
    });
    const $ = cheerio.load(deck.slides[0].html, null, false);
    expect(
      $('pre code.language-js span.hl')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['let a;', 'let b;']);
  });
});

describe('normalizeText', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    expect(normalizeText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
