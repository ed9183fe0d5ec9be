// Turns front matter (and CLI overrides) into DeckMeta: known keys checked, defaults applied.
import type { DeckMeta, Diagnostic, PdfOptions, ReadingViewOptions, SlideSize } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { diagnostic } from '../model/diagnostic.js';
import { BUILTIN_THEMES, DEFAULT_THEME, HIGHLIGHT_THEMES, REVEAL_CODE_THEME, REVEAL_THEMES } from '../model/themes.js';
import type { FrontMatter } from './front-matter.js';

/** Front matter keys that pass straight into the reveal.js config. */
const REVEAL_KEYS = ['transition', 'controls', 'progress', 'slideNumber', 'hash', 'center'] as const;

/** Keys read elsewhere (reveal-md's separators, by the splitter) or below. */
const OTHER_KEYS = ['separator', 'verticalSeparator', 'notesSeparator', 'highlightTheme'] as const;

const KNOWN_KEYS = new Set<string>([
  'title',
  'author',
  'date',
  'description',
  'lang',
  'theme',
  'size',
  'incremental',
  'url',
  'themeVars',
  'sources',
  'pdf',
  'readingView',
  'reveal',
  'revealOptions',
  'slideOptions',
  'css',
  'math',
  'fit',
  ...REVEAL_KEYS,
  ...OTHER_KEYS,
]);

const SIZES: Record<string, SlideSize> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 1024, height: 768 },
};

/** A language tag of BCP 47's common shape: `nb`, `en-GB`, `zh-Hant-TW`. */
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i;

export function parseSize(value: string): SlideSize | undefined {
  if (SIZES[value]) return SIZES[value];
  const m = /^(\d{2,5})\s*x\s*(\d{2,5})$/i.exec(value);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}

/** A theme published as an npm package: `@scope/name`, or `deckmark-theme-name`. */
export function isThemePackage(theme: string): boolean {
  return /^(@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*|deckmark-theme-[\w.-]+)$/.test(theme);
}

/**
 * The theme in canonical form, or undefined when unknown. A bare reveal.js theme name
 * (`theme: moon`, as reveal-md decks write it) means `reveal:moon` unless we ship one of that name.
 */
function canonicalTheme(theme: string): string | undefined {
  const isReveal = (name: string): boolean => (REVEAL_THEMES as readonly string[]).includes(name);
  if (theme.startsWith('reveal:')) return isReveal(theme.slice(7)) ? theme : undefined;
  if ((BUILTIN_THEMES as readonly string[]).includes(theme) || /\.css$/i.test(theme) || isThemePackage(theme)) return theme;
  return isReveal(theme) ? `reveal:${theme}` : undefined;
}

export interface OptionContext {
  file?: string;
  /** What holds the keys, for messages. @defaultValue 'front matter' */
  what?: string;
  /** Title used when neither front matter nor a heading gives one. */
  fallbackTitle: string;
  /** The deck's first heading, if any. */
  firstHeading: string;
}

/** An absolute http(s) URL with a host: what links, cards and embeds can point at. */
function isPublicUrl(text: string): boolean {
  if (!/^https?:\/\/[^/?#\\\s]/i.test(text)) return false; // `http:host` and `https:///x` parse, but say little
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Builds the deck's metadata; wrong values throw, unknown keys become warnings. */
export function readDeckOptions(fm: FrontMatter, ctx: OptionContext, diagnostics: Diagnostic[]): DeckMeta {
  const { data, keyLines } = fm;
  const at = (key: string): { file?: string; line: number; column: number } => ({
    file: ctx.file,
    line: keyLines[key] ?? 1,
    column: fm.keyColumns?.[key] ?? 1,
  });
  const fail = (
    key: string,
    message: string,
    code: 'unknown-theme' | 'invalid-option' = key === 'theme' ? 'unknown-theme' : 'invalid-option',
  ): never => {
    throw new DeckError(code, message, at(key));
  };
  /** A wrong value inside the mapping at `key`: at the nested key's own line when it has one. */
  const failInside =
    (key: string) =>
    (inner: string, message: string): never => {
      const place = fm.nestedKeys?.[`${key}.${inner}`];
      throw new DeckError('invalid-option', message, place ? { file: ctx.file, ...place } : at(key));
    };
  const str = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v !== 'string' && typeof v !== 'number') return fail(key, `\`${key}\` must be text`);
    return String(v);
  };
  const bool = (key: string): boolean | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') return fail(key, `\`${key}\` must be true or false`);
    return v;
  };
  const record = (key: string): Record<string, unknown> => {
    const v = data[key];
    if (v === undefined || v === null) return {};
    if (typeof v !== 'object' || Array.isArray(v)) return fail(key, `\`${key}\` must be a mapping of keys to values`);
    return v as Record<string, unknown>;
  };

  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      diagnostics.push(diagnostic('warning', 'unknown-key', `unknown ${ctx.what ?? 'front matter'} key \`${key}\` (ignored)`, at(key)));
    }
  }
  const highlight = str('highlightTheme');
  const highlightPalette = highlight === undefined ? undefined : highlightTheme(highlight);
  if (highlight !== undefined && highlightPalette === undefined) {
    const known = Object.keys(HIGHLIGHT_THEMES).join(', ');
    const message = `unknown \`highlightTheme\` "${highlight}": the deck theme colours the code (known: ${known})`;
    diagnostics.push(diagnostic('warning', 'highlight-theme', message, at('highlightTheme')));
  }

  const lang = str('lang') ?? 'en';
  if (typeof data.lang === 'number' || !LANG.test(lang))
    fail('lang', `\`lang\` must be a language tag such as nb, nn or en, not ${JSON.stringify(data.lang)}`);

  // HackMD / CodiMD slide decks: `slideOptions` holds reveal.js options and the theme.
  const { theme: rawSlideTheme, ...slideOptions } = record('slideOptions');
  if (rawSlideTheme !== undefined && typeof rawSlideTheme !== 'string')
    failInside('slideOptions')('theme', '`slideOptions.theme` must be text');
  const slideTheme = rawSlideTheme as string | undefined;
  const themeKey = data.theme === undefined && slideTheme !== undefined ? 'slideOptions' : 'theme';
  const themeName = str('theme') ?? slideTheme ?? DEFAULT_THEME;
  const theme =
    canonicalTheme(themeName) ??
    fail(
      themeKey,
      `unknown theme "${themeName}": use ${BUILTIN_THEMES.join(', ')}, reveal:NAME (${REVEAL_THEMES.join(', ')}), a path to a .css file or an npm package (@scope/name or deckmark-theme-name)`,
      'unknown-theme',
    );

  const sizeText = str('size') ?? '16:9';
  const size = parseSize(sizeText) ?? fail('size', `\`size\` must be 16:9, 4:3 or WIDTHxHEIGHT (e.g. 1920x1080), not "${sizeText}"`);

  const themeVars: Record<string, string> = {};
  for (const [k, v] of Object.entries(record('themeVars'))) {
    if (!/^[\w-]+$/.test(k) || (typeof v !== 'string' && typeof v !== 'number')) {
      failInside('themeVars')(k, `\`themeVars.${k}\` must be a name of letters, digits and dashes with a text or number value`);
    }
    themeVars[k.replace(/^--/, '')] = String(v);
  }

  const reveal: Record<string, unknown> = { ...slideOptions, ...record('revealOptions'), ...record('reveal') };
  for (const key of REVEAL_KEYS) if (data[key] !== undefined) reveal[key] = data[key];
  // Shrink-to-fit on screen (src/client/fit.ts), read by the deck's runtime from its config.
  if (bool('fit') === false) reveal.fit = false;
  // How TeX is read is decided by the parser (plugins/math.ts, mathReading); a wrong value stops here.
  if (data.math !== undefined && data.math !== 'tex' && data.math !== 'markdown')
    fail('math', '`math` must be tex (TeX as written, as pandoc reads it) or markdown (Markdown first, as reveal.js reads it)');

  const url = str('url');
  if (url !== undefined && !isPublicUrl(url)) {
    fail('url', `\`url\` must be the deck's public address, an absolute http(s) URL such as https://example.org/talk/, not "${url}"`);
  }

  const rawCss = data.css;
  const css = rawCss === undefined || rawCss === null ? [] : Array.isArray(rawCss) ? rawCss : [rawCss];
  if (!css.every((c): c is string => typeof c === 'string')) fail('css', '`css` must be a path or a list of paths');

  // reveal.js's themes and reveal-md's own stylesheets colour no code: reveal.js's palette then.
  const codeTheme = highlightPalette ?? (theme.startsWith('reveal:') || /\.css$/i.test(theme) ? REVEAL_CODE_THEME : undefined);

  return {
    ...(codeTheme ? { codeTheme } : {}), // no key otherwise: the deck's model stays as it was
    title: str('title') ?? (ctx.firstHeading || ctx.fallbackTitle),
    author: str('author'),
    date: str('date'),
    description: str('description'),
    lang,
    theme,
    size,
    incremental: bool('incremental') ?? false,
    url,
    themeVars,
    sources: bool('sources') ?? false,
    pdf: readPdfOptions(record('pdf'), failInside('pdf')),
    readingView: readReadingViewOptions(record('readingView'), failInside('readingView')),
    reveal,
    css: css as string[],
  };
}

/** The shiki theme closest to a highlight.js style name (`monokai`, `atom-one-dark.css`), if any. */
function highlightTheme(name: string): string | undefined {
  const key = name
    .toLowerCase()
    .replace(/\.(min\.)?css$/, '')
    .replace(/^.*\//, '');
  if (HIGHLIGHT_THEMES[key]) return HIGHLIGHT_THEMES[key];
  if (/dark|night|black/.test(key)) return 'github-dark';
  if (/light/.test(key)) return 'github-light';
  return undefined;
}

/** Fails at the line of the mapping's key `inner` (or the mapping's own). */
type FailInside = (inner: string, message: string) => never;

function readReadingViewOptions(raw: Record<string, unknown>, fail: FailInside): ReadingViewOptions {
  const unknown = Object.keys(raw).find((key) => key !== 'notes');
  if (unknown !== undefined) fail(unknown, `unknown \`readingView\` key \`${unknown}\`: the only key is notes (true or false)`);
  const notes = raw.notes ?? true;
  if (typeof notes !== 'boolean') fail('notes', '`readingView.notes` must be true or false');
  return { notes: notes as boolean };
}

function readPdfOptions(raw: Record<string, unknown>, fail: FailInside): PdfOptions {
  const notes = raw.notes ?? false;
  if (notes !== false && notes !== 'page' && notes !== 'below') fail('notes', '`pdf.notes` must be false, page or below');
  const handout = raw.handout ?? 0;
  if (handout !== 0 && handout !== 2 && handout !== 3 && handout !== 6) fail('handout', '`pdf.handout` must be 0, 2, 3 or 6');
  const fragments = raw.fragments ?? false;
  if (typeof fragments !== 'boolean') fail('fragments', '`pdf.fragments` must be true or false');
  let size: SlideSize | undefined;
  if (raw.size !== undefined) size = parseSize(String(raw.size)) ?? fail('size', '`pdf.size` must be 16:9, 4:3 or WIDTHxHEIGHT');
  return { notes: notes as PdfOptions['notes'], fragments: fragments as boolean, handout: handout as PdfOptions['handout'], size };
}
