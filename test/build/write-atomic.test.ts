// Writing output folders: swapped in whole the first time, then only what changed.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  it('swaps in a whole new folder when it did not write the old one', async () => {
    const target = path.join(tempDir(), 'deck');
    await writeFolderAtomic(target, new Map([['index.html', 'mine']]));
    rmSync(target, { recursive: true });
    await writeFolderAtomic(target, new Map([['index.html', 'again']]));
    expect(existsSync(path.join(target, 'index.html'))).toBe(true);
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('again');
  });
});
