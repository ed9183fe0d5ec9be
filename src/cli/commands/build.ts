// `deckmark build [INPUT]`: decks to HTML in the output folder, and the title-slide image of
// each deck with a public `url` when a browser is here (made only when missing or changed).
import path from 'node:path';
import { buildSite } from '../../build/build-site.js';
import { shownPath, type BuiltDeck } from '../../build/build-deck.js';
import { browserProblem } from '../../export/browser.js';
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
  // Only decks with a `url` get a social card at build time, so most builds never start a browser.
  const problem = wantImages ? await browserProblem() : undefined;
  if (problem) log(`title-slide images skipped: ${problem}`);
  const built = await buildSite(input, { ...options, outDir, image: wantImages && !problem ? 'shared' : false }, (deck) => {
    printDiagnostics(deck.diagnostics);
    log(`built ${shownPath(deck.output)} (${deck.manifest.slideCount} slides)`);
  });
  if (wantImages && !problem) await makeImages(built);
  const ms = Math.round(performance.now() - started);
  log(`${built.length} deck${built.length === 1 ? '' : 's'} in ${ms} ms → ${shownPath(outDir)}`);
}
