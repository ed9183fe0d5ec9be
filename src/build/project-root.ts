// The project root of a deck: the nearest folder above it with a package.json or .git,
// else the working directory. Images outside it are refused.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function findProjectRoot(deckFile: string, cwd = process.cwd()): string {
  let dir = path.dirname(path.resolve(deckFile));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

/** True when `file` (after following symlinks) lies inside `root`. */
export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
