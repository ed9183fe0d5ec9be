// The "Text version" pill (the deck's first Tab stop, top left) never covers a slide: measured in
// Chromium for slides whose content starts at the top left — a heading on a top-aligned slide,
// a tall list, and an element at the slide's very corner — in windows of several sizes and
// shapes, and in the embed view (where a frame under 300 px tall shows it only on focus).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { runCli, tempDir } from '../helpers/cli.js';

const DECK = `---
title: Top left
lang: nb
transition: none
reveal:
  center: false
---

# A heading at the top left

Text under it.

---

## Tall

${Array.from({ length: 12 }, (_, i) => `- point ${i + 1}`).join('\n')}

---

<div class="corner" style="position:absolute;top:0;left:0;margin:0">Corner</div>

## The slide's very corner
`;

/** Window sizes: 16:9 large and small (the slide fills the height), 4:3, wider than 16:9, a phone on its side. */
const WINDOWS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 960, height: 540 },
  { width: 1024, height: 768 },
  { width: 1280, height: 600 },
  { width: 640, height: 360 },
];

interface Overlap {
  slide: number;
  element: string;
  area: number;
}

let browser: Browser;
let deckUrl: string;

beforeAll(async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, 'top.md'), DECK);
  const built = await runCli('build', path.join(dir, 'top.md'), '-o', path.join(dir, 'out'), '--no-image');
  expect(built.code, built.stderr).toBe(0);
  deckUrl = pathToFileURL(path.join(dir, 'out/top/index.html')).href;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** The pill's box, and every slide element it covers (by how many square pixels), slide by slide. */
async function measure(url: string, viewport: { width: number; height: number }) {
  return withPage(
    browser,
    async (page) => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as any).Reveal?.isReady());
      await page.evaluate(() => document.fonts.ready);
      const total = await page.evaluate(() => (window as any).Reveal.getTotalSlides() as number);
      const overlaps: Overlap[] = [];
      let pill = { left: 0, top: 0, right: 0, bottom: 0, visible: false };
      for (let slide = 0; slide < total; slide++) {
        await page.evaluate((i) => (window as any).Reveal.slide(i), slide);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const found = await page.evaluate((i) => {
          const link = document.querySelector('.dm-read-link')!;
          const p = link.getBoundingClientRect();
          const section = document.querySelector('.reveal .slides > section.present')!;
          const covered: { slide: number; element: string; area: number }[] = [];
          for (const el of section.querySelectorAll('h1, h2, p, li, div')) {
            const r = el.getBoundingClientRect();
            const w = Math.min(p.right, r.right) - Math.max(p.left, r.left);
            const h = Math.min(p.bottom, r.bottom) - Math.max(p.top, r.top);
            if (w > 0 && h > 0)
              covered.push({
                slide: i,
                element: `${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 20)}"`,
                area: Math.round(w * h),
              });
          }
          const style = getComputedStyle(link);
          const visible = p.width > 0 && p.height > 0 && style.visibility === 'visible' && style.display !== 'none';
          return { covered, pill: { left: p.left, top: p.top, right: p.right, bottom: p.bottom, visible } };
        }, slide);
        overlaps.push(...found.covered);
        pill = found.pill;
      }
      return { overlaps, pill, total };
    },
    { viewport },
  );
}

describe('the text-version pill', () => {
  for (const viewport of WINDOWS) {
    it(`covers no slide content at ${viewport.width}×${viewport.height}`, async () => {
      const { overlaps, pill, total } = await measure(deckUrl, viewport);
      expect(total).toBe(3);
      // Shown, in the top left corner: the test would pass on a hidden link otherwise.
      expect(pill.visible).toBe(true);
      expect(pill.left).toBeLessThan(20);
      expect(pill.top).toBeLessThan(20);
      expect(overlaps).toEqual([]);
    });
  }

  it('in an embed frame under 300 px tall, waits above the top edge until focused, and the slide keeps the whole frame', async () => {
    const viewport = { width: 360, height: 202 };
    const shown = await withPage(
      browser,
      async (page) => {
        await page.goto(`${deckUrl}?embed`, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady());
        const state = () =>
          page.evaluate(() => ({
            linkBottom: Math.round(document.querySelector('.dm-read-link')!.getBoundingClientRect().bottom),
            revealTop: Math.round(document.querySelector('.reveal')!.getBoundingClientRect().top),
          }));
        const before = await state();
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.className);
        return { before, focused, after: await state() };
      },
      { viewport },
    );
    expect(shown.before).toEqual({ linkBottom: 0, revealTop: 0 });
    expect(shown.focused).toBe('dm-read-link');
    expect(shown.after.linkBottom).toBeGreaterThan(15);
  });

  it('is not on the speaker view’s previews (?receiver) nor the gallery’s thumbnails (?thumbnail), which keep the whole frame', async () => {
    for (const query of ['?receiver', '?thumbnail']) {
      const shown = await withPage(
        browser,
        async (page) => {
          await page.goto(`${deckUrl}${query}`, { waitUntil: 'load' });
          await page.waitForFunction(() => (window as any).Reveal?.isReady());
          return page.evaluate(() => ({
            link: getComputedStyle(document.querySelector('.dm-read-link')!).display,
            revealTop: Math.round(document.querySelector('.reveal')!.getBoundingClientRect().top),
          }));
        },
        { viewport: { width: 640, height: 360 } },
      );
      expect(shown, query).toEqual({ link: 'none', revealTop: 0 });
    }
  });

  it('covers no slide content in the embed view (640×360)', async () => {
    const { overlaps, pill } = await measure(`${deckUrl}?embed`, { width: 640, height: 360 });
    expect(pill.visible).toBe(true);
    expect(overlaps).toEqual([]);
  });
});
