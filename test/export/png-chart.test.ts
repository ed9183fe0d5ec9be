// Charts in `deckmark png`, in real Chromium: the chart of each slide lies inside its printed
// page (measured in the print view the PNGs are shot from), and the PNG shows its patterned bars
// and slices there, in the series' colour with the pattern's marks, on a light and an inverse slide.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuiltDeck } from '../../src/build/build-deck.js';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withDeckPage } from '../../src/export/browser/pages.js';
import { fitForPrint, openPrintView } from '../../src/export/render-pdf.js';
import { colourShares, isInside, measureCharts, type MeasuredChart } from '../helpers/chart-pixels.js';
import { runCli, tempDir } from '../helpers/cli.js';

const DECK = `---
title: Charts in PNG
---

## Questions per quarter

::: chart {type=hstacked title="Questions by channel and quarter"}
| Channel  | Q1  | Q2  | Q3  |
|----------|----:|----:|----:|
| Facebook | 120 | 140 | 90  |
| E-mail   | 80  | 70  | 75  |
:::

---

<!-- .slide: class="inverse" -->

## Questions by channel

::: chart {type=donut}
| Channel  | Share |
|----------|------:|
| Facebook | 50    |
| X        | 30    |
| E-mail   | 20    |
:::
`;

describe('charts in deckmark png', { timeout: 120_000 }, () => {
  let dir: string;
  let built: BuiltDeck;
  let browser: Browser;
  /** The charts of each printed page, measured in the print view. */
  let pages: MeasuredChart[][];

  beforeAll(async () => {
    dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(path.join(dir, 'deck.md'), DECK);
    const result = await runCli('png', path.join(dir, 'deck.md'), '-o', path.join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/warning|error/);
    // The print view the PNGs come from (render-png.ts), opened again to measure it.
    built = await buildDeck(path.join(dir, 'deck.md'), { outDir: path.join(dir, 'measured') });
    browser = await launchBrowser();
    pages = await withDeckPage(browser, built.output, async (page) => {
      await openPrintView(page, built.output, built.deck, { notes: false, fragments: false, handout: 0 });
      expect(await fitForPrint(page, built.deck, built.deck.meta.size, false, 'its PNG')).toEqual([]);
      const count = await page.evaluate(() => document.querySelectorAll('.reveal .slides > .pdf-page').length);
      const measured: MeasuredChart[][] = [];
      for (let i = 0; i < count; i++) {
        // Each page scrolled to the top of the viewport, as render-png shoots it.
        await page.evaluate((n: number) => {
          const pdfPage = document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')[n];
          window.scrollTo(0, pdfPage.getBoundingClientRect().top + window.scrollY);
        }, i);
        measured.push(await page.evaluate(measureCharts, '.reveal .slides > .pdf-page', i));
      }
      return measured;
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('prints each chart whole, inside its page', () => {
    expect(pages.map((charts) => charts.length)).toEqual([1, 1]);
    for (const [chart] of pages) {
      expect(chart.visible).toBe(true);
      expect(chart.frame.width).toBeCloseTo(1280, -1);
      expect(chart.frame.height).toBeCloseTo(720, -1);
      expect(isInside(chart.box, chart.frame)).toBe(true);
      expect(chart.box.width).toBeGreaterThan(600);
      expect(chart.box.height).toBeGreaterThan(300);
    }
  });

  it('shows the patterned bars and slices in the PNG where the page has them, in colour and marks', () => {
    const [bars, donut] = pages.map(([chart]) => chart);
    // Bars: two segments of two series after the first, and their legend swatches; the donut: two slices.
    expect(bars.patterned.filter((m) => m.tag === 'rect')).toHaveLength(2 * 2 + 2);
    expect(donut.patterned.filter((m) => m.tag === 'path')).toHaveLength(2);
    // The inverse slide's chart takes the inverse colours, its marks the inverse background.
    expect(donut.patterned[0].colour).not.toBe(bars.patterned[0].colour);
    expect(donut.patterned[0].mark).not.toBe(bars.patterned[0].mark);
    for (const [i, chart] of [bars, donut].entries()) {
      const png = PNG.sync.read(readFileSync(path.join(dir, `out/deck/png/0${i + 1}.png`)));
      expect([png.width, png.height]).toEqual([1280, 720]);
      for (const mark of chart.patterned) {
        const box = { ...mark.box, left: mark.box.left - chart.frame.left, top: mark.box.top - chart.frame.top };
        const what = `${mark.tag} in ${mark.colour} on page ${i + 1}`;
        if (mark.tag === 'path') {
          // A slice fills part of its box; the rest is the slide's background (the marks' colour).
          expect(colourShares(png, box, [mark.colour])[0], what).toBeGreaterThan(0.15);
          continue;
        }
        // A bar fills its box: mostly its colour, and the pattern's marks across it — in a
        // segment's left part too, clear of the value written in its middle (a legend swatch has none).
        expect(colourShares(png, box, [mark.colour])[0], what).toBeGreaterThan(0.4);
        const clear = box.width > 60 ? { ...box, width: box.width * 0.3 } : box;
        expect(colourShares(png, clear, [mark.mark])[0], `${what}: marks`).toBeGreaterThan(0.03);
      }
    }
  });
});
