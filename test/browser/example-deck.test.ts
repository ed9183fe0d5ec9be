// The built example deck in real Chromium, from file://, offline: every slide reached with
// the arrow keys, the Norwegian title intact, no console error and no outside request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { blockedRequests, withPage } from '../../src/export/browser/pages.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { collectPageProblems, walkEverySlide } from '../helpers/reveal-page.js';

describe('the built example deck in Chromium', () => {
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    out = tempDir();
    const built = await runCli('build', SLIDES, '-o', out);
    expect(built.code, built.stderr).toBe(0);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches every slide with the arrow keys, offline, without console errors', async () => {
    await withPage(
      browser,
      async (page) => {
        const problems = collectPageProblems(page);
        const url = pathToFileURL(path.join(out, 'strategi-sosiale-medier/index.html')).href;
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady());
        await page.evaluate(() => document.fonts.ready);

        const title = await page.$eval('.slides > section', (s) => (s as HTMLElement).innerText);
        expect(title).toContain('Strategi for god bruk av sosiale medier');
        const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
        expect(fonts.join()).toMatch(/Source Sans 3/);

        const { visited, total } = await walkEverySlide(page);
        expect(visited).toBe(total);
        // The DOM has exactly the model's slides: separators + 1 (see test/build/example-decks.test.ts).
        const deck = parseDeck(readFileSync(path.join(SLIDES, 'strategi-sosiale-medier.md'), 'utf8'));
        expect(total).toBe(deck.slides.reduce((n, s) => n + 1 + s.children.length, 0));
        expect(total).toBeGreaterThanOrEqual(20);
        // The film's player is the one outside request, made when its slide is shown (test/browser/video.test.ts).
        const player = (url: string) => url.startsWith('https://www.youtube-nocookie.com/embed/');
        expect(problems.filter((p) => !player(p.replace(/^request failed: /, '')))).toEqual([]);
        expect(blockedRequests(page).filter((url) => !player(url))).toEqual([]);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it("shows the gallery's live thumbnail as a slide, not as reveal.js's scroll view", async () => {
    await withPage(
      browser,
      async (page) => {
        const url = pathToFileURL(path.join(out, 'syntax-tour/index.html')).href;
        await page.goto(`${url}?thumbnail#/0`, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady());
        // 380 px: below reveal.js's 435 px switch, as a gallery card is.
        expect(await page.evaluate(() => (window as any).Reveal.isScrollView())).toBe(false);
        expect(await page.$('.scrollbar-slide')).toBeNull();
      },
      { viewport: { width: 380, height: 214 } },
    );
  });

  it('opens the overview with Esc and the speaker view with S', async () => {
    await withPage(browser, async (page) => {
      await page.goto(pathToFileURL(path.join(out, 'syntax-tour/index.html')).href);
      await page.waitForFunction(() => (window as any).Reveal?.isReady());
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => (window as any).Reveal.isOverview())).toBe(true);
      await page.keyboard.press('Escape');
      const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await page.keyboard.press('s');
      const speaker = await popup;
      expect(speaker).not.toBeNull();
      await speaker!.waitForSelector('.speaker-controls-notes', { timeout: 10_000 });
      await speaker!.close();
    });
  });
});
