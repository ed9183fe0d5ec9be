// Build-time code highlighting with shiki. Highlighted code is cached on disk by content, so
// a build loads shiki (and pays for compiling its grammars) only for code it has not seen.
// The high-contrast palettes keep every token at WCAG AA on the themes' code backgrounds; a deck
// whose code has a palette of its own (`highlightTheme`, reveal.js's themes) gets it as a third,
// `--shiki-deck`, shown by codePaletteCss.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Highlighter } from '../markdown/plugins/code-blocks.js';
import { escapeHtml } from '../markdown/html.js';
import { deckmarkCacheDir } from './cache-dir.js';
import { readEntries, writeEntries } from './entries-file.js';

const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
/** Bump when the HTML made from tokens changes, so old cache entries are not used. */
const FORMAT = 'shiki4-hc-2';
const MAX_ENTRIES = 5000;

interface Snippet {
  code: string;
  lang: string;
  /** The deck's own code palette (a shiki theme), if any. */
  palette?: string;
}

function cacheFile(projectRoot: string): string {
  return path.join(deckmarkCacheDir(projectRoot), 'highlight.json');
}

const keyOf = ({ code, lang, palette }: Snippet): string =>
  createHash('sha1')
    .update(`${FORMAT}\0${palette ?? ''}\0${lang.toLowerCase()}\0${code}`)
    .digest('base64url');

/** A shiki theme by name: only names from deckmark's own table (model/themes.ts) get here. */
async function loadTheme(name: string): Promise<ThemeRegistration> {
  return (await import(`@shikijs/themes/${name}`)).default as ThemeRegistration;
}

/**
 * The CSS that shows a deck's own code palette: the theme's background and text colour on code
 * blocks, its token colours (`--shiki-deck`) over the deck theme's, on every slide.
 */
export async function codePaletteCss(name: string): Promise<string> {
  const theme = await loadTheme(name);
  const dark = theme.type === 'dark';
  const bg = theme.colors?.['editor.background'] ?? (dark ? '#1e1e1e' : '#ffffff');
  const fg = theme.colors?.['editor.foreground'] ?? (dark ? '#d4d4d4' : '#1f2328');
  return (
    `.reveal .slides section pre code{background-color:${bg};color:${fg}}\n` +
    `.reveal .slides section pre code span{color:var(--shiki-deck);font-style:var(--shiki-deck-font-style);` +
    `font-weight:var(--shiki-deck-font-weight);text-decoration:var(--shiki-deck-text-decoration)}\n`
  );
}

type ShikiHighlighter = Awaited<ReturnType<(typeof import('shiki/core'))['createHighlighterCore']>>;
type ThemeRegistration = import('shiki/core').ThemeRegistration;

/** One highlighter per process: the dev server's rebuilds reuse it and its compiled grammars. */
let shikiLoading: Promise<ShikiHighlighter> | undefined;

function loadShiki(): Promise<ShikiHighlighter> {
  shikiLoading ??= Promise.all([
    import('shiki/core'),
    import('shiki/engine/javascript'),
    import('@shikijs/themes/github-light-high-contrast'),
    import('@shikijs/themes/github-dark-high-contrast'),
  ]).then(([{ createHighlighterCore }, { createJavaScriptRawEngine }, light, dark]) =>
    createHighlighterCore({ themes: [light.default, dark.default], langs: [], engine: createJavaScriptRawEngine() }),
  );
  return shikiLoading;
}

/** Highlights with shiki the snippets in languages it knows; others are left out of the result. */
async function highlightWithShiki(snippets: Snippet[]): Promise<Map<string, string[]>> {
  const { bundledLanguagesInfo } = await import('shiki/langs');
  const idOf = (lang: string): string | undefined =>
    bundledLanguagesInfo.find((l) => l.id === lang || (l.aliases ?? []).includes(lang))?.id;
  const ids = [...new Set(snippets.map((s) => idOf(s.lang.toLowerCase())).filter((id): id is string => !!id))];
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const shiki = await loadShiki();
  const missing = ids.filter((id) => !shiki.getLoadedLanguages().includes(id));
  // Precompiled grammars: no regex translation at start-up.
  await shiki.loadLanguage(...(await Promise.all(missing.map(async (id) => (await import(`@shikijs/langs-precompiled/${id}`)).default))));
  const palettes = [...new Set(snippets.flatMap((s) => (s.palette ? [s.palette] : [])))];
  for (const name of palettes.filter((p) => !shiki.getLoadedThemes().includes(p))) await shiki.loadTheme(await loadTheme(name));
  for (const snippet of snippets) {
    const id = idOf(snippet.lang.toLowerCase());
    if (!id) continue;
    const themes = snippet.palette ? { ...THEMES, deck: snippet.palette } : THEMES;
    const { tokens } = shiki.codeToTokens(snippet.code, { lang: id, themes, defaultColor: false });
    const lines = tokens.map((line) =>
      line
        .map((t) => {
          const style = Object.entries(t.htmlStyle ?? {})
            .map(([k, v]) => `${k}:${v}`)
            .join(';');
          return style ? `<span style="${escapeHtml(style)}">${escapeHtml(t.content)}</span>` : escapeHtml(t.content);
        })
        .join(''),
    );
    out.set(keyOf(snippet), lines);
  }
  return out;
}

export interface HighlightCache {
  /** The synchronous highlighter markdown-it calls: cached results only, misses recorded. */
  highlight: Highlighter;
  /** Highlights from now on with the deck's own code palette too (a shiki theme), forgetting earlier misses. */
  usePalette(name: string | undefined): void;
  /** Code the last parse asked for that the cache did not have. */
  misses(): Snippet[];
  /** Highlights the misses with shiki and remembers them (languages shiki lacks stay plain). */
  fill(): Promise<void>;
  save(): Promise<void>;
}

export function openHighlightCache(projectRoot: string): HighlightCache {
  const file = cacheFile(projectRoot);
  const entries = readEntries<string[] | null>(file);
  let missed = new Map<string, Snippet>();
  let changed = false;
  let palette: string | undefined;
  return {
    usePalette: (name) => {
      palette = name;
      missed = new Map();
    },
    highlight: (code, lang) => {
      const snippet = { code, lang, palette };
      const key = keyOf(snippet);
      const hit = entries.get(key);
      if (hit === undefined) missed.set(key, snippet);
      return hit ?? undefined;
    },
    misses: () => [...missed.values()],
    fill: async () => {
      const done = await highlightWithShiki([...missed.values()]);
      // null remembers "shiki doesn't know this language", so it is not asked again.
      for (const key of missed.keys()) entries.set(key, done.get(key) ?? null);
      missed = new Map();
      changed = true;
    },
    save: async () => {
      if (changed) await writeEntries(file, entries, MAX_ENTRIES);
    },
  };
}
