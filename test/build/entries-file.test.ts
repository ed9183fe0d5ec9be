// The cache files of entries (highlighted code, drawn diagrams): read once per process while
// no one else changes them, read again when another process has, and never an error.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries, writeEntries } from '../../src/build/entries-file.js';
import { tempDir } from '../helpers/cli.js';

describe('cache files of entries', () => {
  it('are parsed again only when the file changed on disk', async () => {
    const file = path.join(tempDir('deckmark-entries-'), 'cache.json');
    expect(readEntries(file).size).toBe(0);
    const entries = readEntries<string>(file);
    entries.set('a', 'A');
    await writeEntries(file, entries, 10);
    const first = readEntries<string>(file);
    expect(Object.fromEntries(first)).toEqual({ a: 'A' });
    // Unchanged on disk: the same entries, not parsed again.
    expect(readEntries(file)).toBe(first);
    // Another process writes the file: what it wrote is read.
    writeFileSync(file, JSON.stringify({ b: 'B' }));
    expect(Object.fromEntries(readEntries(file))).toEqual({ b: 'B' });
    rmSync(file);
    expect(readEntries(file).size).toBe(0);
  });

  it('keep the newest entries when written, and read a broken file as empty', async () => {
    const file = path.join(tempDir('deckmark-entries-'), 'cache.json');
    await writeEntries(file, new Map(['a', 'b', 'c', 'd'].map((k) => [k, k.toUpperCase()])), 2);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ c: 'C', d: 'D' });
    expect([...readEntries(file).keys()]).toEqual(['c', 'd']);
    writeFileSync(file, '{ not json');
    expect(readEntries(file).size).toBe(0);
  });

  it('do not fail a build when the cache cannot be written', async () => {
    const dir = tempDir('deckmark-entries-');
    writeFileSync(path.join(dir, 'file'), '');
    await expect(writeEntries(path.join(dir, 'file/cache.json'), new Map([['a', 1]]), 10)).resolves.toBeUndefined();
  });
});
