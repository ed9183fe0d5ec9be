// The local files a built deck is made of, whose saves rebuild it (the deck file, the images
// and videos its slides use, its theme when that is a file, its extra stylesheets, the project
// config files that may apply to it), and stamps that tell whether any of them changed.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Deck } from '../model/deck.js';
import { configCandidates } from '../build/config-file.js';
import { THEMES_DIR } from '../build/paths.js';
import { findProjectRoot } from '../build/project-root.js';
import { findThemePackage } from '../build/theme-package.js';
import { isThemePackage } from '../compile/deck-options.js';
import { isRemote } from '../markdown/urls.js';

/** Absolute paths, each once; resolved the way the build resolves them (next to the deck). */
export function deckInputs(deck: Deck, deckFile: string): string[] {
  const dir = path.dirname(deckFile);
  const local = (src: string): string | undefined => (src && !isRemote(src) ? path.resolve(dir, src) : undefined);
  const files = [path.resolve(deckFile)];
  for (const slide of deck.slides.flatMap((s) => [s, ...s.children])) {
    for (const asset of slide.assets) files.push(local(asset.src) ?? '');
  }
  const { theme } = deck.meta;
  const projectRoot = findProjectRoot(deckFile);
  if (/\.css$/i.test(theme)) files.push(local(theme) ?? '');
  else if (isThemePackage(theme)) {
    const found = findThemePackage(theme, dir, projectRoot);
    if ('css' in found) files.push(found.css);
  }
  // A built-in theme is a file too: whoever edits one in themes/ sees it live.
  else if (!theme.startsWith('reveal:')) files.push(path.join(THEMES_DIR, `${theme}.css`));
  for (const css of deck.meta.css) files.push(local(css) ?? '');
  files.push(...configCandidates(deckFile, projectRoot));
  return [...new Set(files.filter(Boolean))];
}

/**
 * A file's identity and version: it changes with every save, including one by rename. Taken
 * synchronously: a dozen stats take less time than one round trip to libuv's thread pool.
 */
export function fileStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'gone';
  }
}

/** The stamps of all of a deck's inputs, as one string to compare. */
export function inputsStamp(files: readonly string[]): string {
  return files.map(fileStamp).join('|');
}
