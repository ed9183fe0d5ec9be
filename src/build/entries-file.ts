// The on-disk caches of entries (highlighted code, drawn diagrams): a JSON object per file. A
// process keeps what it last read or wrote of each, and reads the file again only when another
// process has changed it: the dev server builds a deck on every save, and parsing a full cache
// (5000 highlighted snippets, over a megabyte) took more time than the rest of a rebuild.
import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from './write-atomic.js';

interface Known {
  stamp: string;
  entries: Map<string, unknown>;
}

const known = new Map<string, Known>();

/** The file's identity and version; a write by rename changes it too. */
function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * The entries in `file`, empty when there is none or it cannot be read. The map is this
 * process's copy, shared by every reader: entries added to it are seen by the next build
 * even when saving them fails.
 */
export function readEntries<T>(file: string): Map<string, T> {
  const stamp = stampOf(file);
  const last = known.get(file);
  if (stamp !== undefined && last?.stamp === stamp) return last.entries as Map<string, T>;
  let entries = new Map<string, T>();
  try {
    if (stamp !== undefined) entries = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>));
  } catch {
    // An unreadable cache: start afresh.
  }
  if (stamp !== undefined) known.set(file, { stamp, entries });
  return entries;
}

/** Writes the newest `max` entries; a cache that cannot be written is not an error. */
export async function writeEntries<T>(file: string, entries: Map<string, T>, max: number): Promise<void> {
  const kept = [...entries].slice(-max);
  try {
    await writeFileAtomic(file, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    return;
  }
  const stamp = stampOf(file);
  if (stamp !== undefined) known.set(file, { stamp, entries: new Map(kept) });
}
