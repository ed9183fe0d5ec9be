// The stylesheets of a deck: deckmark's base CSS, its theme (built-in, reveal:NAME or a
// file of the author's) and its extra `css`, with the fonts they use. The author's files are
// read like images: inside the project (or among deckmark's themes), regular, and bounded.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deck } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { DEFAULT_THEME } from '../model/themes.js';
import type { Stylesheet } from '../compile/render-deck.js';
import { isThemePackage } from '../compile/deck-options.js';
import { contentHash } from './assets.js';
import { mimeType } from './mime-types.js';
import { checkLocalFile, describeProblem, readLocalFile, type LocalFileProblem } from './local-file.js';
import { CLIENT_DIR, REVEAL_THEMES_DIR, THEMES_DIR } from './paths.js';
import { findProjectRoot } from './project-root.js';
import { findThemePackage } from './theme-package.js';
import type { OutputFile } from './write-atomic.js';
import { isExternal } from '../markdown/urls.js';

const FONT_URL = /url\((["']?)(\.\/)?(fonts\/[^)"']+)\1\)/g;

/** The themes' fonts, beside the deck. */
const FONTS_FILE = 'assets/fonts.css';

export interface StyleOutput {
  /** The link to the fonts of deckmark's themes, before `styles`; none for a single file (see `fontFiles`). */
  fonts?: Stylesheet;
  /** The fonts' stylesheet (FONTS_FILE) and the font files it names. */
  fontFiles: Map<string, OutputFile>;
  styles: Stylesheet[];
  /** Files to write beside the deck (relative path → content). */
  files: Map<string, OutputFile>;
  warnings: StyleWarning[];
}

/** A stylesheet the deck names that is left out: missing (a `missing-file`) or remote. */
interface StyleWarning {
  /** The front matter key that names it, for the line. */
  key: 'theme' | 'css';
  code: 'missing-file' | 'stylesheet';
  message: string;
}

/** The largest stylesheet file (a theme, a `css:` file, each `@import`) a deck may use. */
export const MAX_STYLESHEET_BYTES = 2 * 1024 * 1024;

/** How the author's stylesheet files are read for one deck. */
interface StyleReader {
  inline: boolean;
  files: Map<string, OutputFile>;
  /** The project root and deckmark's own theme folders: no stylesheet or font is read elsewhere. */
  roots: string[];
  /** Throws the error for a file the deck names (what it is, as written) that cannot be used. */
  fail: (what: string, problem: LocalFileProblem | 'not-css') => never;
}

/** A stylesheet's text: a regular `.css` file in the roots, within the size limit, of text (UTF-8, no NUL). */
function readStylesheet(file: string, what: string, reader: StyleReader): string {
  const read = readLocalFile(file, reader.roots, MAX_STYLESHEET_BYTES);
  if ('problem' in read) return reader.fail(what, read.problem);
  if (!/\.css$/i.test(file) || read.data.includes(0)) return reader.fail(what, 'not-css');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(read.data);
  } catch {
    return reader.fail(what, 'not-css');
  }
}

/** A CSS file's text with its `fonts/…` urls either kept (files copied) or inlined. */
function withFonts(cssFile: string, what: string, reader: StyleReader): string {
  const dir = path.dirname(cssFile);
  return readStylesheet(cssFile, what, reader).replace(FONT_URL, (whole, _q, _dot, rel: string) => {
    if (rel.split(/[\\/]/).includes('..')) return reader.fail(`${what}: its font "${rel}"`, 'outside-project');
    const font = path.join(dir, rel);
    const checked = checkLocalFile(font, reader.roots, Number.MAX_SAFE_INTEGER);
    if ('problem' in checked) {
      if (checked.problem === 'missing') return whole;
      return reader.fail(`${what}: its font "${rel}"`, checked.problem);
    }
    if (reader.inline) return `url(data:${mimeType(font)};base64,${readFileSync(checked.real).toString('base64')})`;
    reader.files.set(`assets/${rel}`, { copyFrom: checked.real });
    return `url(${rel})`;
  });
}

/** A comment (left alone) or an `@import` of a .css file. */
const COMMENT_OR_IMPORT = /\/\*[\s\S]*?\*\/|@import\s+(?:url\(\s*)?(["']?)([^"')\s]+\.css)\1\s*\)?[^;]*;/g;

/**
 * A theme's CSS with its local `@import "….css";` inlined, so a theme can build on another:
 * `dark.css` starts with `@import "default.css";`. An import is looked for beside the file,
 * then among deckmark's themes, so a copy of `dark.css` elsewhere still finds `default.css`.
 */
function readTheme(file: string, what: string, reader: StyleReader, seen = new Set<string>()): string {
  seen.add(file);
  return withFonts(file, what, reader).replace(COMMENT_OR_IMPORT, (whole, _q, href: string | undefined) => {
    if (href === undefined || isExternal(href)) return whole;
    let target = path.resolve(path.dirname(file), href);
    if (!existsSync(target)) target = path.join(THEMES_DIR, path.basename(href));
    if (!existsSync(target) || seen.has(target)) return whole;
    return readTheme(target, `${what}: its @import "${href}"`, reader, seen);
  });
}

/** True when a slide holds math rendered by KaTeX: only then do its CSS and fonts ship. */
function usesMath(deck: Deck): boolean {
  return deck.slides.some((s) => [s, ...s.children].some((slide) => slide.html.includes('class="katex')));
}

/** The theme's CSS file, and the folder of the npm package it comes from, if it does. */
function themeFile(deck: Deck, deckDir: string, projectRoot: string): { file: string; packageDir?: string } {
  const { theme } = deck.meta;
  if (theme.startsWith('reveal:')) return { file: path.join(REVEAL_THEMES_DIR, `${theme.slice(7)}.css`) };
  if (/\.css$/i.test(theme)) return { file: path.resolve(deckDir, theme) };
  if (!isThemePackage(theme)) return { file: path.join(THEMES_DIR, `${theme}.css`) };
  const found = findThemePackage(theme, deckDir, projectRoot);
  if ('problem' in found) {
    throw new DeckError('unknown-theme', `theme package "${theme}" ${found.problem}`, {
      file: deck.file,
      line: deck.metaLines.theme ?? 1,
      column: 1,
    });
  }
  return { file: found.css, packageDir: found.dir };
}

/** The message for a stylesheet the deck names that cannot be used. */
function stylesheetError(deck: Deck, key: 'theme' | 'css', what: string, problem: LocalFileProblem | 'not-css'): DeckError {
  const where = { file: deck.file, line: deck.metaLines[key] ?? 1, column: 1 };
  if (problem === 'outside-project')
    return new DeckError('asset-outside-project', `${what}${describeProblem(problem, MAX_STYLESHEET_BYTES)}`, where);
  const reason = problem === 'not-css' ? ' is not a CSS file (a .css file of UTF-8 text)' : describeProblem(problem, MAX_STYLESHEET_BYTES);
  return new DeckError('invalid-stylesheet', `${what}${reason}`, where);
}

export function collectStyles(deck: Deck, deckFile: string, inline: boolean): StyleOutput {
  const deckDir = path.dirname(path.resolve(deckFile));
  const files = new Map<string, OutputFile>();
  const styles: Stylesheet[] = [];
  const warnings: StyleWarning[] = [];
  const projectRoot = findProjectRoot(deckFile);
  const theme = themeFile(deck, deckDir, projectRoot);
  // A package theme may be linked from elsewhere (npm link, a workspace): its folder is allowed too.
  const roots = [projectRoot, THEMES_DIR, REVEAL_THEMES_DIR, ...(theme.packageDir ? [theme.packageDir] : [])];
  const reader = (key: 'theme' | 'css'): StyleReader => ({
    inline,
    files,
    roots,
    fail: (what, problem) => {
      throw stylesheetError(deck, key, what, problem);
    },
  });
  const add = (name: string, css: string): void => {
    if (inline) styles.push({ inline: css });
    else {
      files.set(`assets/${name}`, css);
      styles.push({ href: `assets/${name}` });
    }
  };

  // The themes' fonts: a stylesheet apart, which the embed view may swap (see StyleOutput.fonts).
  const fontsCss = readFileSync(path.join(CLIENT_DIR, 'fonts.css'), 'utf8');
  const fontFiles = new Map<string, OutputFile>([[FONTS_FILE, fontsCss]]);
  for (const m of fontsCss.matchAll(FONT_URL)) fontFiles.set(`assets/${m[3]}`, { copyFrom: path.join(CLIENT_DIR, m[3]), link: true });
  if (!inline) for (const [name, content] of fontFiles) files.set(name, content);
  add('deckmark.css', readFileSync(path.join(CLIENT_DIR, 'deckmark.css'), 'utf8'));
  if (usesMath(deck)) {
    const css = readFileSync(path.join(CLIENT_DIR, 'katex.css'), 'utf8');
    if (inline) add('katex.css', readFileSync(path.join(CLIENT_DIR, 'katex.inline.css'), 'utf8'));
    else {
      add('katex.css', css);
      for (const m of css.matchAll(FONT_URL)) files.set(`assets/${m[3]}`, { copyFrom: path.join(CLIENT_DIR, m[3]), link: true });
    }
  }

  let themeCss = theme.file;
  if (!existsSync(themeCss)) {
    // Like a missing image: the deck still builds (`check` and --strict make it an error).
    warnings.push({ key: 'theme', code: 'missing-file', message: `theme ${deck.meta.theme} not found: the deck uses the default theme` });
    themeCss = path.join(THEMES_DIR, `${DEFAULT_THEME}.css`);
  }
  add('theme.css', readTheme(themeCss, `theme "${deck.meta.theme}"`, reader('theme')));

  for (const extra of deck.meta.css) {
    if (/^(https?:)?\/\//i.test(extra)) {
      warnings.push({
        key: 'css',
        code: 'stylesheet',
        message: `stylesheet ${extra} is remote and is not loaded: the deck must work offline`,
      });
      continue;
    }
    const file = path.resolve(deckDir, extra);
    if (!existsSync(file)) {
      warnings.push({ key: 'css', code: 'missing-file', message: `stylesheet ${extra} not found` });
      continue;
    }
    const css = readStylesheet(file, `stylesheet "${extra}"`, reader('css'));
    add(`${path.basename(file, '.css')}-${contentHash(css)}.css`, css);
  }
  return { fonts: inline ? undefined : { href: FONTS_FILE }, fontFiles, styles, files, warnings };
}
