// Writing output folders: swapped in whole the first time, then only what changed.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFolderAtomic } from '../../src/build/write-atomic.js';
import { tempDir } from '../helpers/cli.js';

describe('writeFolderAtomic', () => {
  it('rewrites only changed files, restores deleted ones, removes stale ones and keeps the PDF', async () => {
    const target = path.join(tempDir(), 'deck');
    await writeFolderAtomic(
      target,
      new Map([
        ['index.html', 'v1'],
        ['assets/a.css', 'a'],
        ['assets/old.png', 'x'],
      ]),
    );
    writeFileSync(path.join(target, 'deck.pdf'), 'pdf');
    const cssTime = statSync(path.join(target, 'assets/a.css')).mtimeMs;
    rmSync(path.join(target, 'index.html'));
    await new Promise((r) => setTimeout(r, 20));

    await writeFolderAtomic(
      target,
      new Map([
        ['index.html', 'v2'],
        ['assets/a.css', 'a'],
        ['assets/new.png', 'y'],
      ]),
      ['deck.pdf'],
    );
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('v2');
    expect(statSync(path.join(target, 'assets/a.css')).mtimeMs).toBe(cssTime); // unchanged: not written
    expect(readdirSync(path.join(target, 'assets')).sort()).toEqual(['a.css', 'new.png']);
    expect(readFileSync(path.join(target, 'deck.pdf'), 'utf8')).toBe('pdf');
    expect(readdirSync(path.dirname(target)).filter((n) => n.startsWith('.'))).toEqual([]); // no temporary leftovers
  });

  it('links deckmark’s own files instead of copying them, and copies where it cannot link', async () => {
    const dir = tempDir();
    const own = path.join(dir, 'runtime.js');
    writeFileSync(own, 'runtime');
    const target = path.join(dir, 'deck');
    await writeFolderAtomic(target, new Map([['assets/deckmark.js', { copyFrom: own, link: true }]]));
    expect(statSync(path.join(target, 'assets/deckmark.js')).ino).toBe(statSync(own).ino);
    // Rewritten by the same process (the dev server): a new file takes its place, the original stays whole.
    const other = path.join(dir, 'other.js');
    writeFileSync(other, 'other');
    await writeFolderAtomic(target, new Map([['assets/deckmark.js', { copyFrom: other, link: true }]]));
    expect(readFileSync(own, 'utf8')).toBe('runtime');
    expect(readFileSync(path.join(target, 'assets/deckmark.js'), 'utf8')).toBe('other');
    // On another file system (/dev/shm is a tmpfs, the temp folder is not) a link fails: a copy.
    const elsewhere = mkdtempSync('/dev/shm/deckmark-test-');
    try {
      writeFileSync(path.join(elsewhere, 'font.woff2'), 'font');
      expect(statSync(elsewhere).dev).not.toBe(statSync(dir).dev);
      const copied = path.join(dir, 'copied');
      await writeFolderAtomic(copied, new Map([['font.woff2', { copyFrom: path.join(elsewhere, 'font.woff2'), link: true }]]));
      expect(readFileSync(path.join(copied, 'font.woff2'), 'utf8')).toBe('font');
      expect(statSync(path.join(copied, 'font.woff2')).nlink).toBe(1);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('swaps in a whole new folder when it did not write the old one', async () => {
    const target = path.join(tempDir(), 'deck');
    await writeFolderAtomic(target, new Map([['index.html', 'mine']]));
    rmSync(target, { recursive: true });
    await writeFolderAtomic(target, new Map([['index.html', 'again']]));
    expect(existsSync(path.join(target, 'index.html'))).toBe(true);
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('again');
  });
});
