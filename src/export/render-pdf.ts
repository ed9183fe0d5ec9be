// Prints a built deck to PDF in reveal.js's print view: one page per slide (or per fragment
// step, or per handout sheet), overflowing slides shrunk and reported, then finished with
// metadata, bookmarks and in-deck links (pdf-finish.ts).
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { Deck, Diagnostic, PdfOptions, Slide, SlideSize } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { diagnostic } from '../model/diagnostic.js';
import { uiStrings } from '../compile/ui-strings.js';
import { blockedRequests, pageIncidents, withDeckPage } from './browser/pages.js';
import { incidentDiagnostics } from './page-guard.js';
import { emojiFolder, emojiImages, emojiWithoutPictures } from './emoji-images.js';
import { finishPdf, type PdfOutlineEntry } from './pdf-finish.js';
import {
  fitOverflowingSlides,
  layoutHandout,
  layoutNotesBelow,
  mapPrintedPages,
  prepareCodeForPrint,
  printEmojiAsImages,
  tagInDeckLinks,
  type PrintMap,
} from './print-layout.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  diagnostics: Diagnostic[];
}

/** How long the deck may take to load and lay out before the export gives up. */
const LOAD_TIMEOUT = 60_000;

/** Opens the deck in print view and waits until reveal.js, fonts and images are ready. */
export async function openPrintView(page: Page, deckHtml: string, deck: Deck, options: PdfOptions): Promise<void> {
  const size = options.size ?? deck.meta.size;
  await page.setViewport({ width: size.width, height: size.height });
  const overrides = {
    view: 'print',
    width: size.width,
    height: size.height,
    margin: 0, // the page is the slide
    pdfMaxPagesPerSlide: 1, // page N is slide N; overflow is shrunk instead (fitForPrint)
    pdfSeparateFragments: options.fragments,
    showNotes: options.notes === 'page' ? 'separate-page' : options.notes === 'below',
    transition: 'none',
  };
  await page.evaluateOnNewDocument((o: Record<string, unknown>) => {
    (window as unknown as { deckmarkOverrides: unknown }).deckmarkOverrides = o;
    window.addEventListener('pdf-ready', () => ((window as unknown as { deckmarkPdfReady: boolean }).deckmarkPdfReady = true), true);
  }, overrides);
  await page.goto(pathToFileURL(deckHtml).href, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
  await page.waitForFunction(() => (window as unknown as { deckmarkPdfReady?: boolean }).deckmarkPdfReady === true, {
    timeout: LOAD_TIMEOUT,
  });
  await page.evaluate(async () => {
    await document.fonts.ready;
    const pending = [...document.images].filter((img) => !img.complete);
    await Promise.all(
      pending.map(
        (img) =>
          new Promise((done) => {
            img.addEventListener('load', done, { once: true });
            img.addEventListener('error', done, { once: true });
          }),
      ),
    );
  });
}

/**
 * Lays the print view out for paper (code never clipped, stepped code at full strength unless
 * `fragments`, overflowing slides shrunk to fit on both axes) and warns about each slide it changed.
 * `target` names the output in the messages: "the PDF", "its PNG".
 */
export async function fitForPrint(page: Page, deck: Deck, size: SlideSize, fragments: boolean, target: string): Promise<Diagnostic[]> {
  await page.evaluate(printEmojiAsImages, emojiImages(deck, emojiFolder())); // no emoji font needed on this machine
  await page.evaluate(() =>
    Promise.all([...document.querySelectorAll('img.dm-emoji')].map((img) => (img as HTMLImageElement).decode().catch(() => undefined))),
  );
  const wideCode = await page.evaluate(prepareCodeForPrint, !fragments);
  const overflows = await page.evaluate(fitOverflowingSlides);
  const out = wideCode.map((line) =>
    diagnostic('warning', 'code-overflow', `code lines wider than their block wrap in ${target}`, { file: deck.file, line }),
  );
  const emojiLine = emojiWithoutPictures(deck, emojiFolder());
  if (emojiLine !== undefined) {
    const message = `emoji print in ${target} only as this machine's fonts draw them (often empty boxes): deckmark's emoji pictures (@twemoji/svg) are not installed`;
    out.push(diagnostic('warning', 'emoji', message, { file: deck.file, line: emojiLine }));
  }
  for (const o of overflows) {
    const axes = [
      o.overflowY > 1 ? `its ${size.height}px height by ${o.overflowY}px (${Math.round((o.overflowY / size.height) * 100)}%)` : '',
      o.overflowX > 1 ? `its ${size.width}px width by ${o.overflowX}px (${Math.round((o.overflowX / size.width) * 100)}%)` : '',
    ].filter(Boolean);
    const message = `slide content overflows ${axes.join(' and ') || 'the slide'}: shrunk to ${Math.round(o.scale * 100)}% in ${target}`;
    out.push(diagnostic('warning', 'overflow', message, { file: deck.file, line: o.line }));
  }
  return out;
}

function outlineOf(deck: Deck, map: PrintMap): PdfOutlineEntry[] {
  let n = 0;
  const entry = (slide: Slide, children: PdfOutlineEntry[]): PdfOutlineEntry => {
    n++;
    return { title: slide.title || String(n), page: map.slidePages[slide.range.start] ?? 0, children };
  };
  return deck.slides.map((s) => {
    const parent = entry(s, []);
    parent.children = s.children.map((c) => entry(c, []));
    return parent;
  });
}

/** The page an in-deck link (tagged `deckmark:#/3`, `#/2/1`, `#/goals`) points at, as reveal.js reads the hash. */
function linkTarget(deck: Deck, map: PrintMap): (href: string) => number | undefined {
  return (href) => {
    const hash = /^deckmark:#\/(.*)$/.exec(href)?.[1];
    if (hash === undefined) return undefined;
    const numeric = /^(\d+)(?:\/(\d+))?\/?$/.exec(hash);
    if (numeric) {
      const stack = deck.slides[Number(numeric[1])];
      const v = Number(numeric[2] ?? 0);
      const slide = v === 0 ? stack : stack?.children[v - 1];
      return slide ? map.slidePages[slide.range.start] : undefined;
    }
    const line = map.idLines[decodeURIComponent(hash.split('/')[0])];
    return line === undefined ? undefined : map.slidePages[line];
  };
}

/** The line of the first slide whose HTML mentions `url`, for a message about it. */
function lineMentioning(deck: Deck, url: string): number {
  const all = deck.slides.flatMap((s) => [s, ...s.children]);
  return all.find((s) => s.html.includes(url) || s.html.includes(url.replace(/&/g, '&amp;')))?.range.start ?? 1;
}

/** A warning for each request the page blocked, at the slide that names it: `output` ("the PDF") goes without it. */
export function blockedRequestWarnings(deck: Deck, urls: readonly string[], output: string): Diagnostic[] {
  return [...new Set(urls)].map((url) => {
    const [code, where] = url.startsWith('file:')
      ? ['outside-file', "is outside the deck's folder"]
      : ['remote-resource', 'is not on this machine'];
    return diagnostic('warning', code, `${url} ${where} and is left out of ${output}`, {
      file: deck.file,
      line: lineMentioning(deck, url),
    });
  });
}

/** The steps of an export, in order, as `renderPdf` reports them. */
export const PDF_STEPS = ['loading', 'laying out', 'printing', 'finishing'] as const;
export type PdfStep = (typeof PDF_STEPS)[number];

export async function renderPdf(
  browser: Browser,
  deckHtml: string,
  deck: Deck,
  options: PdfOptions,
  onStep: (step: PdfStep) => void = () => undefined,
): Promise<PdfResult> {
  const size = options.size ?? deck.meta.size;
  try {
    return await withDeckPage(browser, deckHtml, async (page) => {
      onStep('loading');
      await openPrintView(page, deckHtml, deck, options);
      onStep('laying out');
      const diagnostics = await fitForPrint(page, deck, size, options.fragments, 'the PDF');
      if (options.handout) await page.evaluate(layoutHandout, options.handout, size.width, size.height);
      else if (options.notes === 'below') {
        const label = uiStrings(deck.meta.lang).speakerNotes;
        await page.evaluate(layoutNotesBelow, size.width, size.height, Math.round(size.height * 0.5), label);
      }
      const map = await page.evaluate(mapPrintedPages);
      await page.evaluate(tagInDeckLinks);
      onStep('printing');
      const printed = await page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        timeout: LOAD_TIMEOUT,
      });
      diagnostics.push(...blockedRequestWarnings(deck, blockedRequests(page), 'the PDF'));
      diagnostics.push(...incidentDiagnostics(deck, pageIncidents(page)));
      onStep('finishing');
      const bytes = await finishPdf(printed, {
        title: deck.meta.title,
        author: deck.meta.author,
        subject: deck.meta.description,
        lang: deck.meta.lang,
        outline: outlineOf(deck, map),
        internalTarget: linkTarget(deck, map),
      });
      return { bytes, pages: map.pageCount, diagnostics };
    });
  } catch (error) {
    if (error instanceof DeckError) throw error;
    throw new DeckError('export-failed', `PDF export of ${deck.file ?? 'the deck'} failed: ${(error as Error).message}`, {
      file: deck.file,
    });
  }
}
