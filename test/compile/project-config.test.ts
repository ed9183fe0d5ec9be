// The config file's pure part: key lines in JSON, the front matter's rules, the merge.
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/compile/front-matter.js';
import { parseProjectConfig, withProjectSettings } from '../../src/compile/project-config.js';

describe('key places in a JSON config', () => {
  const text =
    '{\n  "name": "a {: b",\n  "deckmark": {\n    "theme": "x\\"}:",\n    "pdf": { "notes": "page" },\n    "css": ["a.css", {"lang": 1}],\n    "lang": "nb"\n  },\n  "lang": "en"\n}\n';

  it('finds the keys of one object, not those inside strings, nested objects or arrays', () => {
    const config = parseProjectConfig(text, 'deckmark.config.json', 'json');
    expect(config.keyLines).toEqual({ name: 2, deckmark: 3, lang: 9 });
    expect(config.keyColumns).toEqual({ name: 3, deckmark: 3, lang: 3 });
    expect(config.nestedKeys).toEqual({
      'deckmark.theme': { line: 4, column: 5 },
      'deckmark.pdf': { line: 5, column: 5 },
      'deckmark.pdf.notes': { line: 5, column: 14 },
      'deckmark.css': { line: 6, column: 5 },
      'deckmark.lang': { line: 7, column: 5 },
    });
  });

  it('gives the settings of package.json with their lines, nested ones by path', () => {
    const config = parseProjectConfig(text, 'package.json', 'package.json');
    expect(config.data).toEqual({ theme: 'x"}:', pdf: { notes: 'page' }, css: ['a.css', { lang: 1 }], lang: 'nb' });
    expect(config.keyLines).toEqual({ theme: 4, pdf: 5, css: 6, lang: 7 });
    expect(config.keyColumns).toEqual({ theme: 5, pdf: 5, css: 5, lang: 5 });
    expect(config.nestedKeys).toEqual({ 'pdf.notes': { line: 5, column: 14 } });
  });
});

describe('withProjectSettings', () => {
  it('lets front matter win key by key and inside pdf, reveal and themeVars', () => {
    const fm = readFrontMatter('---\nlang: en\npdf:\n  handout: 2\nthemeVars:\n  accent: red\n---\n# A\n');
    const merged = withProjectSettings(fm, { lang: 'nb', theme: 'dark', pdf: { notes: 'page', handout: 6 }, themeVars: { bg: 'white' } });
    expect(merged.data).toEqual({
      lang: 'en',
      theme: 'dark',
      pdf: { notes: 'page', handout: 2 },
      themeVars: { bg: 'white', accent: 'red' },
    });
    expect(merged.keyLines).toEqual(fm.keyLines);
    expect(withProjectSettings(fm, undefined)).toBe(fm);
  });
});
