// Builds every deck of INPUT into the output folder, then its index page.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderIndex, type DeckManifest } from '../compile/render-index.js';
import type { BuildOptions, BuiltDeck } from './build-deck.js';
import { buildDecks } from './build-pool.js';
import { findDecks, type Shard } from './find-decks.js';
import { removeStaleFiles, writeFileAtomic } from './write-atomic.js';

/** The manifests of every deck built into `outDir`, this time or before. */
async function readManifests(outDir: string): Promise<DeckManifest[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const manifests = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) =>
        readFile(path.join(outDir, e.name, 'deck.json'), 'utf8')
          .then((text) => JSON.parse(text) as DeckManifest)
          .catch(() => undefined),
      ),
  );
  return manifests.filter((m): m is DeckManifest => m !== undefined).sort((a, b) => a.title.localeCompare(b.title));
}

/** Writes the gallery of the decks built into `outDir`; returns how many it lists. */
export async function writeIndex(outDir: string): Promise<number> {
  const manifests = await readManifests(outDir);
  const langs = new Set(manifests.map((m) => m.lang));
  // Decks built before the gallery had a heading: the folder the output is in names it.
  const heading = { title: path.basename(path.dirname(path.resolve(outDir))) };
  await removeStaleFiles(outDir, 'index.html');
  await writeFileAtomic(path.join(outDir, 'index.html'), renderIndex(manifests, heading, langs.size === 1 ? [...langs][0] : 'en'));
  return manifests.length;
}

export interface SiteOptions {
  /** Only this part of a folder's decks (CI matrix jobs); the index then lists the decks built into the folder so far. */
  shard?: Shard;
  /** Decks built at once, by worker threads. @defaultValue 1 */
  jobs?: number;
}

/** Builds the decks of `input` (one at a time, or `jobs` at once); the first error stops the build. */
export async function buildSite(
  input: string,
  options: BuildOptions,
  onDeck?: (built: BuiltDeck) => void,
  site: SiteOptions = {},
): Promise<BuiltDeck[]> {
  const built = await buildDecks(await findDecks(input, site.shard), options, site.jobs ?? 1, onDeck);
  if (!options.singleFile) await writeIndex(options.outDir);
  return built;
}
