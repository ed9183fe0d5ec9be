// Video in the built deck, in real Chromium, offline: no player is requested before its slide
// is shown, then the privacy-mode URL with its start time; leaving the slide unloads the player
// and pauses a local <video>; after a click into a player the arrow keys still drive the deck.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { blockedRequests, withPage } from '../../src/export/browser/pages.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';

const DECK = `---
title: Video
---
# Start

---

## Film

https://youtu.be/reBGK5isnco {start=1m30s}

---

## Klipp

![Klipp](clip.webm){muted loop}

---

## Slutt
`;

const EMBED = 'https://www.youtube-nocookie.com/embed/reBGK5isnco?start=90&rel=0';

const frameSrc = (page: Page) => page.$eval('iframe.dm-video-player', (f) => f.getAttribute('src'));
const goTo = (page: Page, h: number) =>
  page.evaluate((n) => {
    (window as any).Reveal.slide(n);
  }, h);

describe('video in the built deck', () => {
  let browser: Browser;
  let deckUrl: string;

  beforeAll(async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    copyFileSync(path.join(SLIDES, 'img/sample-clip.webm'), path.join(dir, 'clip.webm'));
    writeFileSync(path.join(dir, 'deck.md'), DECK);
    const out = path.join(dir, 'out');
    const built = await runCli('build', path.join(dir, 'deck.md'), '-o', out);
    expect(built.code, built.stderr).toBe(0);
    deckUrl = pathToFileURL(path.join(out, 'deck/index.html')).href;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(page: Page, query = ''): Promise<void> {
    await page.goto(deckUrl + query, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as any).Reveal?.isReady());
  }

  it('requests no player until its slide is shown, then the nocookie URL with the start time; unloads it on leaving', async () => {
    await withPage(
      browser,
      async (page) => {
        await open(page);
        // The film's slide is next to the first one, inside reveal's view distance: loaded, but not played.
        expect(await page.$eval('iframe.dm-video-player', (f) => (f.closest('section') as HTMLElement).style.display)).toBe('block');
        expect(await frameSrc(page)).toBeNull();
        expect(await page.$eval('iframe.dm-video-player', (f) => f.getAttribute('data-src'))).toBe(EMBED);
        await page.waitForNetworkIdle({ idleTime: 200 });
        expect(blockedRequests(page)).toEqual([]);

        await goTo(page, 1);
        await page.waitForFunction(() => document.querySelector('iframe.dm-video-player')?.getAttribute('src') !== null);
        expect(await frameSrc(page)).toBe(EMBED);
        // Now, and only now, the player is requested (and refused: tests run offline).
        await vi.waitFor(() => expect(blockedRequests(page)).toEqual([EMBED]), { timeout: 5000 });

        await goTo(page, 2);
        expect(await frameSrc(page)).toBeNull();
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it('pauses a playing local video when its slide is left', async () => {
    await withPage(
      browser,
      async (page) => {
        await open(page);
        await goTo(page, 2);
        const src = await page.$eval('video.dm-video-player', (v) => v.getAttribute('src'));
        expect(src).toMatch(/^assets\/clip-[0-9a-f]{10}\.webm$/);
        await page.$eval('video.dm-video-player', (v) => (v as HTMLVideoElement).play());
        await page.waitForFunction(() => {
          const v = document.querySelector('video.dm-video-player') as HTMLVideoElement;
          return !v.paused && v.currentTime > 0;
        });
        await goTo(page, 3);
        expect(await page.$eval('video.dm-video-player', (v) => (v as HTMLVideoElement).paused)).toBe(true);
        expect(blockedRequests(page)).toEqual([]);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it('gives the keyboard back to the deck after a click into a player', async () => {
    await withPage(
      browser,
      async (page) => {
        await open(page);
        // A local stand-in for the player: a cross-origin document with a button to click.
        await page.$eval('iframe.dm-video-player', (f) =>
          f.setAttribute(
            'data-src',
            'data:text/html,<body style="margin:0"><button style="width:100vw;height:100vh" onclick="document.title=\'clicked\'">play</button>',
          ),
        );
        await goTo(page, 1);
        const playerFrame = await page.waitForFrame((f) => f.url().startsWith('data:'));
        await playerFrame.waitForSelector('button');
        // The slide has come to rest: the player's box is the same two frames apart.
        await page.waitForFunction(
          () =>
            new Promise((done) => {
              const box = () => JSON.stringify(document.querySelector('iframe.dm-video-player')!.getBoundingClientRect());
              const before = box();
              requestAnimationFrame(() => requestAnimationFrame(() => done(box() === before)));
            }),
        );
        const box = (await (await page.$('iframe.dm-video-player'))!.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForFunction(() => document.hasFocus() && !(document.activeElement instanceof HTMLIFrameElement), { timeout: 5000 });
        // The click still reached the player …
        const player = page.frames().find((f) => f.url().startsWith('data:'))!;
        expect(await player.evaluate(() => document.title)).toBe('clicked');
        // … and the next key press reaches the deck.
        await page.keyboard.press('ArrowRight');
        expect(await page.evaluate(() => (window as any).Reveal.getIndices().h)).toBe(2);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it("plays the seed's film on its slide of the example deck", async () => {
    const out = tempDir();
    const built = await runCli('build', path.join(SLIDES, 'strategi-sosiale-medier.md'), '-o', out);
    expect(built.code, built.stderr).toBe(0);
    await withPage(
      browser,
      async (page) => {
        await page.goto(pathToFileURL(path.join(out, 'strategi-sosiale-medier/index.html')).href, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady());
        expect(await frameSrc(page)).toBeNull();
        await page.evaluate(() => {
          const reveal = (window as any).Reveal;
          const { h, v } = reveal.getIndices(document.querySelector('iframe.dm-video-player')!.closest('section'));
          reveal.slide(h, v);
        });
        expect(await page.evaluate(() => document.querySelector('section.present h2')?.textContent)).toBe('Kortfilm: sosiale medier');
        expect(await frameSrc(page)).toBe('https://www.youtube-nocookie.com/embed/reBGK5isnco?rel=0');
        expect(await page.$eval('iframe.dm-video-player', (f) => f.getAttribute('title'))).toBe('Kortfilm om sosiale medier');
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it('loads no player in the print view', async () => {
    await withPage(
      browser,
      async (page) => {
        await open(page, '?print-pdf');
        await page.waitForNetworkIdle({ idleTime: 200 });
        expect(await page.$$eval('.dm-video-player', (els) => els.map((e) => [e.getAttribute('src'), e.getAttribute('data-src')]))).toEqual(
          [
            [null, null],
            [null, null],
          ],
        );
        expect(await page.$eval('.dm-video-still', (s) => getComputedStyle(s).display)).toBe('flex');
        expect(await page.$eval('iframe.dm-video-player', (s) => getComputedStyle(s).display)).toBe('none');
        expect(blockedRequests(page)).toEqual([]);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });
});
