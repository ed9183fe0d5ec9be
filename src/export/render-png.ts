// One PNG per printed slide, shot from the very print view the PDF comes from (render-pdf's
// openPrintView + fitForPrint): a slide that overflows is shrunk the same way, and the
// page blocks every outside request the same way.
import type { Browser } from 'puppeteer-core';
import type { Deck, Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { blockedRequests, withDeckPage } from './browser/pages.js';
import { blockedRequestWarnings, fitForPrint, openPrintView } from './render-pdf.js';

export interface PngOptions {
  /** Device pixels per CSS pixel: 1 gives the deck's size, 2 twice that. @defaultValue 1 */
  scale: number;
  /** One image per fragment step, as `pdf --fragments`. @defaultValue false */
  fragments: boolean;
}

export interface PngResult {
  /** The images in slide order. */
  images: Uint8Array[];
  diagnostics: Diagnostic[];
}

/** Where each printed page sits in the print view, top to bottom, in CSS pixels. */
function printedPageTops(): number[] {
  return [...document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')].map(
    (page) => page.getBoundingClientRect().top + window.scrollY,
  );
}

export async function renderPngs(
  browser: Browser,
  deckHtml: string,
  deck: Deck,
  options: PngOptions,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<PngResult> {
  const size = deck.meta.size;
  try {
    return await withDeckPage(browser, deckHtml, async (page) => {
      await openPrintView(page, deckHtml, deck, { notes: false, fragments: options.fragments, handout: 0 });
      const diagnostics = await fitForPrint(page, deck, size, options.fragments, 'its PNG');
      await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: options.scale });
      const tops = await page.evaluate(printedPageTops);
      const images: Uint8Array[] = [];
      for (const [i, top] of tops.entries()) {
        onProgress(i, tops.length);
        // Scrolled into the viewport and shot there: a clip beyond the viewport makes Chromium
        // lay out the whole print view again for every shot (twice as slow on a 100-slide deck).
        await page.evaluate((y: number) => window.scrollTo(0, y), top);
        images.push(await page.screenshot({ type: 'png', captureBeyondViewport: false }));
      }
      diagnostics.push(...blockedRequestWarnings(deck, blockedRequests(page), 'the PNGs'));
      return { images, diagnostics };
    });
  } catch (error) {
    if (error instanceof DeckError) throw error;
    throw new DeckError('export-failed', `PNG export of ${deck.file ?? 'the deck'} failed: ${(error as Error).message}`, {
      file: deck.file,
    });
  }
}
