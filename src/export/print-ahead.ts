// `serve --pdf` prints a deck again after each save, most often one changed slide. Most of such
// a print went to opening a page and loading the deck's runtime and styles in it (~0.3 s of
// ~0.65 s for one slide of 100), and to reading the last PDF to splice its pages (~0.05 s): so
// after each print, both are made ready for the next one while the author writes. The print view
// is loaded ahead, waiting for its slides (src/client/index.ts); the next print puts in the slides
// of the new build and starts it — when nothing but the slides changed (the same deck key: the
// HTML outside the slides, the assets, the print options; pdf-reuse.ts). Slides with scripts are
// always loaded whole: scripts put in later would not run.
import type { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import type { Deck, PdfOptions } from '../model/deck.js';
import { deckPageOptions, forgetPageRecords, lendPage, type LentPage } from './browser/pages.js';
import { printedSlides } from './pdf-reuse.js';
import { loadForSplice } from './pdf-splice.js';
import { loadPrintView } from './render-pdf.js';

export interface PrintAhead {
  /** The page loaded ahead for this build of a deck (its deck key), if any; any other is closed. The caller releases it. */
  take(deckKey: string, deck: Deck): Promise<LentPage | undefined>;
  /** Loads the deck's print view ahead for its next print (closing one loaded before). */
  prepare(browser: Browser, deckHtml: string, deck: Deck, options: PdfOptions, deckKey: string): void;
  /** Loads the PDF this print kept for the next one (pdf-reuse.ts), to splice its pages. */
  keepLoaded(raw: Uint8Array): void;
  /** The kept PDF loaded, when `raw` is that PDF; once. */
  takeLoaded(raw: Uint8Array): Promise<PDFDocument | undefined>;
  /** Closes the page loaded ahead. */
  close(): Promise<void>;
}

/** True when a slide of the deck has a script: those run only when the page loads it. */
function hasSlideScripts(deck: Deck): boolean {
  return printedSlides(deck).some((slide) => /<script\b/i.test(slide.html));
}

async function loadAhead(browser: Browser, deckHtml: string, deck: Deck, options: PdfOptions): Promise<LentPage | undefined> {
  const lent = await lendPage(browser, deckPageOptions(deckHtml));
  try {
    await loadPrintView(lent.page, deckHtml, deck, options, { waitForSlides: true });
    return lent;
  } catch {
    await lent.release();
    return undefined; // the next print loads the deck itself
  }
}

/** What one deck's next print needs, made ready ahead (one per deck: a page holds one deck). */
export function printAhead(): PrintAhead {
  let ahead: { deckKey: string; page: Promise<LentPage | undefined> } | undefined;
  let loaded: { raw: Uint8Array; doc: Promise<PDFDocument | undefined> } | undefined;

  const close = async (): Promise<void> => {
    const last = ahead;
    ahead = undefined;
    await (await last?.page)?.release();
  };

  return {
    async take(deckKey, deck) {
      const last = ahead;
      ahead = undefined;
      const lent = await last?.page;
      if (lent && last!.deckKey === deckKey && !lent.page.isClosed() && !hasSlideScripts(deck)) {
        forgetPageRecords(lent.page); // what the last build's slides loaded is not this print's
        return lent;
      }
      await lent?.release();
      return undefined;
    },

    prepare(browser, deckHtml, deck, options, deckKey) {
      void close();
      if (hasSlideScripts(deck)) return;
      ahead = { deckKey, page: loadAhead(browser, deckHtml, deck, options) };
    },

    keepLoaded(raw) {
      // After the export has answered: loading takes the main thread for a while.
      const doc = new Promise((done) => setTimeout(done, 0)).then(() => loadForSplice(raw).catch(() => undefined));
      loaded = { raw, doc };
    },

    async takeLoaded(raw) {
      const last = loaded;
      loaded = undefined;
      return last && Buffer.from(last.raw).equals(raw) ? last.doc : undefined;
    },

    close,
  };
}
