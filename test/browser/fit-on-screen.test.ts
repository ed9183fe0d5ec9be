// Shrink-to-fit on screen, in real Chromium: a slide taller or wider than the deck's slide is
// scaled down in the live deck and in the embed view, r-fit-text stays inside the slide, and
// `fit: false` leaves the slide as written (cut off, for `check` to report).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { runCli, tempDir } from '../helpers/cli.js';

const BODY = `# Fits

---

## Tall

${Array.from({ length: 40 }, (_, i) => `- point ${i + 1}`).join('\n')}

---

## Wide

Call \`${'x'.repeat(300)}\` then stop.

---

## A heading fitted to the slide's width {.r-fit-text}
`;

/** Builds a deck (with extra front matter) and says where its page is. */
async function build(frontMatter: string): Promise<string> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, 'deck.md'), `---\ntitle: Fit\ntransition: none\n${frontMatter}---\n\n${BODY}`);
  const result = await runCli('build', path.join(dir, 'deck.md'), '-o', path.join(dir, 'out'));
  expect(result.code, result.stderr).toBe(0);
  return pathToFileURL(path.join(dir, 'out/deck/index.html')).href;
}

/** How far the shown slide's content reaches past the slides' box (screen pixels; 0 when inside). */
async function spill(page: Page, index: number): Promise<{ x: number; y: number; scaled: boolean }> {
  await page.evaluate((i) => (window as any).Reveal.slide(i), index);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    const box = document.querySelector('.reveal .slides')!.getBoundingClientRect();
    const section = document.querySelector<HTMLElement>('.reveal .slides > section.present')!;
    let [right, bottom] = [box.left, box.top];
    for (const el of section.querySelectorAll('li, p, h1, h2, code')) {
      const r = el.getBoundingClientRect();
      right = Math.max(right, r.right);
      bottom = Math.max(bottom, r.bottom);
    }
    return {
      x: Math.max(0, Math.round(right - box.right)),
      y: Math.max(0, Math.round(bottom - box.bottom)),
      scaled: !!section.querySelector('.dm-fit[style*="scale"]'),
    };
  });
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as any).Reveal?.isReady());
  await page.evaluate(() => document.fonts.ready);
}

describe('shrink-to-fit on screen', { timeout: 60_000 }, () => {
  let browser: Browser;
  let fitted: string;
  let unfitted: string;
  beforeAll(async () => {
    [fitted, unfitted] = [await build(''), await build('fit: false\n')];
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('scales a slide too tall, one too wide and an r-fit-text heading into the slide in the deck', async () => {
    await withPage(
      browser,
      async (page) => {
        await open(page, fitted);
        const shown = [await spill(page, 1), await spill(page, 2), await spill(page, 3), await spill(page, 0)];
        expect(shown).toEqual([
          { x: 0, y: 0, scaled: true },
          { x: 0, y: 0, scaled: true },
          { x: 0, y: 0, scaled: false },
          { x: 0, y: 0, scaled: false },
        ]);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it('does the same in the embed view, in a small frame', async () => {
    await withPage(
      browser,
      async (page) => {
        await open(page, `${fitted}?embed`);
        expect(await spill(page, 1)).toEqual({ x: 0, y: 0, scaled: true });
        expect(await spill(page, 2)).toEqual({ x: 0, y: 0, scaled: true });
      },
      { viewport: { width: 480, height: 270 } },
    );
  });

  it('leaves the slides as written with fit: false', async () => {
    await withPage(
      browser,
      async (page) => {
        await open(page, unfitted);
        const tall = await spill(page, 1);
        expect(tall.scaled).toBe(false);
        expect(tall.y).toBeGreaterThan(100);
        expect((await spill(page, 2)).x).toBeGreaterThan(100);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });
});
