// Math with KaTeX at build time: rendered HTML and MathML, TeX errors as warnings with their
// line, KaTeX loaded only for a deck with math, and its CSS and fonts shipped only then.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { loadMathRenderer } from '../../src/build/math.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { mayContainMath } from '../../src/markdown/plugins/math.js';
import { runCli, tempDir } from '../helpers/cli.js';

async function parseWithKatex(text: string) {
  const math = await loadMathRenderer(text);
  return parseDeck(text, { file: 'deck.md', math });
}

describe('math with KaTeX', () => {
  it('renders inline and display math at build time, with MathML for screen readers', async () => {
    const deck = await parseWithKatex('Area $\\pi r^2$.\n\n$$\n\\sum_{c} a_c\n$$\n');
    const $ = cheerio.load(deck.slides[0].html, null, false);
    expect($('p .katex').length).toBe(1);
    expect($('p .katex math annotation').text()).toBe('\\pi r^2');
    expect($('div.dm-math-display .katex-display .katex').length).toBe(1);
    expect(deck.diagnostics).toEqual([]);
  });

  it('turns TeX it cannot read into a warning with its line, showing the TeX', async () => {
    const deck = await parseWithKatex('# Title\n\nFine $x$ and\nbroken $\\frac{1}{$ here.\n');
    expect(deck.diagnostics).toMatchObject([{ severity: 'warning', code: 'math', line: 4 }]);
    const $ = cheerio.load(deck.slides[0].html, null, false);
    expect($('code.dm-math-error').text()).toBe('\\frac{1}{');
    expect($('.katex').length).toBe(1);
  });

  it('loads KaTeX only for text that may hold math', async () => {
    expect(mayContainMath('It costs $5 and $10.')).toBe(false);
    expect(mayContainMath('No math here.')).toBe(false);
    expect(mayContainMath('Area $\\pi r^2$.')).toBe(true);
    expect(mayContainMath('$$\nx\n$$')).toBe(true);
    expect(await loadMathRenderer('Just text')).toBeUndefined();
  });

  it('ships KaTeX CSS and fonts with a deck that uses math, and only then', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(path.join(dir, 'math.md'), '# Math\n\n$E = mc^2$\n');
    writeFileSync(path.join(dir, 'plain.md'), '# Plain\n\nIt costs $5.\n');
    const out = path.join(dir, 'dist');
    const built = await runCli('build', dir, '-o', out);
    expect(built.code, built.stderr).toBe(0);

    const withMath = readFileSync(path.join(out, 'math/index.html'), 'utf8');
    expect(withMath).toContain('href="assets/katex.css"');
    const katexCss = readFileSync(path.join(out, 'math/assets/katex.css'), 'utf8');
    const fonts = [...katexCss.matchAll(/url\(["']?\.?\/?(fonts\/KaTeX_[^)"']+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) expect(existsSync(path.join(out, 'math/assets', font)), font).toBe(true);
    expect(katexCss).not.toMatch(/https?:/);

    const plain = readFileSync(path.join(out, 'plain/index.html'), 'utf8');
    expect(plain).not.toContain('katex');
    expect(readdirSync(path.join(out, 'plain/assets/fonts')).filter((f) => f.startsWith('KaTeX'))).toEqual([]);
  });

  it('inlines KaTeX CSS and its fonts in a single-file deck', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(path.join(dir, 'math.md'), '# Math\n\n$E = mc^2$\n');
    const out = path.join(dir, 'dist');
    const built = await runCli('build', path.join(dir, 'math.md'), '-o', out, '--single-file');
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(path.join(out, 'math.html'), 'utf8');
    expect(html).toMatch(/font-family:KaTeX_Main;src:url\(data:font\/woff2;base64,/);
  });
});
