// The project root of a deck: the nearest folder above it with a package.json or .git, else
// the working directory when the deck is inside it, else the deck's own folder. Images
// outside it are refused.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function findProjectRoot(deckFile: string, cwd = process.cwd()): string {
  const deckDir = path.dirname(path.resolve(deckFile));
  for (let dir = deckDir; ;) {
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return isInside(path.resolve(cwd), deckDir) ? path.resolve(cwd) : deckDir;
}

/** True when `file` (after following symlinks) lies inside `root`. */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
