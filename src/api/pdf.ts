// exportPdf(): decks to PDF, as `deckmark pdf` does: each deck built, printed with one browser
// for all of them, written to `<out>/<slug>/<slug>.pdf` (or the given .pdf file) atomically,
// then linked from the deck; the title-slide image of a deck with a `url` is made on the way.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PdfOptions } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { parseSize } from '../compile/deck-options.js';
import { buildDeck, type BuildOptions } from '../build/build-deck.js';
import { pdfName, shownPath } from '../build/deck-files.js';
import { writeIndex } from '../build/build-site.js';
import { findDecks, type Shard } from '../build/find-decks.js';
import { defaultJobs, inParallel } from '../build/build-pool.js';
import { writeFileAtomic } from '../build/write-atomic.js';
import { launchBrowser } from '../export/browser/launch.js';
import { openDiagramDrawer } from '../export/diagrams.js';
import { updateOgImage } from '../export/og-image.js';
import { PDF_STEPS, renderPdf, type PdfStep } from '../export/render-pdf.js';
import { deckResult, type BrowserChoice, type DeckResult, type Diagnostic, type Separators } from './results.js';

export type { PdfStep } from '../export/render-pdf.js';

export interface ExportPdfOptions extends Separators, BrowserChoice {
  /** A .pdf file (for one deck), or the output folder. @defaultValue 'dist' */
  out?: string;
  /** Speaker notes on a page after each slide, or below it. @defaultValue the deck's `pdf.notes` */
  notes?: 'page' | 'below';
  /** One page per fragment step. @defaultValue the deck's `pdf.fragments` */
  fragments?: boolean;
  /** An A4 handout with this many slides per page. @defaultValue the deck's `pdf.handout` */
  handout?: 2 | 3 | 6;
  /** Page size: 16:9, 4:3 or WIDTHxHEIGHT. @defaultValue the deck's size */
  size?: string;
  /** The deck is built as by `buildDeck(…, { safe: true })` before it is printed. @defaultValue false */
  safe?: boolean;
  /** Of a folder, export only part I of N (`{ index: 2, total: 4 }`), as a CI matrix job does. @defaultValue every deck */
  shard?: Shard;
  /** Decks exported at once, each in its own page of the one browser. @defaultValue the number of cores */
  jobs?: number;
  /** Called as each PDF is written. */
  onDeck?: (pdf: PdfFileResult) => void;
  /** Called at each step of a deck's export. */
  onProgress?: (progress: PdfProgress) => void;
  /** Progress messages (title-slide images written). */
  log?: (message: string) => void;
}

export interface PdfProgress {
  slug: string;
  step: PdfStep;
  /** 1-based number of the step, of `steps`. */
  stepNumber: number;
  steps: number;
  /** Slides in the deck, vertical ones included. */
  slides: number;
}

export interface PdfFileResult {
  /** The written PDF. */
  file: string;
  pages: number;
  /** Pages taken from the deck's last export because their slides did not change; the others were printed. */
  reusedPages: number;
  bytes: number;
  seconds: number;
  /** The deck as built (its page links to the PDF when it is in a deck folder). */
  deck: DeckResult;
  /** The build's problems, then the print's (overflowing slides, fitted text). */
  diagnostics: Diagnostic[];
}

/** The options that override each deck's own `pdf:` settings; wrong ones are refused before any work. */
function pdfOverrides(options: ExportPdfOptions): Partial<PdfOptions> {
  const overrides: Partial<PdfOptions> = {};
  if (options.notes !== undefined) {
    if (options.notes !== 'page' && options.notes !== 'below') throw new DeckError('usage', 'the notes must go on a page or below');
    overrides.notes = options.notes;
  }
  if (options.fragments) overrides.fragments = true;
  if (options.handout !== undefined) {
    if (![2, 3, 6].includes(options.handout)) throw new DeckError('usage', 'a handout has 2, 3 or 6 slides per page');
    overrides.handout = options.handout;
  }
  if (options.size !== undefined) {
    overrides.size =
      parseSize(options.size) ??
      ((): never => {
        throw new DeckError('usage', `the page size must be 16:9, 4:3 or WIDTHxHEIGHT, not "${options.size}"`);
      })();
  }
  return overrides;
}

/** Exports the deck (a .md file) or every deck of a folder; throws a DeckError at the first that fails. */
export async function exportPdf(input: string, options: ExportPdfOptions = {}): Promise<PdfFileResult[]> {
  const overrides = pdfOverrides(options);
  const decks = await findDecks(input, options.shard);
  const toFile = options.out !== undefined && /\.pdf$/i.test(options.out);
  if (toFile && decks.length > 1) throw new DeckError('usage', '-o FILE.pdf needs a single deck; give a folder with -o DIR for several');
  const outDir = toFile ? await mkdtemp(path.join(os.tmpdir(), 'deckmark-pdf-')) : path.resolve(options.out ?? 'dist');
  // The browser is open anyway: it also makes the title-slide image of each deck with a public
  // `url` (a social card needs one; shooting it costs ~0.3 s per deck), only into a deck folder.
  const buildOptions: BuildOptions = {
    outDir,
    separator: options.separator,
    verticalSeparator: options.verticalSeparator,
    notesSeparator: options.notesSeparator,
    image: toFile ? false : 'shared',
    safe: options.safe,
  };
  // The browser starts while the first deck builds; it is closed on every way out.
  const launching = launchBrowser({ browserWsEndpoint: options.browserWsEndpoint });
  launching.catch(() => undefined); // awaited below; a build error may come first
  buildOptions.drawDiagrams = openDiagramDrawer({ browser: () => launching, browserWsEndpoint: options.browserWsEndpoint }).draw; // Mermaid diagrams in the same browser

  const exportOne = async (file: string): Promise<PdfFileResult> => {
    const started = performance.now();
    // The page offers the PDF only once it exists (a kill mid-export must not leave a dead link).
    let built = await buildDeck(file, buildOptions);
    const buildDiagnostics = built.diagnostics;
    const browser = await launching;
    const slides = built.manifest.slideCount;
    const printed = await renderPdf(browser, built.output, built.deck, { ...built.deck.meta.pdf, ...overrides }, (step) =>
      options.onProgress?.({ slug: built.slug, step, stepNumber: PDF_STEPS.indexOf(step) + 1, steps: PDF_STEPS.length, slides }),
    );
    const target = toFile ? path.resolve(options.out!) : path.join(outDir, built.slug, pdfName(built.slug));
    await writeFileAtomic(target, Buffer.from(printed.bytes));
    if (!toFile && built.manifest.pdf === undefined) built = await buildDeck(file, buildOptions); // now with the link
    const result: PdfFileResult = {
      file: target,
      pages: printed.pages,
      reusedPages: printed.reusedPages,
      bytes: (await stat(target)).size,
      seconds: (performance.now() - started) / 1000,
      deck: deckResult(built),
      diagnostics: [...buildDiagnostics, ...printed.diagnostics],
    };
    options.onDeck?.(result);
    if (await updateOgImage(browser, built)) options.log?.(`wrote ${shownPath(built.image!.file)}`);
    return result;
  };

  try {
    // Decks at once, each in its own page: one builds while another prints.
    const results = await inParallel(decks, options.jobs ?? defaultJobs(), exportOne);
    if (!toFile) await writeIndex(outDir);
    return results;
  } finally {
    await launching.then((browser) => browser.close()).catch(() => undefined);
    if (toFile) await rm(outDir, { recursive: true, force: true });
  }
}
