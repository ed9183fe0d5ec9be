// The incremental PDF: the pages of slides that did not change since the last export are taken
// from it, and only the changed slides are printed. What is kept, per deck and print options, in
// deckmark's cache folder: the last raw PDF (as Chromium printed it, before pdf-finish.ts, so
// in-deck links and bookmarks are made again for the new page numbers) and, for each slide, a
// key of what decides its pages, where they are, and the print's warnings about it.
//
// A slide's key is its rendered <section> (line numbers aside, so an edit above it does not
// reprint it; with slide numbers on, its place in the deck too). Everything else that reaches
// the printed page — the rest of the HTML, the files in assets/ (theme, fonts, pictures, the
// runtime), the print options, deckmark's and the browser's versions — goes into one deck key:
// when it changes, every page is printed again.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeHTML } from 'entities';
import type { Deck, Diagnostic, PdfOptions, Slide, SlideSize } from '../model/deck.js';
import { cutAtSections, DOWNLOAD_LINK, renderSection } from '../compile/render-deck.js';
import { deckmarkCacheDir } from '../build/cache-dir.js';
import { packageVersion } from '../build/paths.js';
import { findProjectRoot } from '../build/project-root.js';
import { writeFileAtomic } from '../build/write-atomic.js';
import { emojiFolder } from './emoji-images.js';
import type { PrintMap } from './print-layout.js';

/** Bumped when what the cache holds changes meaning. */
const CACHE_FORMAT = 1;

/** A print warning kept with its slide: its line as an offset from the slide's first line. */
type KeptDiagnostic = Omit<Diagnostic, 'file' | 'line'> & { offset: number };

/** A slide of the last export: its key, its pages in the kept PDF, the print's warnings about it. */
interface KeptSlide extends PageRun {
  key: string;
  diagnostics: KeptDiagnostic[];
}

interface KeptPdf {
  format: number;
  deckKey: string;
  slides: KeptSlide[];
  /** The size of the last full print's PDF (see GROWTH_LIMIT). */
  fullBytes: number;
}

/**
 * Each print embeds its own subsets of the fonts, so a PDF of pages from many prints carries
 * many copies of them: past this growth over the last full print, everything is printed again.
 */
const GROWTH_LIMIT = 1.5;

/** What a new export can take from the last one. */
export interface ReusePlan {
  file: string;
  /** The built HTML the keys were made from. */
  html: string;
  deckKey: string;
  /** Every printed slide of the deck, in order (vertical ones after their parent), and its key. */
  slides: Slide[];
  keys: string[];
  /** The last export's raw PDF, when its deck key matches. */
  lastPdf?: Uint8Array;
  /** For each slide, its pages in `lastPdf`, or undefined: it is printed. */
  kept: Array<KeptSlide | undefined>;
  /** How many pages `lastPdf` has. */
  keptPages: number;
  /** The size of the last full print's PDF, when `lastPdf` is made of pages of several prints. */
  fullBytes?: number;
}

/** A slide's pages: the first (0-based) and how many (0 for a slide not printed, as a hidden one). */
export interface PageRun {
  start: number;
  count: number;
}

/** The deck's slides in print order: each horizontal one, then its vertical ones. */
export function printedSlides(deck: Deck): Slide[] {
  return deck.slides.flatMap((s) => [s, ...s.children]);
}

function sha(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}

/** The files under the deck's assets/, each with its content's hash. */
async function assetsDigest(deckDir: string): Promise<string> {
  const dir = path.join(deckDir, 'assets');
  if (!existsSync(dir)) return '';
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const hashes = await Promise.all(files.map(async (f) => `${f}:${sha(await readFile(path.join(dir, f)))}`));
  return hashes.join('\n');
}

/**
 * The deck key and each slide's key, or undefined when a slide's <section> is not in the built
 * HTML as the compiler renders it (then the HTML was changed after compiling, and keys made
 * from sections could not tell what changed: everything is printed).
 */
function deckKeys(html: string, deck: Deck, context: string): { deckKey: string; keys: string[] } | undefined {
  const cut = cutAtSections(html, deck);
  if (!cut) return undefined;
  const numbered = Boolean(deck.meta.reveal.slideNumber);
  const places = deck.slides.flatMap((stack, h) => [stack, ...stack.children].map((_, v) => `${h}.${v}`));
  const slides = printedSlides(deck);
  const keys = cut.sections.map((section, i) => {
    const place = numbered ? `${places[i]}/${slides.length}` : ''; // what its slide number shows
    return sha(section.replace(` data-line="${slides[i].range.start}"`, ''), place);
  });
  return { deckKey: sha(context, cut.rest.replace(DOWNLOAD_LINK, '')), keys };
}

/** The cache file of a deck's PDF printed with these options. */
function cacheFile(deck: Deck, deckHtml: string, options: PdfOptions, size: SlideSize): string {
  const root = findProjectRoot(deck.file ?? deckHtml);
  // By the source, not the built HTML: `pdf -o talk.pdf` builds into a new temporary folder each time.
  const name = sha(path.resolve(deck.file ?? deckHtml), JSON.stringify({ ...options, size }));
  return path.join(deckmarkCacheDir(root), 'pdf', `${name}.bin`);
}

/** The kept PDF is stored as one line of JSON, then the PDF's bytes: one file, written atomically. */
async function readKept(file: string): Promise<{ kept: KeptPdf; pdf: Uint8Array } | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  const newline = bytes?.indexOf(0x0a) ?? -1;
  if (!bytes || newline < 0) return undefined;
  try {
    const kept = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as KeptPdf;
    return kept.format === CACHE_FORMAT ? { kept, pdf: bytes.subarray(newline + 1) } : undefined;
  } catch {
    return undefined; // a damaged cache is only a slower export
  }
}

/**
 * Works out which slides' pages the last export of this deck (with the same options) can give.
 * Undefined when the export cannot be incremental: a handout (several slides on a sheet).
 */
export async function planReuse(
  deck: Deck,
  deckHtml: string,
  options: PdfOptions,
  size: SlideSize,
  browserVersion: string,
): Promise<ReusePlan | undefined> {
  if (options.handout) return undefined;
  const slides = printedSlides(deck);
  const [html, assets] = await Promise.all([readFile(deckHtml, 'utf8'), assetsDigest(path.dirname(deckHtml))]);
  const context = JSON.stringify({ CACHE_FORMAT, version: packageVersion(), browserVersion, options, size, emoji: emojiFolder() ?? '' });
  const keyed = deckKeys(html, deck, `${context}\n${assets}`);
  if (!keyed) return undefined;
  const file = cacheFile(deck, deckHtml, options, size);
  const last = await readKept(file);
  const usable = last && last.kept.deckKey === keyed.deckKey && last.pdf.length <= last.kept.fullBytes * GROWTH_LIMIT ? last : undefined;
  const byKey = new Map(usable?.kept.slides.map((s) => [s.key, s]));
  return {
    file,
    html,
    deckKey: keyed.deckKey,
    slides,
    keys: keyed.keys,
    lastPdf: usable?.pdf,
    kept: keyed.keys.map((key) => byKey.get(key)),
    keptPages: usable?.kept.slides.reduce((n, s) => n + s.count, 0) ?? 0,
    fullBytes: usable?.kept.fullBytes,
  };
}

/** Each slide's run of pages in a printed layout: from its first page to the next slide's. */
export function pageRuns(slides: Slide[], map: PrintMap): PageRun[] {
  const starts = slides.map((s) => map.slidePages[s.range.start]);
  return starts.map((start, i) => {
    if (start === undefined) return { start: 0, count: 0 };
    const next = starts.slice(i + 1).find((s) => s !== undefined) ?? map.pageCount;
    return { start, count: next - start };
  });
}

/**
 * The slide of each element id in the slides' HTML, for in-deck links (`#/goals`) to slides that
 * were not printed this time (the print view's map knows only the printed ones).
 */
export function slideIds(slides: Slide[]): Record<string, number> {
  const ids: Record<string, number> = {};
  for (const slide of slides) {
    for (const [, id] of renderSection(slide).matchAll(/\sid="([^"]*)"/g)) ids[decodeHTML(id)] ??= slide.range.start;
  }
  return ids;
}

/** The slide whose lines hold `line`, by index into `slides`. */
function slideAt(slides: Slide[], line: number): number {
  return slides.findIndex((s) => s.range.start <= line && line <= s.range.end);
}

/** The kept slides' print warnings, at their lines in the deck as it is now. */
export function keptDiagnostics(plan: ReusePlan, file: string | undefined): Diagnostic[] {
  return plan.kept.flatMap((kept, i) =>
    (kept?.diagnostics ?? []).map(({ offset, ...d }) => ({ ...d, file, line: plan.slides[i].range.start + offset })),
  );
}

/**
 * Stores the export's raw PDF and where each slide's pages and warnings are, for the next export.
 * `spliced`: the PDF was assembled from the last one's pages and new ones (else printed whole).
 */
export async function keepForNextExport(
  plan: ReusePlan,
  pdf: Uint8Array,
  spliced: boolean,
  runs: PageRun[],
  diagnostics: Diagnostic[],
): Promise<void> {
  const slides: KeptSlide[] = plan.keys.map((key, i) => ({ key, ...runs[i], diagnostics: [] }));
  for (const { file: _file, line, ...d } of diagnostics) {
    const at = slideAt(plan.slides, line);
    if (at >= 0) slides[at].diagnostics.push({ ...d, offset: line - plan.slides[at].range.start });
  }
  const fullBytes = spliced && plan.fullBytes !== undefined ? plan.fullBytes : pdf.length;
  const kept: KeptPdf = { format: CACHE_FORMAT, deckKey: plan.deckKey, slides, fullBytes };
  await mkdir(path.dirname(plan.file), { recursive: true });
  await writeFileAtomic(plan.file, Buffer.concat([Buffer.from(`${JSON.stringify(kept)}\n`), pdf]));
}
