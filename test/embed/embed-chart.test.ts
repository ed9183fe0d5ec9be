// Charts in the embed view (`index.html?embed`, served over HTTP), in real Chromium at the sizes
// of a blog's iframe: each chart slide shows its chart whole inside the slide, and the frame's
// pixels show its patterned bars and slices where the page has them, on a light and an inverse slide.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { isInside, measureCharts, patternProblems } from '../helpers/chart-pixels.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';
import { collectPageProblems } from '../helpers/reveal-page.js';
import { startStaticHost, type StaticHost } from '../helpers/static-host.js';

describe('charts in the embed view', { timeout: 120_000 }, () => {
  let browser: Browser;
  let host: StaticHost;

  beforeAll(async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    // A light slide of horizontal stacked bars, an inverse one with a donut.
    writeFileSync(path.join(dir, 'charts.md'), readFileSync(path.join(REPO, 'test/fixtures/charts/charts.md')));
    const built = await runCli('build', path.join(dir, 'charts.md'), '-o', path.join(dir, 'out'), '--no-image');
    expect(built.code, built.stderr).toBe(0);
    host = await startStaticHost(path.join(dir, 'out'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  // 768 × 432: a blog column; 360 × 203: a phone, where the patterns' marks are too fine to be sharp.
  it.each([
    [768, true],
    [360, false],
  ])('shows each chart whole inside its slide in a %i px wide frame', async (width, marks) => {
    await withPage(
      browser,
      async (page) => {
        const problems = collectPageProblems(page);
        await page.goto(`${host.url}charts/?embed`, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady?.() === true);
        await page.evaluate(() => (window as any).Reveal.configure({ transition: 'none', backgroundTransition: 'none' }));
        await page.evaluate(() => document.fonts.ready);
        expect(await page.evaluate(() => document.querySelector('.reveal')!.classList.contains('embedded'))).toBe(true);
        for (const h of [0, 1]) {
          await page.evaluate((n: number) => (window as any).Reveal.slide(n, 0), h);
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          const charts = await page.evaluate(measureCharts, '.reveal .slides', 'section.present svg.dm-chart-svg');
          expect(charts, `slide ${h}`).toHaveLength(1);
          const [chart] = charts;
          const viewport = { left: 0, top: 0, width, height: Math.round((width * 9) / 16) };
          expect(chart.visible).toBe(true);
          // Inside the slide, which is inside the frame; most of the slide's width.
          expect(isInside(chart.frame, viewport), `slide ${h}: the slide in the frame`).toBe(true);
          expect(isInside(chart.box, chart.frame), `slide ${h}: the chart in the slide`).toBe(true);
          expect(chart.box.width / chart.frame.width, `slide ${h}`).toBeGreaterThan(0.5);
          expect(chart.patterned.length, `slide ${h}`).toBeGreaterThanOrEqual(2);
          const png = PNG.sync.read(Buffer.from(await page.screenshot({ type: 'png' })));
          expect(patternProblems(png, chart, { left: 0, top: 0 }, marks), `slide ${h}`).toEqual([]);
        }
        // Every file the deck asks for is there (Chromium's own favicon.ico request apart).
        expect(host.requests.filter((r) => r.status !== 200 && r.path !== '/favicon.ico')).toEqual([]);
        expect(problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
      },
      { viewport: { width, height: Math.round((width * 9) / 16) }, allow: (url) => url.startsWith(host.url) },
    );
  });
});
