// WCAG 2.1 A and AA, audited by axe-core in Chromium: both example decks in each built-in theme
// — the deck with every slide visited (all fragments shown), the embed view, the reading view
// and the gallery — have 0 violations. Then what a screen reader gets: the live region's
// announcement on a slide change, in the deck's language, and no role="application".
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_THEMES } from '../../src/model/themes.js';
import { launchBrowser, withPage } from '../../src/export/browser.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { startStaticHost, type StaticHost } from '../helpers/static-host.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DECKS = ['layouts', 'strategi-sosiale-medier'];

/**
 * No rule is switched off: every WCAG 2.1 A/AA rule axe has runs on every page. One kind of
 * finding is set aside, by rule and element: `color-contrast` on the lines of a stepped code
 * block outside its current step (`data-line-numbers="1-2|4"`), dimmed on purpose so the
 * audience looks at the step; each line is at full strength in its own step, in the PDF and in
 * the reading view.
 */
const DIMMED_CODE_LINE = 'pre code.has-highlights tr:not(.highlight-line)';

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

async function audit(page: Page, where: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (dimmed) => {
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      iframes: false, // the gallery's live thumbnails are decks, audited on their own
      resultTypes: ['violations'],
    });
    const setAside = (id: string, target: string[]) =>
      id === 'color-contrast' && target.length === 1 && document.querySelector(target[0])?.closest(dimmed) != null;
    return (result.violations as any[])
      .map((v) => ({
        id: v.id as string,
        help: v.help as string,
        nodes: (v.nodes as any[])
          .filter((n) => !setAside(v.id, n.target))
          .map((n) => `${(n.target as string[]).join(' ')}: ${String(n.failureSummary).split('\n')[1] ?? ''}`),
      }))
      .filter((v) => v.nodes.length > 0);
  }, DIMMED_CODE_LINE);
  return violations.map((v) => ({ ...v, id: `${where}: ${v.id}` }));
}

/** Every slide of the deck, each with its fragments all shown, audited. */
async function auditEverySlide(page: Page, where: string): Promise<Violation[]> {
  const slides = await page.evaluate(() => {
    const reveal = (window as any).Reveal;
    reveal.configure({ transition: 'none', backgroundTransition: 'none' });
    // Fragments fade in: audit what the audience sees once they are in, not half-way.
    const still = document.createElement('style');
    still.textContent = '*,*::before,*::after{transition-duration:0s!important;animation-duration:0s!important}';
    document.head.append(still);
    return (reveal.getSlides() as HTMLElement[]).map((s) => reveal.getIndices(s) as { h: number; v: number });
  });
  const found: Violation[] = [];
  for (const { h, v } of slides) {
    await page.evaluate(
      (h, v) => {
        const reveal = (window as any).Reveal;
        reveal.slide(h, v ?? 0);
        while (reveal.nextFragment());
      },
      h,
      v,
    );
    found.push(...(await audit(page, `${where} #/${h}/${v ?? 0}`)));
  }
  return found;
}

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
      const found: Violation[] = [];
      const url = (file: string) => `${host.url}${theme}/${file}`;
      const ready = (page: Page) => page.waitForFunction(() => (window as any).Reveal?.isReady());
      for (const deck of DECKS) {
        await onPage(browser, host, url(`${deck}/index.html`), async (page) => {
          await ready(page);
          found.push(...(await auditEverySlide(page, `${theme}/${deck}`)));
        });
        await onPage(browser, host, url(`${deck}/index.html?embed`), async (page) => {
          await ready(page);
          found.push(...(await audit(page, `${theme}/${deck}?embed`)));
        });
        await onPage(browser, host, url(`${deck}/read/index.html`), async (page) => {
          found.push(...(await audit(page, `${theme}/${deck}/read`)));
        });
      }
      await onPage(browser, host, url('index.html'), async (page) => {
        found.push(...(await audit(page, `${theme}/gallery`)));
      });
      expect(found).toEqual([]);
    }, 240_000);
  }
});
