// Front matter: what is and is not front matter, key lines, and errors that name the file line.
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/compile/front-matter.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { deckErrorOf } from '../helpers/deck-error.js';

const lines = (...l: string[]): string => l.join('\n');

describe('readFrontMatter', () => {
  it('leaves a deck without front matter alone', () => {
    const text = lines('# Title', '', 'Text');
    expect(readFrontMatter(text)).toEqual({ data: {}, keyLines: {}, bodyLine: 0, body: text });
  });

  it('reads the mapping, the 1-based file line of each key and where the body starts', () => {
    const fm = readFrontMatter(lines('---', 'title: Strategy', '# a YAML comment', 'lang: nb', '---', '# First'));
    expect(fm.data).toEqual({ title: 'Strategy', lang: 'nb' });
    expect(fm.keyLines).toEqual({ title: 2, lang: 4 });
    expect(fm.bodyLine).toBe(5);
    expect(fm.body).toBe('# First');
  });

  it('gives nested keys their line and column by path, apart from the top-level ones', () => {
    const fm = readFrontMatter(lines('---', 'pdf:', '  notes: page', 'title: T', 'reveal: {', '  a: {b: 1}}', 'css:', '  - {c: 1}', '---'));
    expect(fm.keyLines).toEqual({ pdf: 2, title: 4, reveal: 5, css: 7 });
    expect(fm.nestedKeys).toEqual({
      'pdf.notes': { line: 3, column: 3 },
      'reveal.a': { line: 6, column: 3 },
      'reveal.a.b': { line: 6, column: 7 },
    });
    expect(fm.data.pdf).toEqual({ notes: 'page' });
  });

  it('accepts ... as the closing line', () => {
    const fm = readFrontMatter(lines('---', 'title: T', '...', 'Body'));
    expect(fm.data).toEqual({ title: 'T' });
    expect(fm.body).toBe('Body');
  });

  it('reads empty and comment-only front matter as no keys', () => {
    expect(readFrontMatter(lines('---', '---', 'Body'))).toMatchObject({ data: {}, bodyLine: 2, body: 'Body' });
    expect(readFrontMatter(lines('---', '# nothing yet', '---', 'Body'))).toMatchObject({ data: {}, bodyLine: 3 });
  });

  it('takes a first --- followed by a blank line for a slide separator, not front matter', () => {
    const text = lines('---', '', '# Slide', '', '---', '', '# Two');
    expect(readFrontMatter(text)).toEqual({ data: {}, keyLines: {}, bodyLine: 0, body: text });
  });

  it('keeps Norwegian `lang: no` a string and `size: 4:3` text', () => {
    const fm = readFrontMatter(lines('---', 'lang: no', 'size: 4:3', '---'));
    expect(fm.data).toEqual({ lang: 'no', size: '4:3' });
  });
});

describe('front matter errors', () => {
  it.each([
    ['a nested mapping on one line', 'bad: x: y'],
    ['a list item inside the mapping', '- stray item'],
    ['a duplicated key', 'title: Again'],
  ])('names the file line of %s (line 4)', (_, bad) => {
    const err = deckErrorOf(() => readFrontMatter(lines('---', 'title: T', 'author: A', bad, 'lang: en', '---', '# Body'), 'deck.md'));
    expect(err.code).toBe('front-matter');
    expect(err.file).toBe('deck.md');
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/YAML/);
  });

  it('names the line of an indentation with a tab', () => {
    const err = deckErrorOf(() => readFrontMatter(lines('---', 'title: T', '\tlang: en', '---')));
    expect(err).toMatchObject({ code: 'front-matter', line: 3 });
  });

  it('names the same file line through parseDeck, with CRLF and a BOM', () => {
    const text = '\uFEFF' + ['---', 'title: T', 'author: A', 'bad: x: y', '---', '# Body'].join('\r\n');
    const err = deckErrorOf(() => parseDeck(text, { file: 'slides/deck.md' }));
    expect(err).toMatchObject({ code: 'front-matter', file: 'slides/deck.md', line: 4 });
    expect(err.exitCode).toBe(1);
  });

  it('puts an unclosed quote or list no earlier than where it starts', () => {
    const err = deckErrorOf(() => readFrontMatter(lines('---', 'title: T', 'author: A', 'tags: [one, two', '---')));
    expect(err.code).toBe('front-matter');
    expect(err.line).toBeGreaterThanOrEqual(4);
    expect(err.line).toBeLessThanOrEqual(5);
  });

  it('reports unclosed front matter on line 1', () => {
    const err = deckErrorOf(() => readFrontMatter(lines('---', 'title: T', '# Slide'), 'deck.md'));
    expect(err).toMatchObject({ code: 'front-matter', file: 'deck.md', line: 1 });
    expect(err.message).toMatch(/not closed/);
  });

  it('refuses a list as front matter', () => {
    const err = deckErrorOf(() => readFrontMatter(lines('---', '- a', '- b', '---')));
    expect(err).toMatchObject({ code: 'front-matter', line: 2 });
    expect(err.message).toMatch(/mapping/);
  });

  it('refuses a scalar as front matter', () => {
    const err = deckErrorOf(() => readFrontMatter(lines('---', 'just some text', '---')));
    expect(err).toMatchObject({ code: 'front-matter', line: 2 });
  });

  it('refuses a number as front matter', () => {
    expect(deckErrorOf(() => readFrontMatter(lines('---', '42', '---'))).code).toBe('front-matter');
  });
});
