// `deckmark png` in real Chromium: one PNG per slide with sortable names, at the deck's size ×
// scale, each like its page of the deck's PDF (same print view); a rebuild keeps them; bad flags.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { pngNames } from '../../src/cli/commands/png.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { pdfPageGrids, pngGrid, similarity } from '../helpers/page-similarity.js';

const DECK = `---
title: PNG-test
size: 4:3
---

## Første

Tekst

---

## Andre

${Array.from({ length: 30 }, (_, i) => `- punkt ${i + 1}`).join('\n')}

----

<!-- .slide: class="inverse" -->

## Tredje
`;

function pngSize(file: string): [number, number] {
  const png = PNG.sync.read(readFileSync(file));
  return [png.width, png.height];
}

describe('deckmark png', { timeout: 120_000 }, () => {
  describe('the example deck, beside its PDF', () => {
    let out: string;
    beforeAll(async () => {
      out = tempDir();
      for (const args of [['pdf', '-q'], ['png']]) {
        const result = await runCli(...args, path.join(SLIDES, 'layouts.md'), '-o', out);
        expect(result.code, result.stderr).toBe(0);
      }
    });

    it('writes one 1280×720 PNG per slide, each like its PDF page', () => {
      const dir = path.join(out, 'layouts/png');
      const files = readdirSync(dir);
      const pdf = pdfPageGrids(path.join(out, 'layouts/layouts.pdf'));
      expect(files).toEqual(pngNames(pdf.length));
      for (const [i, name] of files.entries()) {
        expect(pngSize(path.join(dir, name))).toEqual([1280, 720]);
        // The same print view: nearly identical (what differs is anti-aliasing in the PDF raster).
        expect(similarity(pngGrid(path.join(dir, name)), pdf[i]), name).toBeGreaterThan(0.98);
      }
      // …and not just any slide: each PNG is further from the other pages than from its own.
      expect(similarity(pngGrid(path.join(dir, files[0])), pdf[1])).toBeLessThan(similarity(pngGrid(path.join(dir, files[0])), pdf[0]));
    });

    it('keeps the PNGs when the deck is rebuilt', async () => {
      const result = await runCli('build', path.join(SLIDES, 'layouts.md'), '-o', out);
      expect(result.code, result.stderr).toBe(0);
      expect(readdirSync(path.join(out, 'layouts/png')).length).toBeGreaterThan(10);
    });
  });

  it('scales by 2, shrinks an overflowing slide with a warning, and names files so they sort', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(path.join(dir, 'deck.md'), DECK);
    const result = await runCli('png', path.join(dir, 'deck.md'), '-o', path.join(dir, 'out'), '--scale', '2');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/deck\.md:\d+:1: warning: slide content overflows .*: shrunk to \d+% in its PNG \(overflow\)/);
    const files = readdirSync(path.join(dir, 'out/deck/png'));
    expect(files).toEqual(['01.png', '02.png', '03.png']);
    expect(pngSize(path.join(dir, 'out/deck/png/01.png'))).toEqual([2048, 1536]);
    expect(pngNames(120).slice(0, 2)).toEqual(['001.png', '002.png']);
    // The inverse slide is dark, the first one light.
    const mean = (file: string): number => pngGrid(file).reduce((a, b) => a + b, 0) / 576;
    expect(mean(path.join(dir, 'out/deck/png/03.png'))).toBeLessThan(80);
    expect(mean(path.join(dir, 'out/deck/png/01.png'))).toBeGreaterThan(200);
  });

  it('refuses a scale other than 1 or 2 with a usage error', async () => {
    const result = await runCli('png', path.join(SLIDES, 'layouts.md'), '--scale', '3');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--scale/);
  });
});
