// Which folder bounds the files a deck may use.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot } from '../../src/build/project-root.js';
import { tempDir } from '../helpers/cli.js';

describe('findProjectRoot', () => {
  it('is the nearest folder above the deck with a package.json or .git', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'talks/slides'), { recursive: true });
    writeFileSync(path.join(dir, 'talks/package.json'), '{}');
    expect(findProjectRoot(path.join(dir, 'talks/slides/deck.md'), '/')).toBe(path.join(dir, 'talks'));
    mkdirSync(path.join(dir, 'talks/slides/.git'));
    expect(findProjectRoot(path.join(dir, 'talks/slides/deck.md'), '/')).toBe(path.join(dir, 'talks/slides'));
  });

  it('is the working directory for a deck inside it, else the deck folder', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    expect(findProjectRoot(path.join(dir, 'a/b/deck.md'), dir)).toBe(dir);
    expect(findProjectRoot(path.join(dir, 'a/b/deck.md'), path.join(dir, 'elsewhere'))).toBe(path.join(dir, 'a/b'));
  });
});
