// Math in `deckmark pptx`: each display formula a picture (drawn in Chromium with KaTeX's fonts)
// with its TeX as alt text, in the slide's text colour; inline math (and display math without a
// browser, with one warning line) as text read from KaTeX's MathML: italic letters, real sub- and
// superscripts, a/b for a fraction.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO, runCli, tempDir } from '../helpers/cli.js';
import { readPptx, type PptxContents } from '../helpers/read-pptx.js';

const DECK = `---
title: Matte
lang: nb
---

# Matte

Energi er $E = mc^2$ i teksten.

$$
\\int_0^1 x^2 \\, dx = \\frac{1}{3}
$$

---

<!-- .slide: class="inverse" -->

## Mørk

$$
\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}
$$
`;

const INTEGRAL = '\\int_0^1 x^2 \\, dx = \\frac{1}{3}';
const SUM = '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}';

let dir: string;

beforeAll(() => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, 'matte.md'), DECK);
});

/** The mean brightness (0–255) of a PNG's opaque pixels: the formula's ink. */
function inkBrightness(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 200) continue;
    sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    n++;
  }
  return sum / n;
}

/** The PNG each picture of slide `n` (1-based) shows, in order. */
async function slidePictures(file: string, n: number): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
  const targets = [...rels.matchAll(/Target="\.\.\/media\/([^"]+\.png)"/g)].map((m) => m[1]);
  return Promise.all(targets.map((t) => zip.file(`ppt/media/${t}`)!.async('nodebuffer')));
}

describe('display math in the .pptx', { timeout: 120_000 }, () => {
  let pptx: PptxContents;
  let file: string;
  beforeAll(async () => {
    const result = await runCli('pptx', path.join(dir, 'matte.md'), '-o', path.join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('pptx-math-text');
    file = path.join(dir, 'out/matte/matte.pptx');
    pptx = await readPptx(file);
  });

  it('is a picture with its TeX as alt text, not text, and inline math stays in its line as text, c² a superscript', () => {
    expect(pptx.slides[0].pictures).toEqual([INTEGRAL]);
    expect(pptx.slides[0].paragraphs.join('\n')).not.toContain('\\int');
    expect(pptx.slides[0].paragraphs).toContain('Energi er E = mc2 i teksten.');
    // The 2 of c² raised (baseline 30%), the letters in italic.
    expect(pptx.slides[0].xml).toMatch(/<a:rPr[^>]*baseline="30000"[^>]*>(?:(?!<\/a:r>).)*<a:t>2<\/a:t>/s);
    expect(pptx.slides[0].italic).toEqual(expect.arrayContaining(['E', 'mc']));
    expect(pptx.slides[1].pictures).toEqual([SUM]);
    expect(pptx.slides[1].paragraphs.join('\n')).not.toContain('\\sum');
  });

  it('is drawn sharp, in the slide’s text colour: dark on a light slide, light on an inverse one', async () => {
    const [light] = await slidePictures(file, 1);
    const [dark] = await slidePictures(file, 2);
    const size = PNG.sync.read(light);
    // Twice the CSS size of a formula a line or two high, as wide as it is.
    expect(size.width).toBeGreaterThan(size.height * 2);
    expect(size.height).toBeGreaterThan(100);
    expect(inkBrightness(light)).toBeLessThan(100);
    expect(inkBrightness(dark)).toBeGreaterThan(155);
  });
});

describe('display math in the .pptx without a browser', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is text, with one warning line at the first formula’s slide', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(REPO, 'no-such-browser'));
    const result = await runCli('pptx', path.join(dir, 'matte.md'), '-o', path.join(dir, 'plain'));
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => l.includes('(pptx-math-text)'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /matte\.md:6:1: warning: display math is written as text in the \.pptx, not as pictures: no Chrome or Chromium found/,
    );
    const pptx = await readPptx(path.join(dir, 'plain/matte/matte.pptx'));
    expect(pptx.slides[0].pictures).toEqual([]);
    expect(pptx.slides[0].paragraphs).toContain('∫01 x2\u2009dx = 1/3'); // \, is a thin space
    expect(pptx.slides[1].paragraphs).toContain('∑k=1n k = (n(n + 1))/2');
    // ∫₀¹: the limits lowered and raised.
    expect(pptx.slides[0].xml).toMatch(/baseline="-40000"[^>]*>(?:(?!<\/a:r>).)*<a:t>0<\/a:t>/s);
  });
});
