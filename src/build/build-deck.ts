// Builds one deck file into `<outDir>/<slug>/index.html` with its assets (or one
// self-contained `<outDir>/<slug>.html`), atomically.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deck, Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { parseDeck } from '../compile/parse-deck.js';
import { renderDeck, type Script } from '../compile/render-deck.js';
import type { DeckManifest } from '../compile/render-index.js';
import type { Separators } from '../compile/split-slides.js';
import { createAssetCollector } from './assets.js';
import { openHighlightCache } from './highlight.js';
import { loadMathRenderer } from './math.js';
import { CLIENT_DIR } from './paths.js';
import { findProjectRoot } from './project-root.js';
import { readDeckFile } from './read-deck-file.js';
import { collectStyles } from './theme-files.js';
import { writeFileAtomic, writeFolderAtomic, type OutputFile } from './write-atomic.js';

export interface BuildOptions extends Separators {
  outDir: string;
  singleFile?: boolean;
  /** Warnings about missing files become errors. */
  strict?: boolean;
  /** Offer the deck's PDF even before it exists (the pdf command is about to write it). */
  linkPdf?: boolean;
}

export interface BuiltDeck {
  slug: string;
  deck: Deck;
  /** The written deck: its index.html, or the single file. */
  output: string;
  manifest: DeckManifest;
  diagnostics: Diagnostic[];
}

const STRICT_CODES = new Set(['missing-image', 'missing-video']);

export function deckSlug(file: string): string {
  return path.basename(file).replace(/\.md$/i, '');
}

/** Paths as the user would write them: relative to the working directory. */
export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function pdfName(slug: string): string {
  return `${slug}.pdf`;
}

/** Parses a deck file with its assets resolved; throws the first error it finds. */
export async function compileDeckFile(file: string, options: BuildOptions): Promise<{ deck: Deck; assets: Map<string, string> }> {
  const shown = shownPath(file);
  const text = await readDeckFile(file, shown);
  const projectRoot = findProjectRoot(file);
  const collector = createAssetCollector(file, projectRoot, options.singleFile ?? false);
  const highlighter = openHighlightCache(projectRoot);
  const math = await loadMathRenderer(text); // KaTeX only for decks with math
  const parse = (): Deck =>
    parseDeck(text, {
      file: shown,
      fallbackTitle: deckSlug(file),
      highlight: /^[ \t]*(`{3,}|~{3,})[ \t]*[\w#+.-]/m.test(text) ? highlighter.highlight : undefined,
      math,
      resolveAsset: collector.resolve,
      separator: options.separator,
      verticalSeparator: options.verticalSeparator,
      notesSeparator: options.notesSeparator,
    });
  let deck = parse();
  // Code the cache has not seen: highlight it, then parse again with it.
  if (highlighter.misses().length > 0) {
    await highlighter.fill();
    deck = parse();
  }
  await highlighter.save();
  if (options.strict) {
    for (const d of deck.diagnostics) if (STRICT_CODES.has(d.code)) d.severity = 'error';
  }
  const error = deck.diagnostics.find((d) => d.severity === 'error');
  if (error) throw new DeckError(error.code === 'asset-outside-project' ? 'asset-outside-project' : 'missing-asset', error.message, error);
  return { deck, assets: collector.files };
}

export async function buildDeck(file: string, options: BuildOptions): Promise<BuiltDeck> {
  const slug = deckSlug(file);
  const { deck, assets } = await compileDeckFile(file, options);
  const inline = options.singleFile ?? false;
  const { styles, files, warnings } = collectStyles(deck, file, inline);
  for (const message of warnings) {
    deck.diagnostics.push({ severity: 'warning', code: 'stylesheet', message, file: deck.file, line: deck.metaLines.css ?? 1, column: 1 });
  }
  const runtime = path.join(CLIENT_DIR, 'deckmark.js');
  const scripts: Script[] = inline ? [{ inline: readFileSync(runtime, 'utf8') }] : [{ src: 'assets/deckmark.js' }];
  const deckDir = path.join(options.outDir, slug);
  const pdf = pdfName(slug);
  const hasPdf = !inline && (options.linkPdf || existsSync(path.join(deckDir, pdf)));
  const html = renderDeck(deck, { styles, scripts, pdfHref: hasPdf ? pdf : undefined });
  const manifest: DeckManifest = {
    slug,
    title: deck.meta.title,
    description: deck.meta.description,
    author: deck.meta.author,
    lang: deck.meta.lang,
    slideCount: deck.slides.reduce((n, s) => n + 1 + s.children.length, 0),
    width: deck.meta.size.width,
    height: deck.meta.size.height,
    pdf: hasPdf ? pdf : undefined,
  };

  if (inline) {
    const output = path.join(options.outDir, `${slug}.html`);
    await writeFileAtomic(output, html);
    return { slug, deck, output, manifest, diagnostics: deck.diagnostics };
  }
  const out = new Map<string, OutputFile>(files);
  out.set('index.html', html);
  out.set('deck.json', `${JSON.stringify(manifest, null, 2)}\n`);
  out.set('assets/deckmark.js', { copyFrom: runtime });
  for (const [name, src] of assets) out.set(name, { copyFrom: src });
  await writeFolderAtomic(deckDir, out, [pdf]);
  return { slug, deck, output: path.join(deckDir, 'index.html'), manifest, diagnostics: deck.diagnostics };
}
