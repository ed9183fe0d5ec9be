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
import { isInside, measureCharts, patternProblems, type MeasuredChart } from '../helpers/chart-pixels.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

/** A light slide of horizontal stacked bars, an inverse one with a donut. */
const DECK = readFileSync(path.join(REPO, 'test/fixtures/charts/charts.md'), 'utf8');

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
        measured.push(await page.evaluate(measureCharts, '.reveal .slides > .pdf-page', 'svg.dm-chart-svg', i));
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
      expect(patternProblems(png, chart, chart.frame)).toEqual([]);
    }
  });
});
