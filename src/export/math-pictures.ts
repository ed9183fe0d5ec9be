// Display math as pictures for the PowerPoint file: KaTeX's output is HTML and MathML, which an
// office suite cannot show, so each formula is drawn once in headless Chromium with KaTeX's
// stylesheet and fonts and shot as a transparent PNG, in a browser started only when a deck has
// display math.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { DeckError } from '../model/deck-error.js';
import { CLIENT_DIR } from '../build/paths.js';
import { browserProblem } from './browser/find.js';
import { withPage } from './browser/pages.js';
import type { Picture } from './pptx/block.js';
import { mathKey, type MathPictures, type MathRequest } from './pptx/math.js';

/** Pictures are shot at twice their CSS size, sharp on a projector. */
const PIXEL_RATIO = 2;

async function drawAll(browser: Browser, requests: MathRequest[]): Promise<Map<string, Picture>> {
  return withPage(
    browser,
    async (page: Page) => {
      // A file: page, so KaTeX's relative font URLs load (from lib/client only: withPage's `files`).
      await page.goto(pathToFileURL(path.join(CLIENT_DIR, 'katex.css')).href);
      await page.setContent(
        '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="katex.css"></head>' +
          '<body style="margin:0;background:transparent"><div id="formula" style="display:inline-block;padding:4px 6px"></div></body></html>',
      );
      const pictures = new Map<string, Picture>();
      for (const request of requests) {
        const key = mathKey(request);
        if (pictures.has(key)) continue;
        const box = await page.evaluate(
          async (html, color, size) => {
            const formula = document.getElementById('formula')!;
            formula.style.color = `#${color}`;
            formula.style.fontSize = `${size}px`;
            formula.innerHTML = html;
            // A display formula is a block as wide as its parent: shrink it to its content.
            for (const el of formula.querySelectorAll<HTMLElement>('.katex-display')) el.style.margin = '0';
            await document.fonts.ready;
            const r = formula.getBoundingClientRect();
            return { width: Math.ceil(r.width), height: Math.ceil(r.height) };
          },
          request.html,
          request.color,
          request.fontSize,
        );
        const shot = await page.screenshot({
          type: 'png',
          omitBackground: true,
          clip: { x: 0, y: 0, width: box.width, height: box.height, scale: PIXEL_RATIO },
        });
        pictures.set(key, { data: `image/png;base64,${Buffer.from(shot).toString('base64')}`, ...box });
      }
      return pictures;
    },
    // Wide enough for a long formula: its box is measured, the shot clipped to it.
    { files: CLIENT_DIR, viewport: { width: 1920, height: 1080 } },
  );
}

/**
 * Draws the formulas in the browser `browser()` gives (started by the caller at the first deck
 * with display math, shared with its other drawing); says why not when no browser is found.
 */
export async function drawMathPictures(browser: () => Promise<Browser>, requests: MathRequest[]): Promise<MathPictures> {
  if (requests.length === 0) return new Map();
  const problem = browserProblem();
  if (problem) return { unavailable: problem };
  try {
    return await drawAll(await browser(), requests);
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    return { unavailable: error.message.split('\n')[0] };
  }
}
