// Live reload in real Chromium against the real dev server and real files: a save swaps the
// slides in place (same slide, no page load), a broken save shows the error and the next good
// one clears it, a theme edit restyles without reload, the speaker view follows, and a burst
// of saves ends on the last one.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { deckText, makeProject, serve, THEME, until, type Project, type Started } from './fixture.js';

interface LiveWindow {
  Reveal: { isReady(): boolean; slide(h: number): void; getIndices(): { h: number; v: number } };
  __marker?: number;
}

describe('live reload in Chromium', () => {
  let project: Project;
  let started: Started;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    project = makeProject();
    started = await serve(project.slides);
    origin = started.server.url.replace(/\/$/, '');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await started?.server.close();
  });

  /** Opens the deck on slide 3 with a marker that only a full page load would lose. */
  async function openOnSlideThree(page: Page, at = origin): Promise<void> {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push((e as Error).message));
    await page.goto(`${at}/deck/`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as LiveWindow).Reveal?.isReady() && (window as any).deckmarkLiveReload?.connected);
    await page.evaluate(() => {
      const w = window as unknown as LiveWindow;
      w.Reveal.slide(2);
      w.__marker = 1;
    });
    expect(problems).toEqual([]);
  }

  const browse = <T>(fn: (page: Page) => Promise<T>, at = origin): Promise<T> =>
    withPage(browser, fn, {
      viewport: { width: 1280, height: 720 },
      allow: (url) => url.startsWith(`${at}/`) || url.startsWith(`${at.replace('http:', 'ws:')}/`),
    });

  const presentText = (page: Page): Promise<string> => page.$eval('.reveal .slides section.present', (s) => (s as HTMLElement).innerText);

  const position = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as LiveWindow;
      return { ...w.Reveal.getIndices(), marker: w.__marker };
    });

  it('swaps an edited slide in place: same slide, no page load', async () => {
    await browse(async (page) => {
      await openOnSlideThree(page);
      expect(await presentText(page)).toContain('Original text on three');
      writeFileSync(project.deck, deckText('Edited text on three'));
      await page.waitForFunction(
        () => document.querySelector('.reveal .slides section.present')?.textContent?.includes('Edited text on three'),
        {
          timeout: 10_000,
        },
      );
      expect(await position(page)).toMatchObject({ h: 2, v: 0, marker: 1 });
      // The other slides came along and reveal knows them.
      expect(await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').length)).toBe(5);
      expect(await page.evaluate(() => (window as any).Reveal.getTotalSlides())).toBe(5);
    });
  });

  it('swaps the changed slides the server sends without fetching the page, unless their <section> tag changed', async () => {
    await browse(async (page) => {
      await openOnSlideThree(page);
      const fetches = () => page.evaluate(() => (window as any).deckmarkLiveReload.fetches as number);
      const showing = (text: string) =>
        page.waitForFunction(
          (t) => document.querySelector('.reveal .slides section.present')?.textContent?.includes(t),
          { timeout: 10_000 },
          text,
        );
      writeFileSync(project.deck, deckText('First edit on three'));
      await showing('First edit on three'); // the first update fetches the page: slides to compare with
      const before = await fetches();

      writeFileSync(project.deck, deckText('Second edit on **three**'));
      await showing('Second edit on three');
      expect(await fetches()).toBe(before);
      expect(await position(page)).toMatchObject({ h: 2, v: 0, marker: 1 });
      // The slides as a fresh load of the page has them.
      const slidesOf = (p: Page) => p.$$eval('.reveal .slides section[data-line]', (all) => all.map((s) => s.innerHTML));
      const swapped = await slidesOf(page);
      const loaded = await browse(async (fresh) => {
        await fresh.goto(`${origin}/deck/`, { waitUntil: 'load' });
        await fresh.waitForFunction(() => (window as any).Reveal?.isReady());
        return slidesOf(fresh);
      });
      expect(swapped).toEqual(loaded);

      // A new attribute on the slide's <section>: reveal.js must sync it whole, so the page fetches itself.
      writeFileSync(project.deck, deckText('<!-- .slide: data-background-color="#0b3d5c" -->\n\nThird edit on three'));
      await showing('Third edit on three');
      expect(await fetches()).toBe(before + 1);
      expect(await page.$eval('.reveal .slides section.present', (s) => s.getAttribute('data-background-color'))).toBe('#0b3d5c');
      expect(await position(page)).toMatchObject({ h: 2, v: 0, marker: 1 });
    });
  });

  it("keeps the fragment shown when its slide is swapped, and shows all of a swapped earlier slide's fragments on the way back", async () => {
    const withSteps = (two: string, three: string) =>
      deckText(`::: incremental\n- ${three} one\n- ${three} two\n:::`).replace(
        '![The pipeline](img/pipeline.svg)',
        `::: incremental\n- ${two} one\n- ${two} two\n:::`,
      );
    const fragmentsOf = (page: Page, n: number) =>
      page.$$eval(`.reveal .slides > section:nth-child(${n}) .fragment`, (all) => all.map((f) => f.classList.contains('visible')));
    const holds = (page: Page, n: number, text: string) =>
      page.waitForFunction(
        (i, t) => document.querySelector(`.reveal .slides > section:nth-child(${i})`)?.textContent?.includes(t),
        { timeout: 10_000 },
        n,
        text,
      );
    writeFileSync(project.deck, withSteps('Two', 'Three'));
    await until(async () => (await (await fetch(`${origin}/deck/`)).text()).includes('Three one'));
    await browse(async (page) => {
      await openOnSlideThree(page);
      writeFileSync(project.deck, withSteps('Two', 'Three, first edit'));
      await holds(page, 3, 'Three, first edit one'); // the first update fetches the page: slides to compare with
      await page.evaluate(() => (window as any).Reveal.slide(2, 0, 0));
      expect(await fragmentsOf(page, 3)).toEqual([true, false]);

      writeFileSync(project.deck, withSteps('Two', 'Three, second edit'));
      await holds(page, 3, 'Three, second edit one');
      expect(await page.evaluate(() => (window as any).Reveal.getIndices())).toMatchObject({ h: 2, v: 0, f: 0 });
      expect(await fragmentsOf(page, 3)).toEqual([true, false]);

      writeFileSync(project.deck, withSteps('Two, edited', 'Three, second edit'));
      await holds(page, 2, 'Two, edited one');
      expect(await page.evaluate(() => (window as any).Reveal.getIndices())).toMatchObject({ h: 2, v: 0, f: 0 });
      await page.evaluate(() => (window as any).Reveal.slide(1));
      expect(await fragmentsOf(page, 2)).toEqual([true, true]);
      expect(await position(page)).toMatchObject({ h: 1, marker: 1 });
    });
    writeFileSync(project.deck, deckText());
  });

  it('shows a broken save as an overlay with file:line, keeps the last good deck, and clears it on the next good save', async () => {
    await browse(async (page) => {
      await openOnSlideThree(page);
      const good = deckText('Good again on three');
      writeFileSync(project.deck, good.replace('title: Live deck', 'title: Live deck\nlang: 42'));
      await page.waitForSelector('.dm-error', { timeout: 10_000 });
      const overlay = await page.$eval('.dm-error', (e) => (e as HTMLElement).innerText);
      expect(overlay).toMatch(/deck\.md:3:1: error: .*lang/);
      // The terminal printed the same line.
      const line = overlay.split('\n').find((l) => l.includes('deck.md:3:1'))!;
      expect(started.printed).toContain(line);
      expect(await page.$eval('.dm-error', (e) => getComputedStyle(e).position)).toBe('fixed');
      // The last good deck is still served and still shown.
      expect(await (await fetch(`${origin}/deck/`)).text()).not.toContain('lang: 42');
      expect(await presentText(page)).toContain('Slide three');

      writeFileSync(project.deck, good);
      await page.waitForFunction(() => !document.querySelector('.dm-error'), { timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('.reveal .slides section.present')?.textContent?.includes('Good again'));
      expect(await position(page)).toMatchObject({ h: 2, marker: 1 });
    });
  });

  it('shows an image outside the project as an error, and clears it', async () => {
    await browse(async (page) => {
      await openOnSlideThree(page);
      writeFileSync(project.deck, deckText('![escape](../../outside.svg)'));
      await page.waitForSelector('.dm-error', { timeout: 10_000 });
      expect(await page.$eval('.dm-error', (e) => (e as HTMLElement).innerText)).toMatch(
        /deck\.md:\d+:\d+: error: .*\(asset-outside-project\)/,
      );
      writeFileSync(project.deck, deckText('Inside again'));
      await page.waitForFunction(() => !document.querySelector('.dm-error'), { timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('.reveal .slides section.present')?.textContent?.includes('Inside again'));
      expect(await position(page)).toMatchObject({ h: 2, marker: 1 });
    });
  });

  it('restyles the page when the theme file changes, without a reload', async () => {
    await browse(async (page) => {
      await openOnSlideThree(page);
      const background = () => page.$eval('.reveal-viewport', (e) => getComputedStyle(e).backgroundColor);
      expect(await background()).toBe('rgb(10, 20, 30)');
      writeFileSync(project.theme, THEME('rgb(200, 30, 40)'));
      await page.waitForFunction(
        () => getComputedStyle(document.querySelector('.reveal-viewport')!).backgroundColor === 'rgb(200, 30, 40)',
        {
          timeout: 10_000,
        },
      );
      expect(await position(page)).toMatchObject({ h: 2, marker: 1 });
      // One set of stylesheets (fonts, deckmark's, the theme), not the old and the new.
      expect(await page.$$eval('link[rel="stylesheet"]', (links) => links.map((l) => new URL(l.href).pathname.split('/').pop()))).toEqual([
        'fonts.css',
        'deckmark.css',
        'theme.css',
      ]);
    });
  });

  it('keeps the speaker view working and shows the edited notes', async () => {
    await browse(async (page) => {
      await openOnSlideThree(page);
      const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await page.keyboard.press('s');
      const speaker = (await popup)!;
      const notes = () => speaker.$eval('.speaker-controls-notes .value', (e) => (e as HTMLElement).innerText).catch(() => '');
      await until(async () => (await notes()).includes('Notes for three'));
      writeFileSync(project.deck, deckText('Text with new notes', 'Edited notes for three'));
      await until(async () => (await notes()).includes('Edited notes for three'));
      expect(await position(page)).toMatchObject({ h: 2, marker: 1 });
      await speaker.close();
    });
  });

  it('survives 100 rapid saves and ends on the last one', async () => {
    await browse(async (page) => {
      await openOnSlideThree(page);
      for (let i = 1; i <= 100; i++) {
        writeFileSync(project.deck, deckText(`Rapid save number ${i}`));
        if (i % 10 === 0) await new Promise((r) => setTimeout(r, 15));
      }
      await page.waitForFunction(
        () => document.querySelector('.reveal .slides section.present')?.textContent?.includes('Rapid save number 100'),
        {
          timeout: 10_000,
        },
      );
      expect(await position(page)).toMatchObject({ h: 2, marker: 1 });
      expect((await fetch(`${origin}/deck/`)).status).toBe(200);
      expect(readFileSync(project.deck, 'utf8')).toContain('Rapid save number 100');
    });
  });

  it('reconnects when the server restarts, and shows what changed while it was down', async () => {
    const own = makeProject();
    const first = await serve(own.slides);
    const port = first.server.port;
    const at = `http://127.0.0.1:${port}`;
    await browse(async (page) => {
      await openOnSlideThree(page, at);
      await first.server.close();
      await page.waitForFunction(() => !(window as any).deckmarkLiveReload.connected);
      writeFileSync(own.deck, deckText('Written while the server was down'));
      const second = await serve(own.slides, { port });
      try {
        await page.waitForFunction(
          () => document.querySelector('.reveal .slides section.present')?.textContent?.includes('while the server was down'),
          {
            timeout: 10_000,
          },
        );
        expect(await position(page)).toMatchObject({ h: 2, marker: 1 });
      } finally {
        await second.server.close();
      }
    }, at);
  });
});
