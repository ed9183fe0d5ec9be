// Prints a built deck to PDF in reveal.js's print view: one page per slide (or per fragment
// step, or per handout sheet), overflowing slides shrunk and reported, then finished with
// metadata, bookmarks and in-deck links (pdf-finish.ts).
import { pathToFileURL } from 'node:url';
import type { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import type { Deck, Diagnostic, PdfOptions, Slide, SlideSize } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { diagnostic } from '../model/diagnostic.js';
import { uiStrings } from '../compile/ui-strings.js';
import { blockedRequests, deckPageOptions, lendPage, pageIncidents, useLentPage, type LentPage } from './browser/pages.js';
import { incidentDiagnostics } from './page-guard.js';
import { emojiFolder, emojiImages, emojiWithoutPictures } from './emoji-images.js';
import { finishPdf, type PdfOutlineEntry } from './pdf-finish.js';
import {
  keepForNextExport,
  keptDiagnostics,
  pageRuns,
  planReuse,
  printedSlides,
  slideIds,
  type PageRun,
  type ReusePlan,
} from './pdf-reuse.js';
import { saveSpliced, splicedDocument, type SplicedPage } from './pdf-splice.js';
import type { PrintAhead } from './print-ahead.js';
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
  /** Pages taken from the last export of the deck instead of printed again (see pdf-reuse.ts). */
  reusedPages: number;
}

/** How long the deck may take to load and lay out before the export gives up. */
const LOAD_TIMEOUT = 60_000;

/** How the deck is loaded in print view: its slides at once, or (`waitForSlides`) later, by {@link startPrintView}. */
interface PrintViewLoad {
  /** The lines of the slides to print; the others are emptied (src/client/print-only.ts). */
  printOnly?: number[];
  waitForSlides?: boolean;
}

/** Loads the deck in print view; with `waitForSlides`, it waits for {@link startPrintView}. */
export async function loadPrintView(
  page: Page,
  deckHtml: string,
  deck: Deck,
  options: PdfOptions,
  load: PrintViewLoad = {},
): Promise<void> {
  const size = options.size ?? deck.meta.size;
  await page.setViewport({ width: size.width, height: size.height });
  const overrides = {
    ...load,
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
  if (load.waitForSlides) await page.waitForFunction(() => 'deckmarkStart' in window, { timeout: LOAD_TIMEOUT });
}

/** Starts a print view loaded with `waitForSlides` with the slides of `html` (a build of the same deck), and waits until it is ready. */
async function startPrintView(page: Page, html: string, printOnly: number[] | undefined): Promise<void> {
  await page.evaluate(
    (text, only) => (window as unknown as { deckmarkStart(html: string, only?: number[]): void }).deckmarkStart(text, only),
    html,
    printOnly,
  );
  await waitForPrintView(page);
}

/** Waits until reveal.js has laid the print view out and its fonts and images are ready. */
async function waitForPrintView(page: Page): Promise<void> {
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

/** Opens the deck in print view and waits until reveal.js, fonts and images are ready. */
export async function openPrintView(page: Page, deckHtml: string, deck: Deck, options: PdfOptions, printOnly?: number[]): Promise<void> {
  await loadPrintView(page, deckHtml, deck, options, { printOnly });
  await waitForPrintView(page);
}

/** A warning when the deck has emoji and deckmark's pictures of them are not installed. */
function emojiWarning(deck: Deck, target: string): Diagnostic[] {
  const line = emojiWithoutPictures(deck, emojiFolder());
  if (line === undefined) return [];
  const message = `emoji print in ${target} only as this machine's fonts draw them (often empty boxes): deckmark's emoji pictures (@twemoji/svg) are not installed`;
  return [diagnostic('warning', 'emoji', message, { file: deck.file, line })];
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
  out.push(...emojiWarning(deck, target));
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

interface Printed {
  pdf?: Uint8Array;
  map: PrintMap;
  diagnostics: Diagnostic[];
}

/** What every print of one export shares. */
interface PrintJob {
  browser: Browser;
  deckHtml: string;
  deck: Deck;
  options: PdfOptions;
  onStep: (step: PdfStep) => void;
  /** The page with this export's print view loaded ahead (print-ahead.ts), for the first print that asks; then none. */
  claimAhead(): LoadedAhead | undefined;
}

/** A page with the deck's print view loaded ahead, and the built HTML whose slides it is started with. */
interface LoadedAhead {
  lent: LentPage;
  html: string;
}

/**
 * Prints the deck in one page of the browser; with `printOnly` (the lines of the slides to
 * print), the other slides are emptied and their pages left out of the PDF.
 */
async function printDeck(job: PrintJob, printOnly?: number[]): Promise<Printed> {
  const { browser, deckHtml, deck, options, onStep } = job;
  const size = options.size ?? deck.meta.size;
  const ahead = job.claimAhead();
  const lent = ahead?.lent ?? (await lendPage(browser, deckPageOptions(deckHtml)));
  return useLentPage(lent, async (page) => {
    onStep('loading');
    if (ahead) await startPrintView(page, ahead.html, printOnly);
    else await openPrintView(page, deckHtml, deck, options, printOnly);
    onStep('laying out');
    const diagnostics = await fitForPrint(page, deck, size, options.fragments, 'the PDF');
    if (options.handout) await page.evaluate(layoutHandout, options.handout, size.width, size.height);
    else if (options.notes === 'below') {
      const label = uiStrings(deck.meta.lang).speakerNotes;
      await page.evaluate(layoutNotesBelow, size.width, size.height, Math.round(size.height * 0.5), label);
    }
    const map = await page.evaluate(mapPrintedPages);
    await page.evaluate(tagInDeckLinks);
    let pageRanges = '';
    if (printOnly) {
      const only = new Set(printOnly);
      const slides = printedSlides(deck);
      pageRanges = pageRuns(slides, map)
        .filter((run, i) => only.has(slides[i].range.start) && run.count > 0)
        .map((run) => `${run.start + 1}-${run.start + run.count}`)
        .join(',');
    }
    onStep('printing');
    // Chromium prints every page for an empty pageRanges: a changed slide that prints no page (a hidden one) prints nothing.
    const pdf =
      printOnly && !pageRanges
        ? undefined
        : await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, pageRanges, timeout: LOAD_TIMEOUT });
    diagnostics.push(...blockedRequestWarnings(deck, blockedRequests(page), 'the PDF'));
    diagnostics.push(...incidentDiagnostics(deck, pageIncidents(page)));
    return { pdf, map, diagnostics };
  });
}

/** The pages of the new PDF: each slide's from the last export when kept, else from the new print (in order). */
function assemble(plan: ReusePlan, printed: Printed | undefined): { pages: SplicedPage[]; runs: PageRun[] } {
  const printedRuns = printed ? pageRuns(plan.slides, printed.map) : [];
  const pages: SplicedPage[] = [];
  const runs: PageRun[] = [];
  let next = 0; // the new print holds only the changed slides' pages, in order
  plan.slides.forEach((_, i) => {
    const start = pages.length;
    const kept = plan.kept[i];
    if (kept) for (let p = 0; p < kept.count; p++) pages.push({ source: 0, page: kept.start + p });
    else for (let p = 0; p < printedRuns[i].count; p++) pages.push({ source: 1, page: next++ });
    runs.push({ start, count: pages.length - start });
  });
  return { pages, runs };
}

/** The same problem reported by the new print and kept from the last one is said once. */
function once(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\0${d.line}\0${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** A PDF before pdf-finish.ts, and what finishing it and the next export need. */
interface Unfinished {
  /** Its bytes, kept for the next export. */
  raw: Uint8Array;
  /** The same, still open when it was spliced: finished without reading it back. */
  doc?: PDFDocument;
  map: PrintMap;
  diagnostics: Diagnostic[];
  /** Each slide's pages (with a reuse plan). */
  runs?: PageRun[];
  reusedPages: number;
}

async function printWhole(job: PrintJob, plan: ReusePlan | undefined): Promise<Unfinished> {
  const printed = await printDeck(job);
  const { pdf, map, diagnostics } = printed;
  return { raw: pdf!, map, diagnostics, runs: plan && pageRuns(plan.slides, map), reusedPages: 0 };
}

/**
 * Prints the slides that changed and splices their pages with the last export's. Undefined when
 * the last PDF turns out unreadable (a damaged cache): then the deck is printed whole.
 */
async function printChanges(job: PrintJob, plan: ReusePlan, lastLoaded: PDFDocument | undefined): Promise<Unfinished | undefined> {
  const { deck } = job;
  const changed = plan.slides.filter((_, i) => !plan.kept[i]).map((s) => s.range.start);
  const printed = changed.length > 0 ? await printDeck(job, changed) : undefined;
  const { pages, runs } = assemble(plan, printed);
  let raw = plan.lastPdf!;
  let doc: PDFDocument | undefined;
  if (pages.length !== plan.keptPages || pages.some((p, i) => p.source !== 0 || p.page !== i)) {
    doc = await splicedDocument([lastLoaded ?? plan.lastPdf!, ...(printed?.pdf ? [printed.pdf] : [])], pages).catch(() => undefined);
    if (!doc) return undefined;
    raw = await saveSpliced(doc); // for the next export, before finishPdf changes it
  }
  return {
    raw,
    doc,
    map: {
      slidePages: Object.fromEntries(plan.slides.flatMap((s, i) => (runs[i].count > 0 ? [[s.range.start, runs[i].start]] : []))),
      idLines: { ...slideIds(plan.slides), ...printed?.map.idLines },
      pageCount: pages.length,
    },
    diagnostics: once([...(printed?.diagnostics ?? emojiWarning(deck, 'the PDF')), ...keptDiagnostics(plan, deck.file)]),
    runs,
    reusedPages: plan.kept.reduce((n, k) => n + (k?.count ?? 0), 0),
  };
}

/**
 * Prints the deck to PDF. The pages of slides unchanged since the last export with the same
 * options are taken from it and only the others printed (pdf-reuse.ts): `reusedPages` says how
 * many. With `ahead` (`serve --pdf`), the print view loaded ahead for this deck is used when it
 * fits this build, and the next one is loaded ahead afterwards.
 */
export async function renderPdf(
  browser: Browser,
  deckHtml: string,
  deck: Deck,
  options: PdfOptions,
  onStep: (step: PdfStep) => void = () => undefined,
  ahead?: PrintAhead,
): Promise<PdfResult> {
  let unclaimed: LoadedAhead | undefined;
  try {
    const plan = await planReuse(deck, deckHtml, options, options.size ?? deck.meta.size, await browser.version());
    const lent = plan && (await ahead?.take(plan.deckKey, deck));
    unclaimed = lent && { lent, html: plan.html };
    const claimAhead = (): LoadedAhead | undefined => {
      const claimed = unclaimed;
      unclaimed = undefined;
      return claimed;
    };
    const job: PrintJob = { browser, deckHtml, deck, options, onStep, claimAhead };
    const reusing = plan?.lastPdf && plan.kept.some(Boolean) ? plan : undefined;
    const lastLoaded = reusing && (await ahead?.takeLoaded(reusing.lastPdf!));
    const made = (reusing && (await printChanges(job, reusing, lastLoaded))) ?? (await printWhole(job, plan));
    onStep('finishing');
    const bytes = await finishPdf(made.doc ?? made.raw, {
      title: deck.meta.title,
      author: deck.meta.author,
      subject: deck.meta.description,
      lang: deck.meta.lang,
      outline: outlineOf(deck, made.map),
      internalTarget: linkTarget(deck, made.map),
    });
    // A cache that cannot be written costs only the next export's time.
    if (plan && made.runs)
      await keepForNextExport(plan, made.raw, made.reusedPages > 0, made.runs, made.diagnostics).catch(() => undefined);
    if (plan && made.runs) ahead?.keepLoaded(made.raw);
    if (plan) ahead?.prepare(browser, deckHtml, deck, options, plan.deckKey);
    return { bytes, pages: made.map.pageCount, diagnostics: made.diagnostics, reusedPages: made.reusedPages };
  } catch (error) {
    if (error instanceof DeckError) throw error;
    throw new DeckError('export-failed', `PDF export of ${deck.file ?? 'the deck'} failed: ${(error as Error).message}`, {
      file: deck.file,
    });
  } finally {
    await unclaimed?.lent.release(); // no slide needed printing
  }
}
