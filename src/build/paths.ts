// Where deckmark's own files are: the runtime built into lib/ and the themes in themes/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder: the nearest folder above this module holding package.json and themes/. */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'themes')) || !existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('deckmark: cannot find its package folder (themes/ is missing)');
    dir = parent;
  }
  return dir;
}

const PACKAGE_ROOT = findPackageRoot();
export const CLIENT_DIR = path.join(PACKAGE_ROOT, 'lib/client');
export const THEMES_DIR = path.join(PACKAGE_ROOT, 'themes');
export const REVEAL_THEMES_DIR = path.join(PACKAGE_ROOT, 'lib/themes/reveal');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');
/** The `--jobs` worker thread's script, bundled by scripts/build.mjs (also when running from src/). */
export const BUILD_WORKER = path.join(PACKAGE_ROOT, 'lib/build-worker.js');

/** deckmark's version, as its package.json gives it. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
