// `deckmark present` in real Chromium: a presenter page, a phone-sized remote and two audience
// pages in one browser; the remote moves them all (slides and fragments), an audience page that
// steps back gets "follow the presenter", blank screen reaches everyone, and a server killed
// and started again finds every page back on the presenter's slide.
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import type { PresentServer } from '../../src/server/present/present-server.js';
import { makeTalk, present } from './present-fixture.js';

interface Indices {
  h: number;
  v: number;
  f?: number;
}
interface PresentWindow {
  Reveal: { isReady(): boolean; getIndices(): Indices; isPaused(): boolean; slide(h: number, v?: number, f?: number): void; prev(): void };
  deckmarkPresent: { status: string; following: boolean };
  deckmarkRemote: { status: string; presenters: number; state: { title: string; notes: string } | null };
}

/** Polled on a timer: a background tab runs no animation frames, puppeteer's default. */
const POLL = { polling: 50 };

describe('deckmark present in Chromium', () => {
  let talk: string;
  let server: PresentServer;
  let browser: Browser;
  let presenter: Page;
  let remote: Page;
  let audience: Page[];

  async function openDeck(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => {
      const w = window as unknown as PresentWindow;
      return w.Reveal?.isReady() && w.deckmarkPresent?.status === 'live';
    }, POLL);
    return page;
  }

  const indices = (page: Page): Promise<Indices> =>
    page.evaluate(() => {
      const { h, v, f } = (window as unknown as PresentWindow).Reveal.getIndices();
      return { h, v, f: f ?? -1 };
    });
  /** Waits until every page shows slide h with fragment f (-1: none shown). */
  const allAt = (pages: Page[], h: number, f = -1): Promise<unknown> =>
    Promise.all(
      pages.map((page) =>
        page.waitForFunction(
          (h, f) => {
            const at = (window as unknown as PresentWindow).Reveal.getIndices();
            return at.h === h && (at.f ?? -1) === f;
          },
          { timeout: 5000, polling: 50 },
          h,
          f,
        ),
      ),
    );

  beforeAll(async () => {
    talk = makeTalk();
    server = await present(talk);
    browser = await launchBrowser();
    presenter = await openDeck(server.presenterUrl);
    audience = [await openDeck(server.audienceUrl), await openDeck(server.audienceUrl)];
    remote = await browser.newPage();
    await remote.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await remote.goto(server.remoteUrl, { waitUntil: 'load' });
    await remote.waitForFunction(() => {
      const r = (window as unknown as PresentWindow).deckmarkRemote;
      return r.status === 'live' && r.presenters === 1 && r.state !== null;
    }, POLL);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const press = async (name: string): Promise<void> => {
    const button = await remote.waitForSelector(`::-p-aria(${name}[role="button"])`);
    await button!.tap();
  };

  it('has big Neste/Forrige buttons that fit a 390×844 phone, one thumb from the bottom', async () => {
    const box = async (name: string) => (await (await remote.$(`::-p-aria(${name}[role="button"])`))!.boundingBox())!;
    const next = await box('Neste');
    const prev = await box('Forrige');
    expect(next.height).toBeGreaterThanOrEqual(140);
    expect(next.width).toBeGreaterThan(prev.width);
    expect(next.y + next.height).toBeLessThanOrEqual(844);
    expect(next.y).toBeGreaterThan(844 / 2);
    expect(await remote.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await remote.$eval('#title', (e) => e.textContent)).toBe('Slide one');
    expect(await remote.$eval('#next-title', (e) => e.textContent)).toBe('Slide two');
  });

  it('moves the presenter and both audience pages, slide by slide and fragment by fragment', async () => {
    const everyone = [presenter, ...audience];
    await press('Neste');
    await allAt(everyone, 1, -1);
    const started = Date.now();
    await press('Neste');
    await allAt(everyone, 1, 0);
    // Tap → presenter → every audience page, through the server, in real pages.
    expect(Date.now() - started).toBeLessThan(1000);
    await press('Neste');
    await allAt(everyone, 2, -1);
    await remote.waitForFunction(() => document.getElementById('notes')?.textContent === 'Notes for three', POLL);
    expect(await remote.$eval('#title', (e) => e.textContent)).toBe('Slide three');
    expect(await remote.$eval('#position', (e) => e.textContent)).toBe('3 / 4');
    await press('Forrige');
    await allAt(everyone, 1, 0);
  });

  it('steps on a swipe over the notes: left is next, right is previous', async () => {
    const swipe = async (fromX: number, toX: number): Promise<void> => {
      await remote.touchscreen.touchStart(fromX, 300);
      await remote.touchscreen.touchMove((fromX + toX) / 2, 305);
      await remote.touchscreen.touchMove(toX, 310);
      await remote.touchscreen.touchEnd();
    };
    await swipe(320, 60);
    await allAt([presenter, ...audience], 2, -1);
    await swipe(60, 320);
    await allAt([presenter, ...audience], 1, 0);
  });

  it('lets a viewer step back, shows "follow the presenter", and returns to live on click', async () => {
    const [viewer, other] = audience;
    await viewer.evaluate(() => (window as unknown as PresentWindow).Reveal.slide(0));
    await viewer.waitForFunction(() => document.querySelector<HTMLElement>('.dm-present-follow')?.hidden === false, POLL);
    const follow = (await viewer.$('.dm-present-follow'))!;
    expect(await follow.evaluate((e) => e.textContent)).toBe('Følg foredragsholderen');
    await press('Neste');
    await allAt([presenter, other], 2, -1);
    expect(await indices(viewer)).toMatchObject({ h: 0 });
    await viewer.bringToFront();
    await follow.click();
    await allAt([viewer], 2, -1);
    await remote.bringToFront();
    expect(await viewer.$eval('.dm-present-follow', (e) => (e as HTMLElement).hidden)).toBe(true);
    await press('Neste');
    await allAt(audience, 3, -1);
  });

  it('blanks every screen and shows it again', async () => {
    await press('Svart skjerm');
    const paused = (page: Page) =>
      page.waitForFunction(() => (window as unknown as PresentWindow).Reveal.isPaused(), { timeout: 5000, polling: 50 });
    await Promise.all([presenter, ...audience].map(paused));
    await press('Vis skjermen');
    await Promise.all(
      [presenter, ...audience].map((page) =>
        page.waitForFunction(() => !(window as unknown as PresentWindow).Reveal.isPaused(), { timeout: 5000, polling: 50 }),
      ),
    );
  });

  it('brings the audience to the last of 40 quick steps on the presenter (no state lost to the rate limit)', async () => {
    await presenter.evaluate(() => {
      const reveal = (window as unknown as PresentWindow).Reveal;
      for (let i = 0; i < 40; i++) reveal.slide(i % 4);
      reveal.slide(2);
    });
    await allAt(audience, 2, -1);
    await remote.waitForFunction(() => document.getElementById('title')?.textContent === 'Slide three', POLL);
    expect(server.channel.dropped).toBe(0);
  });

  it('shows the remote QR code on the presenter page on R', async () => {
    const qrShown = (shown: boolean) =>
      presenter.waitForFunction((shown) => (document.querySelector('.dm-present-qr') as HTMLElement).hidden !== shown, POLL, shown);
    await presenter.bringToFront();
    await presenter.keyboard.press('r');
    await qrShown(true);
    expect(await presenter.$eval('.dm-present-qr', (e) => e.textContent)).toContain(server.remoteUrl);
    expect(await presenter.$eval('.dm-present-qr svg', (e) => e.getBoundingClientRect().width)).toBeGreaterThan(200);
    await presenter.keyboard.press('r');
    await qrShown(false);
    await remote.bringToFront();
  });

  it("keeps the speaker view working: its previews of the presenter's URL do not join the channel", async () => {
    await presenter.bringToFront();
    const popup = new Promise<Page | null>((resolve) => presenter.once('popup', resolve));
    await presenter.keyboard.press('s');
    const speaker = (await popup)!;
    await speaker.waitForFunction(() => document.querySelectorAll('iframe').length >= 2, POLL);
    await speaker.waitForFunction(
      () => [...document.querySelectorAll('iframe')].every((f) => (f.contentWindow as unknown as PresentWindow | null)?.Reveal?.isReady()),
      POLL,
    );
    expect(server.channel.counts()).toEqual({ presenter: 1, remote: 1, audience: 2 });
    await speaker.close();
    await remote.bringToFront();
    await press('Neste');
    await allAt([presenter, ...audience], 3, -1);
    await press('Forrige');
    await allAt([presenter, ...audience], 2, -1);
  });

  it('reconnects every page after the server is killed and started again, and resyncs them', async () => {
    const { port, token } = server;
    await server.close();
    const reconnecting = (page: Page) =>
      page.waitForFunction(() => (window as unknown as PresentWindow).deckmarkPresent.status === 'reconnecting', {
        timeout: 5000,
        polling: 50,
      });
    await Promise.all([presenter, ...audience].map(reconnecting));
    expect(await audience[0].$eval('.dm-present-status', (e) => !(e as HTMLElement).hidden)).toBe(true);
    await remote.waitForFunction(() => (window as unknown as PresentWindow).deckmarkRemote.status === 'reconnecting', POLL);
    // The presenter moves on while the server is down: that slide is the truth afterwards.
    await presenter.evaluate(() => (window as unknown as PresentWindow).Reveal.slide(1, 0, 0));
    server = await present(talk, { port, token });
    const live = (page: Page) =>
      page.waitForFunction(() => (window as unknown as PresentWindow).deckmarkPresent.status === 'live', { timeout: 10_000, polling: 50 });
    await Promise.all([presenter, ...audience].map(live));
    await allAt(audience, 1, 0);
    expect(await audience[0].$eval('.dm-present-status', (e) => (e as HTMLElement).hidden)).toBe(true);
    await remote.waitForFunction(() => (window as unknown as PresentWindow).deckmarkRemote.status === 'live', {
      timeout: 10_000,
      polling: 50,
    });
    await remote.waitForFunction(() => document.getElementById('title')?.textContent === 'Slide two', POLL);
    await press('Neste');
    await allAt([presenter, ...audience], 2, -1);
  });

  it('tells a remote whose key is refused to open the new URL, and stops retrying', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844 });
    const stale = server.remoteUrl;
    const { port } = server;
    await page.goto(stale, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as PresentWindow).deckmarkRemote.status === 'live', POLL);
    await server.close();
    server = await present(talk, { port }); // a new key
    await page.waitForFunction(() => (window as unknown as PresentWindow).deckmarkRemote.status === 'refused', {
      timeout: 10_000,
      polling: 50,
    });
    expect(await page.$eval('#status', (e) => e.textContent)).toContain('åpne adressen deckmark present skrev ut');
    expect(await page.$eval('#next', (e) => (e as HTMLButtonElement).disabled)).toBe(true);
    await page.close();
  });
});
