// INPUT to deck files: a .md file, or every .md file in a folder.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DeckError } from '../model/deck-error.js';
import { shownPath } from './deck-files.js';

export async function findDecks(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new DeckError('input-not-found', `no such file or folder: ${shownPath(input)}`, { file: shownPath(input) });
  if (info.isFile()) return [path.resolve(input)];
  const names = (await readdir(input)).filter((n) => /\.md$/i.test(n) && !n.startsWith('.')).sort();
  if (names.length === 0) {
    throw new DeckError('no-decks', `no decks (.md files) in ${shownPath(input)}`, {
      file: shownPath(input),
      hint: 'create one with: deckmark new NAME',
    });
  }
  return names.map((n) => path.resolve(input, n));
}
