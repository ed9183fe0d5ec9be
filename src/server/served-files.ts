// What the dev server lends out of its output folder: only what the build wrote there — the
// index page and the folders of built decks (each holds the deck.json the build writes) — so an
// output folder shared with other files never publishes them; and no output folder that holds
// the decks' sources at all.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../build/project-root.js';
import { DeckError } from '../model/deck-error.js';

/** True when `file` (a real path inside `root`) is the index page or in a built deck's folder. */
export async function isBuildOutput(root: string, file: string): Promise<boolean> {
  const [first, ...rest] = path.relative(root, file).split(path.sep);
  if (rest.length === 0) return first === 'index.html';
  return access(path.join(root, first, 'deck.json')).then(
    () => true,
    () => false,
  );
}

/**
 * Refuses an output folder that is the sources' folder or above it (`serve slides -o .`): the
 * decks, their images and the project's own files would sit in the served folder.
 * @param input the deck file or folder, resolved; @param outDir the output folder, resolved
 */
export function refuseOutputOverSources(input: string, inputIsFolder: boolean, outDir: string): void {
  const sources = inputIsFolder ? input : path.dirname(input);
  if (!isInside(outDir, sources)) return;
  throw new DeckError('usage', `--out ${outDir} holds the decks' sources (${sources}): serving it would publish them`, {
    hint: 'give serve an output folder of its own, such as --out dist, or leave --out out (a temporary folder)',
  });
}
