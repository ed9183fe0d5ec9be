// WCAG 2.1 A and AA, audited by axe-core in Chromium: both example decks in each built-in theme
// — the deck with every slide visited (all fragments shown), the embed view, the reading view
// and the gallery — have 0 violations (the audit of src/export/accessibility-audit.ts, which
// `check --a11y` runs too). Then what a screen reader gets: the live region's
// announcement on a slide change, in the deck's language, and no role="application".
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_THEMES } from '../../src/model/themes.js';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { auditEverySlide, auditPage, type AxeFinding } from '../../src/export/accessibility-audit.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { startStaticHost, type StaticHost } from '../helpers/static-host.js';

const DECKS = ['layouts', 'strategi-sosiale-medier'];

/** The audit's findings as lines that say where: `default/layouts (line 40): image-alt img: …`. */
const described = (where: string, findings: AxeFinding[]): string[] =>
  findings.map((f) => `${where}${f.line ? ` (line ${f.line})` : ''}: ${f.rule} ${f.element}: ${f.summary}`);

/** A page of the static host (one page per load: withPage takes a later navigation for one away). */
async function onPage<T>(browser: Browser, host: StaticHost, url: string, fn: (page: Page) => Promise<T>): Promise<T> {
  return withPage(
    browser,
    async (page) => {
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      return fn(page);
    },
    // Only the static host: the film's player (YouTube) stays out, its still is audited.
    { viewport: { width: 1280, height: 720 }, allow: (u) => u.startsWith(host.url) },
  );
}

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  let browser: Browser;
  let host: StaticHost;

  beforeAll(async () => {
    // Both example decks in each built-in theme: a project folder per theme.
    const root = tempDir();
    const out = path.join(root, 'out');
    for (const theme of BUILTIN_THEMES) {
      const dir = path.join(root, theme);
      mkdirSync(dir, { recursive: true });
      cpSync(path.join(SLIDES, 'img'), path.join(dir, 'img'), { recursive: true });
      for (const deck of DECKS) {
        const text = readFileSync(path.join(SLIDES, `${deck}.md`), 'utf8').replace(/^theme: .*$/m, `theme: ${theme}`);
        writeFileSync(path.join(dir, `${deck}.md`), text);
      }
      const built = await runCli('build', dir, '-o', path.join(out, theme), '--no-image');
      expect(built.code, built.stderr).toBe(0);
    }
    browser = await launchBrowser();
    host = await startStaticHost(out);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('announces each slide in the deck’s language, labels the arrows and keeps future fragments from screen readers', async () => {
    await onPage(browser, host, `${host.url}default/strategi-sosiale-medier/index.html`, async (page) => {
      await page.waitForFunction(() => (window as any).Reveal?.isReady());
      const deck = await page.evaluate(() => ({
        role: document.querySelector('.reveal')?.getAttribute('role'),
        roledescription: document.querySelector('.reveal')?.getAttribute('aria-roledescription'),
        next: document.querySelector('.controls .navigate-right')?.getAttribute('aria-label'),
        previous: document.querySelector('.controls .navigate-left')?.getAttribute('aria-label'),
        revealStatus: document.querySelector('.aria-status')?.getAttribute('aria-live'),
      }));
      expect(deck).toEqual({
        role: 'region',
        roledescription: 'lysbildeserie',
        next: 'Neste lysbilde',
        previous: 'Forrige lysbilde',
        revealStatus: 'off',
      });
      const total = await page.evaluate(() => (window as any).Reveal.getTotalSlides() as number);
      await page.keyboard.press('ArrowRight');
      const live = () => page.$eval('.dm-live', (el) => [el.getAttribute('aria-live'), el.textContent]);
      const title = await page.evaluate(() => (window as any).Reveal.getCurrentSlide().querySelector('h1, h2').textContent.trim());
      expect(await live()).toEqual(['polite', `Lysbilde 2 av ${total}: ${title}`]);
      // The incremental goals: until shown, each is inert (no screen reader, no Tab); shown, it is back.
      const goals = await page.evaluate(() => {
        const reveal = (window as any).Reveal;
        const slide = document.querySelector('.dm-goals')!.closest('section')!;
        const { h, v } = reveal.getIndices(slide);
        reveal.slide(h, v);
        const inert = () => [...slide.querySelectorAll<HTMLElement>('.fragment')].map((f) => f.inert);
        const before = inert();
        reveal.nextFragment();
        return { before, after: inert() };
      });
      expect(goals.before.length).toBeGreaterThan(1);
      expect(goals.before.every(Boolean)).toBe(true);
      expect(goals.after[0]).toBe(false);
      expect(goals.after.slice(1).every(Boolean)).toBe(true);
    });
  });

  it('reaches the text version by keyboard: the first Tab stop, and the T key', async () => {
    const deckUrl = `${host.url}default/layouts/index.html`;
    await onPage(browser, host, deckUrl, async (page) => {
      await page.waitForFunction(() => (window as any).Reveal?.isReady());
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('dm-read-link');
      expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(`${host.url}default/layouts/read/`);
    });
    await onPage(browser, host, deckUrl, async (page) => {
      await page.waitForFunction(() => (window as any).Reveal?.isReady());
      // The key follows the link (its click is stopped here: withPage cancels a page's navigation away).
      await page.evaluate(() => {
        const link = document.querySelector('.dm-read-link')!;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          document.body.dataset.followed = 'yes';
        });
      });
      await page.keyboard.press('t');
      expect(await page.evaluate(() => document.body.dataset.followed)).toBe('yes');
    });
  });

  for (const theme of BUILTIN_THEMES) {
    it(`has no violations in the ${theme} theme: decks, embed views, reading views, gallery`, async () => {
      const found: string[] = [];
      const url = (file: string) => `${host.url}${theme}/${file}`;
      const ready = (page: Page) => page.waitForFunction(() => (window as any).Reveal?.isReady());
      for (const deck of DECKS) {
        await onPage(browser, host, url(`${deck}/index.html`), async (page) => {
          await ready(page);
          found.push(...described(`${theme}/${deck}`, await auditEverySlide(page)));
        });
        await onPage(browser, host, url(`${deck}/index.html?embed`), async (page) => {
          await ready(page);
          found.push(...described(`${theme}/${deck}?embed`, await auditPage(page)));
        });
        await onPage(browser, host, url(`${deck}/read/index.html`), async (page) => {
          found.push(...described(`${theme}/${deck}/read`, await auditPage(page)));
        });
      }
      await onPage(browser, host, url('index.html'), async (page) => {
        found.push(...described(`${theme}/gallery`, await auditPage(page)));
      });
      expect(found).toEqual([]);
    }, 240_000);
  }
});
