// Builds every deck of INPUT into the output folder, then its index page.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderIndex, type DeckManifest } from '../compile/render-index.js';
import { buildDeck, type BuildOptions, type BuiltDeck } from './build-deck.js';
import { findDecks } from './find-decks.js';
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

export async function writeIndex(outDir: string): Promise<void> {
  const manifests = await readManifests(outDir);
  const langs = new Set(manifests.map((m) => m.lang));
  // Decks built before the gallery had a heading: the folder the output is in names it.
  const heading = { title: path.basename(path.dirname(path.resolve(outDir))) };
  await removeStaleFiles(outDir, 'index.html');
  await writeFileAtomic(path.join(outDir, 'index.html'), renderIndex(manifests, heading, langs.size === 1 ? [...langs][0] : 'en'));
}

/** Builds the decks of `input` one after the other; the first error stops the build. */
export async function buildSite(input: string, options: BuildOptions, onDeck?: (built: BuiltDeck) => void): Promise<BuiltDeck[]> {
  const built: BuiltDeck[] = [];
  for (const file of await findDecks(input)) {
    const result = await buildDeck(file, options);
    onDeck?.(result);
    built.push(result);
  }
  if (!options.singleFile) await writeIndex(options.outDir);
  return built;
}
