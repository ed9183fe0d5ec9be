// reveal.js's controls, progress bar and slide number, and the "Download PDF" link, turn light
// over a dark slide — an `.inverse` one or one with a dark background colour — and back over a
// light one (client/chrome-contrast.ts), in Chromium, as the deck is navigated; and the themes
// mark the slide on screen without `:has()` selectors over the slides, which made every class
// change on a slide restyle the whole deck (a 500-slide print view loaded in 2.9 s, not 1.2 s).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const DECK = `---
title: Dark and light
lang: nb
slideNumber: true
transition: none
---

# Light

---

<!-- .slide: class="inverse" -->

## Inverse

---

<!-- .slide: data-background-color="#0b3d5c" -->

## Dark background

---

<!-- .slide: class="inverse" data-background-color="#5c0b3d" -->

## Inverse with its own colour
`;

interface Chrome {
  controls: string;
  slideNumber: string;
  slideNumberBackground: string;
  pdfLink: string;
}

/** The computed colours of the deck's chrome on slide `h`. */
async function chromeOn(page: Page, h: number): Promise<Chrome> {
  await page.evaluate((i) => (window as any).Reveal.slide(i), h);
  return page.evaluate(() => {
    const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      controls: style('.reveal .controls').color,
      slideNumber: style('.reveal .slide-number').color,
      slideNumberBackground: style('.reveal .slide-number').backgroundColor,
      pdfLink: style('.dm-pdf-link').color,
    };
  });
}

describe('the deck’s chrome over dark slides', () => {
  let browser: Browser;
  let deckUrl: string;

  beforeAll(async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(path.join(dir, 'dark.md'), DECK);
    const out = path.join(dir, 'out');
    // A PDF beside the deck gives its page the "Download PDF" link.
    mkdirSync(path.join(out, 'dark'), { recursive: true });
    writeFileSync(path.join(out, 'dark', 'dark.pdf'), '%PDF-1.7');
    const built = await runCli('build', path.join(dir, 'dark.md'), '-o', out, '--no-image');
    expect(built.code, built.stderr).toBe(0);
    deckUrl = pathToFileURL(path.join(out, 'dark', 'index.html')).href;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(() => browser?.close());

  it('turns light over an inverse slide and a dark background, and back over a light slide', async () => {
    await withPage(
      browser,
      async (page) => {
        await page.goto(deckUrl, { waitUntil: 'load' });
        await page.waitForFunction(() => (window as any).Reveal?.isReady());
        await page.addStyleTag({ content: '* { transition: none !important; }' }); // colours read at once, not mid-fade
        const light = await chromeOn(page, 0);
        const inverse = await chromeOn(page, 1);
        const darkBackground = await chromeOn(page, 2);
        const inverseOwnColour = await chromeOn(page, 3);
        const lightAgain = await chromeOn(page, 0);

        for (const dark of [inverse, darkBackground, inverseOwnColour]) {
          expect(dark.controls).not.toBe(light.controls);
          expect(dark.slideNumber).not.toBe(light.slideNumber);
          expect(dark.pdfLink).not.toBe(light.pdfLink);
        }
        expect(darkBackground).toEqual({ ...inverse, slideNumberBackground: darkBackground.slideNumberBackground });
        // Only an inverse slide without a colour of its own lends the slide number its dark.
        expect(inverse.slideNumberBackground).not.toBe('rgba(0, 0, 0, 0)');
        expect(darkBackground.slideNumberBackground).toBe('rgba(0, 0, 0, 0)');
        expect(inverseOwnColour.slideNumberBackground).toBe('rgba(0, 0, 0, 0)');
        expect(lightAgain).toEqual(light);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  });

  it('no built-in theme has a :has() selector that looks at the slides', () => {
    const themes = path.join(REPO, 'themes');
    for (const file of readdirSync(themes).filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(path.join(themes, file), 'utf8');
      const wide = [...css.matchAll(/:has\(([^)]*)\)/g)].map((m) => m[1]).filter((arg) => /section|\.slides|\.reveal|\.present/.test(arg));
      expect(wide, file).toEqual([]);
    }
  });
});
