// Shrink-to-fit under `deckmark serve`: a slide edited until it is too tall is swapped in by the
// live-reload client and scaled to fit, without a page load.
import { writeFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { deckText, makeProject, serve, type Project, type Started } from './fixture.js';

describe('shrink-to-fit under deckmark serve', { timeout: 60_000 }, () => {
  let project: Project;
  let started: Started;
  let browser: Browser;
  beforeAll(async () => {
    project = makeProject();
    started = await serve(project.slides);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await started?.server.close();
  });

  it('fits a slide that an edit made too tall, in place', async () => {
    const origin = started.server.url.replace(/\/$/, '');
    await withPage(
      browser,
      async (page) => {
        await page.goto(`${origin}/deck/`, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady() && (window as any).deckmarkLiveReload?.connected);
        await page.evaluate(() => (window as any).Reveal.slide(2));
        const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
        writeFileSync(project.deck, deckText(long));
        await page.waitForFunction(
          () => document.querySelector('.reveal .slides section.present')?.textContent?.includes('Paragraph 40.'),
          {
            timeout: 10_000,
          },
        );
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const shown = await page.evaluate(() => {
          const box = document.querySelector('.reveal .slides')!.getBoundingClientRect();
          const section = document.querySelector('.reveal .slides section.present')!;
          const last = [...section.querySelectorAll('p')].pop()!.getBoundingClientRect();
          return { scaled: !!section.querySelector('.dm-fit[style*="scale"]'), inside: last.bottom <= box.bottom + 1 };
        });
        expect(shown).toEqual({ scaled: true, inside: true });
      },
      {
        viewport: { width: 1280, height: 720 },
        allow: (url) => url.startsWith(`${origin}/`) || url.startsWith(`${origin.replace('http:', 'ws:')}/`),
      },
    );
  });
});
