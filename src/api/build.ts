// buildDeck(): decks to HTML, as `deckmark build` does: `<out>/<slug>/index.html` (or one
// self-contained file each), the index page, and the title-slide image of each deck with a
// public `url` when a browser is here (made only when missing or changed).
import path from 'node:path';
import { buildSite, writeIndex } from '../build/build-site.js';
import { DeckError } from '../model/deck-error.js';
import { defaultJobs } from '../build/build-pool.js';
import type { Shard } from '../build/find-decks.js';
import { type BuiltDeck } from '../build/build-deck.js';
import { shownPath } from '../build/deck-files.js';
import { browserProblem } from '../export/browser/find.js';
import { openDiagramDrawer } from '../export/diagrams.js';
import { deckResult, type BrowserChoice, type DeckResult, type Separators } from './results.js';

export interface BuildDeckOptions extends Separators, BrowserChoice {
  /** The output folder. @defaultValue 'dist' */
  out?: string;
  /** One self-contained `<out>/<slug>.html` per deck. @defaultValue false */
  singleFile?: boolean;
  /** Every warning is an error: the deck's first one is thrown (a DeckError, code `strict`) before anything of that deck is written. @defaultValue false */
  strict?: boolean;
  /** For decks you did not write: no raw HTML, no scripts but the deck's own. @defaultValue false */
  safe?: boolean;
  /** Title-slide images (og-image.png) for decks with a `url`, when Chrome or Chromium is found. @defaultValue true */
  image?: boolean;
  /** Of a folder, build only part I of N (`{ index: 2, total: 4 }`), as a CI matrix job does. @defaultValue every deck */
  shard?: Shard;
  /** Decks built at once by worker threads (a folder of a few decks is built in this thread). @defaultValue the number of cores */
  jobs?: number;
  /** Called as each deck is written. */
  onDeck?: (deck: DeckResult) => void;
  /** Progress messages (images made or skipped). */
  log?: (message: string) => void;
}

export interface BuildResult {
  /** The output folder, absolute. */
  outDir: string;
  decks: DeckResult[];
}

/** Makes the images the decks point at and lack, with one browser for all of them. */
async function makeImages(built: BuiltDeck[], log: (message: string) => void, browserWsEndpoint?: string): Promise<void> {
  const stale = built.filter((b) => b.image && !b.image.upToDate);
  if (stale.length === 0) return;
  const { withBrowser } = await import('../export/browser/launch.js');
  const { updateOgImage } = await import('../export/og-image.js');
  await withBrowser(
    async (browser) => {
      for (const deck of stale) {
        await updateOgImage(browser, deck);
        log(`wrote ${shownPath(deck.image!.file)}`);
      }
    },
    { browserWsEndpoint },
  );
}

/** Builds the deck (a .md file) or every deck of a folder; throws a DeckError at the first deck that cannot be built. */
export async function buildDeck(input: string, options: BuildDeckOptions = {}): Promise<BuildResult> {
  const log = options.log ?? (() => undefined);
  const outDir = path.resolve(options.out ?? 'dist');
  const wantImages = options.image !== false && !options.singleFile;
  // Only decks with a `url` get a social card at build time, so most builds never start a browser.
  const problem = wantImages ? browserProblem(options.browserWsEndpoint) : undefined;
  if (problem) log(`title-slide images skipped: ${problem}`);
  // Mermaid diagrams the cache lacks: drawn in one browser for the whole build, started only then.
  const diagrams = openDiagramDrawer({ browserWsEndpoint: options.browserWsEndpoint });
  const built = await buildSite(
    input,
    {
      outDir,
      drawDiagrams: diagrams.draw,
      singleFile: options.singleFile,
      strict: options.strict,
      safe: options.safe,
      separator: options.separator,
      verticalSeparator: options.verticalSeparator,
      notesSeparator: options.notesSeparator,
      image: wantImages && !problem ? 'shared' : false,
    },
    (deck) => options.onDeck?.(deckResult(deck)),
    { shard: options.shard, jobs: options.jobs ?? defaultJobs() },
  ).finally(() => diagrams.close());
  if (wantImages && !problem) await makeImages(built, log, options.browserWsEndpoint);
  return { outDir, decks: built.map(deckResult) };
}

/**
 * Writes `<dir>/index.html`, the gallery of every deck built into `dir` (read from their
 * deck.json): after the shards of a matrix build are merged into one folder. Returns the decks listed.
 */
export async function buildIndex(dir: string): Promise<number> {
  const outDir = path.resolve(dir);
  const listed = await writeIndex(outDir);
  if (listed === 0)
    throw new DeckError('no-decks', `no built decks (*/deck.json) in ${shownPath(outDir)}`, {
      file: shownPath(outDir),
      hint: 'build or merge decks into it first',
    });
  return listed;
}
