// A `--safe` deck in real Chromium from file://: its own scripts run under its
// Content-Security-Policy, nothing is refused, and every slide is reached with the keys.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { walkEverySlide } from '../helpers/reveal-page.js';

describe('a --safe deck in Chromium', () => {
  let browser: Browser;
  let out: string;

  beforeAll(async () => {
    out = tempDir();
    // The syntax tour: code, math, layouts, images, a film, attribute comments.
    const built = await runCli('build', path.join(SLIDES, 'syntax-tour.md'), '-o', out, '--safe', '--no-image');
    expect(built.code, built.stderr).toBe(0);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs under its policy from file:// with nothing refused, and every slide is reachable', async () => {
    await withPage(
      browser,
      async (page) => {
        const problems: string[] = [];
        page.on(
          'console',
          (m) => m.type() === 'error' && !/youtube-nocookie|vimeo/.test(m.text()) && problems.push(`console: ${m.text()}`),
        );
        page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
        await page.evaluateOnNewDocument(() => {
          (window as any).__violations = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        await page.goto(pathToFileURL(path.join(out, 'syntax-tour/index.html')).href, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady(), { timeout: 10_000 });
        expect(await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'))).toMatch(
          /script-src 'self'/,
        );
        await page.evaluate(() => document.fonts.ready);

        const { visited, total } = await walkEverySlide(page);
        expect(visited).toBe(total);
        const violations = await page.evaluate(() => (window as any).__violations as string[]);
        expect(violations.filter((v) => !/youtube-nocookie|vimeo/.test(v))).toEqual([]);
        expect(problems).toEqual([]);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it('opens the speaker view', async () => {
    await withPage(browser, async (page) => {
      await page.goto(pathToFileURL(path.join(out, 'syntax-tour/index.html')).href);
      await page.waitForFunction(() => (window as any).Reveal?.isReady(), { timeout: 10_000 });
      const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await page.keyboard.press('s');
      const speaker = await popup;
      expect(speaker).not.toBeNull();
      await speaker!.waitForSelector('.speaker-controls-notes', { timeout: 10_000 });
      await speaker!.close();
    });
  });
});
