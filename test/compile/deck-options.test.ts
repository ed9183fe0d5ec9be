// Deck options: front matter keys checked and turned into DeckMeta, problems located on their line.
import { describe, expect, it } from 'vitest';
import { readDeckOptions } from '../../src/compile/deck-options.js';
import { readFrontMatter } from '../../src/compile/front-matter.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import type { Deck } from '../../src/model/deck.js';
import { deckErrorOf } from '../helpers/deck-error.js';

/** A deck with this front matter (one key per line, from file line 2) and one slide. */
function deckWith(...yaml: string[]): Deck {
  return parseDeck(['---', ...yaml, '---', '# First heading', ''].join('\n'), { file: 'deck.md', fallbackTitle: 'slug' });
}

describe('defaults', () => {
  it('applies every default when there is no front matter', () => {
    const { meta, diagnostics } = parseDeck('# Hello\n', { fallbackTitle: 'slug' });
    expect(meta).toEqual({
      title: 'Hello',
      author: undefined,
      date: undefined,
      description: undefined,
      lang: 'en',
      theme: 'default',
      size: { width: 1280, height: 720 },
      incremental: false,
      url: undefined,
      themeVars: {},
      sources: false,
      pdf: { notes: false, fragments: false, handout: 0, size: undefined },
      readingView: { notes: true },
      reveal: {},
      css: [],
    });
    expect(diagnostics).toEqual([]);
  });

  it('can be called on front matter directly', () => {
    const diagnostics: Deck['diagnostics'] = [];
    const meta = readDeckOptions(readFrontMatter('---\ntitle: T\n---\n'), { fallbackTitle: 'f', firstHeading: 'h' }, diagnostics);
    expect(meta.title).toBe('T');
    expect(diagnostics).toEqual([]);
  });
});

describe('wrong values are errors on the key line', () => {
  it.each([
    ['size: banana', 'size'],
    ['lang: 42', 'lang'],
    ['lang: en_US', 'lang'],
    ['incremental: "yes"', 'incremental'],
    ['sources: 1', 'sources'],
    ['title: [a, b]', 'title'],
    ['css: 42', 'css'],
    ['themeVars: [red]', 'themeVars'],
    ['reveal: fast', 'reveal'],
    ['revealOptions: 3', 'revealOptions'],
    ['slideOptions: 3', 'slideOptions'],
    ['slideOptions: { theme: [a] }', 'slideOptions'],
  ])('%s', (bad, key) => {
    const err = deckErrorOf(() => deckWith('description: Deck', 'author: Me', bad));
    expect(err.code).toBe('invalid-option');
    expect(err.file).toBe('deck.md');
    expect(err.line).toBe(4);
    expect(err.message).toContain(key);
  });

  it('locates a wrong nested pdf value at its own line and column, not the pdf key', () => {
    const err = deckErrorOf(() => deckWith('title: T', 'pdf:', '  fragments: true', '  handout: 4'));
    expect(err).toMatchObject({ code: 'invalid-option', line: 5, column: 3 });
    expect(err.message).toContain('pdf.handout');
  });

  it('locates a wrong theme variable at its own line', () => {
    const err = deckErrorOf(() => deckWith('themeVars:', '  accent: "#0a5"', '  bad name: x'));
    expect(err).toMatchObject({ code: 'invalid-option', line: 4 });
  });

  it('locates wrong values inside readingView and slideOptions, and in a flow mapping over lines', () => {
    expect(deckErrorOf(() => deckWith('readingView:', '  notes: maybe'))).toMatchObject({ line: 3, column: 3 });
    expect(deckErrorOf(() => deckWith('readingView:', '  note: false'))).toMatchObject({ line: 3 });
    expect(deckErrorOf(() => deckWith('slideOptions:', '  transition: fade', '  theme: 3'))).toMatchObject({ line: 4 });
    expect(deckErrorOf(() => deckWith('pdf: {', '  notes: side', '}'))).toMatchObject({ line: 3, column: 3 });
  });

  it('keeps the mapping key line for a nested value that has no place of its own', () => {
    // An alias brings the whole mapping: the error is on the `pdf:` line.
    const err = deckErrorOf(() => deckWith('base: &b', '  notes: side', 'pdf: *b'));
    expect(err).toMatchObject({ code: 'invalid-option', line: 4 });
  });

  it('reports an unknown theme as unknown-theme on its line', () => {
    const err = deckErrorOf(() => deckWith('title: T', 'theme: no-such-theme'));
    expect(err).toMatchObject({ code: 'unknown-theme', line: 3, file: 'deck.md' });
    expect(err.message).toContain('no-such-theme');
  });

  it('reports an unknown reveal theme', () => {
    expect(deckErrorOf(() => deckWith('theme: reveal:nope')).code).toBe('unknown-theme');
  });
});

describe('values', () => {
  it.each([
    ['16:9', { width: 1280, height: 720 }],
    ['4:3', { width: 1024, height: 768 }],
    ['1920x1080', { width: 1920, height: 1080 }],
    ['"800 x 600"', { width: 800, height: 600 }],
  ])('size: %s', (size, want) => {
    expect(deckWith(`size: ${size}`).meta.size).toEqual(want);
  });

  it.each([
    ['2024-05-01', '2024-05-01'],
    ['"1. mai 2024"', '1. mai 2024'],
    ['2024-05-01T10:30:00Z', '2024-05-01'],
    ['2024', '2024'],
  ])('date: %s', (date, want) => {
    expect(deckWith(`date: ${date}`).meta.date).toBe(want);
  });

  it('reads the metadata keys', () => {
    const { meta } = deckWith('title: Strategy', 'author: Kari', 'description: For the bank', 'lang: nb', 'url: https://example.com/deck/');
    expect(meta).toMatchObject({
      title: 'Strategy',
      author: 'Kari',
      description: 'For the bank',
      lang: 'nb',
      url: 'https://example.com/deck/',
    });
  });

  it.each([
    ['default', 'default'],
    ['reveal:black', 'reveal:black'],
    ['moon', 'reveal:moon'],
    ['styles/my-theme.css', 'styles/my-theme.css'],
  ])('theme: %s', (theme, want) => {
    expect(deckWith(`theme: ${theme}`).meta.theme).toBe(want);
  });

  it('reads themeVars without a leading -- and with numbers as text', () => {
    expect(deckWith('themeVars:', '  accent: "#0a5"', '  --radius: 4').meta.themeVars).toEqual({ accent: '#0a5', radius: '4' });
  });

  it('reads pdf options', () => {
    expect(deckWith('pdf:', '  notes: page', '  handout: 3', '  fragments: true', '  size: 4:3').meta.pdf).toEqual({
      notes: 'page',
      handout: 3,
      fragments: true,
      size: { width: 1024, height: 768 },
    });
  });

  it('reads incremental and sources', () => {
    expect(deckWith('incremental: true', 'sources: true').meta).toMatchObject({ incremental: true, sources: true });
  });
});

describe('title', () => {
  it('comes from the front matter first', () => {
    expect(deckWith('title: From front matter').meta.title).toBe('From front matter');
  });

  it('falls back to the first heading, then to fallbackTitle', () => {
    expect(deckWith('lang: en').meta.title).toBe('First heading');
    expect(parseDeck('No heading here\n', { fallbackTitle: 'my-deck' }).meta.title).toBe('my-deck');
  });
});

describe('reveal options', () => {
  it('merges revealOptions into meta.reveal', () => {
    const { meta, diagnostics } = deckWith('revealOptions:', '  transition: fade', '  menu:', '    side: left');
    expect(meta.reveal).toEqual({ transition: 'fade', menu: { side: 'left' } });
    expect(diagnostics).toEqual([]);
  });

  it('lets reveal win over revealOptions, and top-level keys over both', () => {
    const { meta } = deckWith('revealOptions:', '  transition: fade', '  loop: true', 'reveal:', '  transition: zoom', 'controls: false');
    expect(meta.reveal).toEqual({ transition: 'zoom', loop: true, controls: false });
  });

  it("reads HackMD / CodiMD's slideOptions like revealOptions, its theme as the deck's", () => {
    const { meta, diagnostics } = deckWith(
      'title: T',
      'tags: talk',
      'slideOptions:',
      '  theme: solarized',
      '  transition: fade',
      '  spotlight:',
      '    enabled: true',
    );
    expect(meta.reveal).toEqual({ transition: 'fade', spotlight: { enabled: true } });
    expect(meta.theme).toBe('reveal:solarized');
    expect(diagnostics.map((d) => d.message)).toEqual(['unknown front matter key `tags` (ignored)']);
    expect(deckWith('theme: dark', 'slideOptions:', '  theme: moon', '  loop: true', 'revealOptions:', '  loop: false').meta).toMatchObject(
      {
        theme: 'dark',
        reveal: { loop: false },
      },
    );
  });

  it('names slideOptions when its theme is unknown', () => {
    const err = deckErrorOf(() => deckWith('title: T', 'slideOptions:', '  theme: nosuch'));
    expect(err).toMatchObject({ code: 'unknown-theme', line: 3 });
  });

  it('passes the reveal.js keys it knows through', () => {
    const { meta } = deckWith('transition: slide', 'controls: true', 'progress: false', 'slideNumber: c/t', 'hash: true', 'center: false');
    expect(meta.reveal).toEqual({ transition: 'slide', controls: true, progress: false, slideNumber: 'c/t', hash: true, center: false });
  });
});

describe('reveal-md keys and unknown keys', () => {
  it('accepts reveal-md keys without warnings (highlightTheme aside)', () => {
    const { meta, diagnostics } = deckWith(
      'separator: ^---$',
      'verticalSeparator: ^--$',
      'notesSeparator: "^Note:"',
      'css: custom.css',
      'revealOptions:',
      '  transition: none',
    );
    expect(diagnostics).toEqual([]);
    expect(meta.css).toEqual(['custom.css']);
    expect(meta.reveal).toEqual({ transition: 'none' });
  });

  it('reads css as a list', () => {
    expect(deckWith('css:', '  - a.css', '  - b.css').meta.css).toEqual(['a.css', 'b.css']);
  });

  it('colours code with the shiki theme closest to highlightTheme, and warns about an unknown one on its line', () => {
    expect(deckWith('title: T', 'highlightTheme: monokai')).toMatchObject({ meta: { codeTheme: 'monokai' }, diagnostics: [] });
    expect(deckWith('highlightTheme: zenburn.css').meta.codeTheme).toBe('everforest-dark');
    expect(deckWith('highlightTheme: base16/some-dark-style').meta.codeTheme).toBe('github-dark');
    const { meta, diagnostics } = deckWith('title: T', 'highlightTheme: plain');
    expect(meta.codeTheme).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'highlight-theme', line: 3, file: 'deck.md' })]);
  });

  it('turns shrink-to-fit off on screen with fit: false, and stops on a value that is not true or false at its line', () => {
    expect(deckWith('fit: false').meta.reveal).toEqual({ fit: false });
    expect(deckWith('fit: true').meta.reveal).toEqual({});
    const err = deckErrorOf(() => deckWith('title: T', 'fit: maybe'));
    expect(err).toMatchObject({ code: 'invalid-option', line: 3 });
    expect(err.message).toMatch(/`fit` must be true or false/);
  });

  it("gives reveal.js's themes (which colour no code) reveal.js's monokai, the built-in themes none", () => {
    expect(deckWith('theme: night').meta.codeTheme).toBe('monokai');
    expect(deckWith('theme: reveal:white', 'highlightTheme: github').meta.codeTheme).toBe('github-light');
    expect(deckWith('theme: dark').meta.codeTheme).toBeUndefined();
  });

  it('warns about an unknown key on its line, and still builds', () => {
    const deck = deckWith('title: T', 'author: A', 'slidenumber: true', 'types: [a]');
    expect(deck.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'unknown-key',
        line: 4,
        file: 'deck.md',
        message: expect.stringContaining('slidenumber'),
      }),
      expect.objectContaining({ severity: 'warning', code: 'unknown-key', line: 5, message: expect.stringContaining('types') }),
    ]);
    expect(deck.meta.title).toBe('T');
    expect(deck.meta.reveal).toEqual({});
  });

  it('keeps the key lines on the deck', () => {
    expect(deckWith('title: T', 'lang: nb').metaLines).toEqual({ title: 2, lang: 3 });
  });
});
