// `deckmark build [INPUT]`: decks to HTML in the output folder, and each deck's title-slide
// image when a browser is here (made only when missing or when the deck changed).
import path from 'node:path';
import { buildSite } from '../../build/build-site.js';
import { shownPath, type BuiltDeck } from '../../build/build-deck.js';
import { log, printDiagnostics } from '../report.js';

export interface BuildCommandOptions {
  out: string;
  singleFile?: boolean;
  strict?: boolean;
  /** `--safe`: for decks from people you don't trust. */
  safe?: boolean;
  /** `--no-image` sets this false: no title-slide images (and no browser). */
  image?: boolean;
  separator?: string;
  verticalSeparator?: string;
}

/** Why no browser can make images here, in one line; undefined when one is found. */
async function browserProblem(): Promise<string | undefined> {
  const { findBrowser } = await import('../../export/browser.js');
  const { DeckError } = await import('../../model/deck-error.js');
  try {
    findBrowser();
    return undefined;
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    return `no Chrome or Chromium found (${error.hint})`;
  }
}

/** Makes the images the decks point at and lack, with one browser for all of them. */
async function makeImages(built: BuiltDeck[]): Promise<void> {
  const stale = built.filter((b) => b.image && !b.image.upToDate);
  if (stale.length === 0) return;
  const { withBrowser } = await import('../../export/browser.js');
  const { updateOgImage } = await import('../../export/og-image.js');
  await withBrowser(async (browser) => {
    for (const deck of stale) {
      await updateOgImage(browser, deck);
      log(`wrote ${shownPath(deck.image!.file)}`);
    }
  });
}

export async function runBuild(input: string, options: BuildCommandOptions): Promise<void> {
  const started = performance.now();
  const outDir = path.resolve(options.out);
  const wantImages = options.image !== false && !options.singleFile;
  const problem = wantImages ? await browserProblem() : undefined;
  if (problem) log(`title-slide images skipped: ${problem}`);
  const built = await buildSite(input, { ...options, outDir, image: wantImages && !problem }, (deck) => {
    printDiagnostics(deck.diagnostics);
    log(`built ${shownPath(deck.output)} (${deck.manifest.slideCount} slides)`);
  });
  if (wantImages && !problem) await makeImages(built);
  const ms = Math.round(performance.now() - started);
  log(`${built.length} deck${built.length === 1 ? '' : 's'} in ${ms} ms → ${shownPath(outDir)}`);
}
