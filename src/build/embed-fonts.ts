// The fonts of the embed view inside a sandboxed frame. WordPress's oEmbed iframe is
// `sandbox="allow-scripts"`: the deck runs in an opaque origin, where font files from a host
// that sends no CORS headers are blocked. So a deck with a public URL also gets
// `assets/embed-fonts.css`: every @font-face its stylesheets use, subset to the characters the
// deck shows and inlined as data URLs. The faces keep their descriptors, so in the embed view
// (which links this file last) they stand in for the file-based faces of the same name.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import type { Deck } from '../model/deck.js';
import { uiStrings } from '../compile/ui-strings.js';
import { deckmarkCacheDir } from './cache-dir.js';
import { writeFileAtomic } from './write-atomic.js';
import type { OutputFile } from './write-atomic.js';
import { hasScheme } from '../markdown/urls.js';

export const EMBED_FONTS_FILE = 'assets/embed-fonts.css';
/** Bump when the subsetting changes, so old cache entries are not used. */
const FORMAT = 'subset-1';

/**
 * Characters the deck shows that its text does not hold, always kept: printable ASCII (slide
 * numbers, counters, text added at run time), the quotes `open-quote` gives in any language,
 * dashes and ellipsis, and list markers. A face that lacks one would send the browser to the
 * file-based face of the same name, which is blocked in a sandbox.
 */
const ALWAYS = `${Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')}\u00a0«»‹›‘’‚“”„–—…•◦▪`;

/** The text of CSS `content: "…"` strings (escapes like `\2014` read). */
function generatedText(css: string): string {
  return [...css.matchAll(/content\s*:\s*(["'])((?:\\.|(?!\1).)*)\1/g)]
    .map((m) => m[2].replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))))
    .join('');
}

interface FontFace {
  /** The whole rule, as the stylesheet has it. */
  rule: string;
  family: string;
  /** Where its file lies among the deck's output files. */
  fontKey: string;
  ranges: Array<[number, number]>;
}

/** Every character the deck shows: its slides' text, its title, its UI strings and its CSS's `content`. */
export function deckCharacters(deck: Deck, css = ''): string {
  const html = deck.slides.flatMap((s) => [s, ...s.children]).map((s) => s.html);
  const text = decodeHTML(html.join(' ').replace(/<[^>]*>/g, ' '));
  const ui = Object.values(uiStrings(deck.meta.lang)).join('');
  const chars = new Set([...ALWAYS, ...text, ...deck.meta.title, ...ui, ...generatedText(css)]);
  for (const c of [...chars]) if (/\s/.test(c) && c !== ' ') chars.delete(c);
  return [...chars].sort().join('');
}

/** `U+0000-00FF, U+0131, U+02??` → code point ranges; a face without one covers everything. */
function parseUnicodeRange(value: string | undefined): Array<[number, number]> {
  if (!value) return [[0, 0x10ffff]];
  return value.split(',').map((part): [number, number] => {
    const [lo, hi = lo] = part.trim().replace(/^U\+/i, '').split('-');
    if (lo.includes('?')) return [parseInt(lo.replace(/\?/g, '0'), 16), parseInt(lo.replace(/\?/g, 'F'), 16)];
    return [parseInt(lo, 16), parseInt(hi, 16)];
  });
}

const descriptor = (body: string, name: string): string | undefined =>
  new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(body)?.[1]?.trim();

const unquote = (family: string): string => family.replace(/^["']|["']$/g, '');

/** The @font-face rules of one stylesheet whose (local, woff2) file the deck ships. */
function fontFaces(cssKey: string, css: string, files: Map<string, OutputFile>): FontFace[] {
  const faces: FontFace[] = [];
  for (const match of css.matchAll(/@font-face\s*{([^}]*)}/gi)) {
    const body = match[1];
    const family = descriptor(body, 'font-family');
    const url = /url\(\s*(["']?)([^)"']+\.woff2)\1\s*\)/i.exec(body)?.[2];
    if (!family || !url || hasScheme(url)) continue;
    const fontKey = path.posix.normalize(path.posix.join(path.posix.dirname(cssKey), url));
    if (!files.has(fontKey)) continue;
    faces.push({ rule: match[0], family: unquote(family), fontKey, ranges: parseUnicodeRange(descriptor(body, 'unicode-range')) });
  }
  return faces;
}

/** A family is used when some rule other than its own @font-face names it. */
function usedFamilies(sheets: string[]): string {
  return sheets.map((css) => css.replace(/@font-face\s*{[^}]*}/gi, '')).join('\n');
}

const fontBytes = (file: OutputFile): Buffer =>
  typeof file === 'string' ? Buffer.from(file) : Buffer.isBuffer(file) ? file : readFileSync(file.copyFrom);

type SubsetFont = typeof import('subset-font').default;

/** Subsets one font to `text`, through an on-disk cache (subsetting takes ~0.1 s a face). */
async function subsetCached(font: Buffer, text: string, cacheDir: string, load: () => Promise<SubsetFont>): Promise<Buffer> {
  const key = createHash('sha256').update(FORMAT).update('\0').update(font).update('\0').update(text).digest('base64url');
  const file = path.join(cacheDir, `${key}.woff2`);
  try {
    return readFileSync(file);
  } catch {
    const subset = await (await load())(font, text, { targetFormat: 'woff2' });
    mkdirSync(cacheDir, { recursive: true });
    await writeFileAtomic(file, subset).catch(() => undefined); // a cache may fail to write
    return subset;
  }
}

/**
 * The embed view's stylesheet for a deck: its stylesheets' used faces that cover some of its
 * characters, each subset to those characters and inlined. `files` are the deck's output files
 * (stylesheets as text, fonts to copy).
 */
export async function renderEmbedFonts(deck: Deck, files: Map<string, OutputFile>, projectRoot: string): Promise<string> {
  const sheets = [...files].filter((e): e is [string, string] => e[0].endsWith('.css') && typeof e[1] === 'string');
  const names = usedFamilies(sheets.map(([, css]) => css));
  const characters = [...deckCharacters(deck, sheets.map(([, css]) => css).join('\n'))].map((c) => c.codePointAt(0)!);
  const cacheDir = path.join(deckmarkCacheDir(projectRoot), 'embed-fonts');
  let subsetFont: Promise<SubsetFont> | undefined;
  const load = () => (subsetFont ??= import('subset-font').then((m) => m.default));
  const rules: string[] = [];
  for (const [key, css] of sheets) {
    for (const face of fontFaces(key, css, files)) {
      if (!names.includes(face.family)) continue;
      const covered = characters.filter((c) => face.ranges.some(([lo, hi]) => c >= lo && c <= hi));
      if (covered.length === 0) continue;
      const font = await subsetCached(fontBytes(files.get(face.fontKey)!), String.fromCodePoint(...covered), cacheDir, load);
      const src = `url(data:font/woff2;base64,${font.toString('base64')}) format("woff2")`;
      rules.push(face.rule.replace(/src\s*:[^;}]*/i, `src:${src}`));
    }
  }
  return `${rules.join('\n')}\n`;
}
