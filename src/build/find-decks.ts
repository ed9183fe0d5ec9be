// INPUT to deck files: a .md file, or every .md file in a folder (or one shard of them, for CI
// matrix jobs that split a large folder).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DeckError } from '../model/deck-error.js';
import { shownPath } from './deck-files.js';

/** Part `index` (1-based) of `total` equal parts of a folder's decks. */
export interface Shard {
  index: number;
  total: number;
}

/** Reads `--shard I/N` (1 ≤ I ≤ N). */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new DeckError('usage', `a shard is I/N with 1 ≤ I ≤ N (e.g. 2/4), not "${text}"`);
  }
  return { index, total };
}

/**
 * The decks of one shard: every N-th of the sorted list, starting at the I-th. Every job of a
 * matrix sees the same folder, so the shards are disjoint, cover it, and differ by at most one deck.
 */
export function pickShard(files: string[], shard: Shard): string[] {
  return files.filter((_, i) => i % shard.total === shard.index - 1);
}

/** The deck files of `input`; with a shard, only that shard's (possibly none) of a folder's. */
export async function findDecks(input: string, shard?: Shard): Promise<string[]> {
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
  const files = names.map((n) => path.resolve(input, n));
  return shard ? pickShard(files, shard) : files;
}
