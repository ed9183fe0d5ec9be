// `deckmark pdf [INPUT]`: builds each deck, prints it to PDF with one browser for all decks,
// writes `<out>/<slug>/<slug>.pdf` (or the given file) atomically, then links it from the deck.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PdfOptions } from '../../model/deck.js';
import { DeckError } from '../../model/deck-error.js';
import { parseSize } from '../../compile/deck-options.js';
import { buildDeck, pdfName, shownPath, type BuildOptions } from '../../build/build-deck.js';
import { writeIndex } from '../../build/build-site.js';
import { findDecks } from '../../build/find-decks.js';
import { writeFileAtomic } from '../../build/write-atomic.js';
import { launchBrowser } from '../../export/browser.js';
import { updateOgImage } from '../../export/og-image.js';
import { PDF_STEPS, renderPdf } from '../../export/render-pdf.js';
import { log, printDiagnostics } from '../report.js';

export interface PdfCommandOptions {
  out?: string;
  notes?: string;
  fragments?: boolean;
  handout?: string;
  size?: string;
  quiet?: boolean;
  /** `--safe`: the deck is built as by `build --safe` before it is printed. */
  safe?: boolean;
  separator?: string;
  verticalSeparator?: string;
}

/** The deck's own `pdf:` settings, overridden by the flags given. */
function pdfOptions(fromDeck: PdfOptions, flags: PdfCommandOptions): PdfOptions {
  const options = { ...fromDeck };
  if (flags.notes !== undefined) {
    if (flags.notes !== 'page' && flags.notes !== 'below') throw new DeckError('usage', '--notes must be page or below');
    options.notes = flags.notes;
  }
  if (flags.fragments) options.fragments = true;
  if (flags.handout !== undefined) {
    const n = Number(flags.handout);
    if (n !== 2 && n !== 3 && n !== 6) throw new DeckError('usage', '--handout must be 2, 3 or 6');
    options.handout = n;
  }
  if (flags.size !== undefined) {
    options.size =
      parseSize(flags.size) ??
      ((): never => {
        throw new DeckError('usage', '--size must be 16:9, 4:3 or WIDTHxHEIGHT');
      })();
  }
  return options;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function runPdf(input: string, flags: PdfCommandOptions): Promise<void> {
  const decks = await findDecks(input);
  const toFile = flags.out !== undefined && /\.pdf$/i.test(flags.out);
  if (toFile && decks.length > 1) throw new DeckError('usage', '-o FILE.pdf needs a single deck; give a folder with -o DIR for several');
  const outDir = toFile ? await mkdtemp(path.join(os.tmpdir(), 'deckmark-pdf-')) : path.resolve(flags.out ?? 'dist');
  // The browser is open anyway: it also makes the title-slide image of each deck with a public
  // `url` (a social card needs one; shooting it costs ~0.3 s per deck), only into a deck folder.
  const buildOptions: BuildOptions = {
    outDir,
    separator: flags.separator,
    verticalSeparator: flags.verticalSeparator,
    image: toFile ? false : 'shared',
    safe: flags.safe,
  };
  const progress = !flags.quiet && process.stderr.isTTY;
  // The browser starts while the first deck builds; it is closed on every way out.
  const launching = launchBrowser();
  launching.catch(() => undefined); // awaited below; a build error may come first
  try {
    for (const file of decks) {
      const started = performance.now();
      // The page offers the PDF only once it exists (a kill mid-export must not leave a dead link).
      let built = await buildDeck(file, buildOptions);
      printDiagnostics(built.diagnostics);
      const browser = await launching;
      const options = pdfOptions(built.deck.meta.pdf, flags);
      const slides = built.manifest.slideCount;
      // A step counter on the terminal for decks that take a moment.
      const showSteps = progress && slides > 20;
      const result = await renderPdf(browser, built.output, built.deck, options, (step) => {
        if (showSteps)
          process.stderr.write(`\r\x1b[K${built.slug}: [${PDF_STEPS.indexOf(step) + 1}/${PDF_STEPS.length}] ${step} ${slides} slides…`);
      });
      if (showSteps) process.stderr.write('\r\x1b[K');
      printDiagnostics(result.diagnostics);
      const target = toFile ? path.resolve(flags.out!) : path.join(outDir, built.slug, pdfName(built.slug));
      await writeFileAtomic(target, Buffer.from(result.bytes));
      if (!toFile && built.manifest.pdf === undefined) built = await buildDeck(file, buildOptions); // now with the link
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`wrote ${shownPath(target)} (${result.pages} pages, ${formatSize((await stat(target)).size)}, ${seconds} s)`);
      if (await updateOgImage(browser, built)) log(`wrote ${shownPath(built.image!.file)}`);
    }
    if (!toFile) await writeIndex(outDir);
  } finally {
    await launching.then((browser) => browser.close()).catch(() => undefined);
    if (toFile) await rm(outDir, { recursive: true, force: true });
  }
}
