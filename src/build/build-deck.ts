// Builds one deck file into `<outDir>/<slug>/index.html` with its assets (or one
// self-contained `<outDir>/<slug>.html`), atomically.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deck, Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { diagnostic } from '../model/diagnostic.js';
import { checkDeck } from '../check/check-deck.js';
import type { SlideMemo } from '../compile/slide-memo.js';
import { parseDeck } from '../compile/parse-deck.js';
import { renderDeck, type Script, type Stylesheet } from '../compile/render-deck.js';
import { READING_VIEW_DIR, renderReadingView } from '../compile/render-reading-view.js';
import type { DeckManifest, GalleryHeading } from '../compile/render-index.js';
import { OEMBED_FILE, OG_IMAGE, renderOEmbed } from '../compile/oembed.js';
import type { Separators } from '../compile/split-slides.js';
import { createAssetCollector } from './assets.js';
import { readProjectSettings } from './config-file.js';
import { deckDiagramTheme } from './diagram-theme.js';
import { MERMAID_FENCE, openDiagramCache, type DiagramDrawer } from './diagrams.js';
import { guessCode } from './guess-code.js';
import { codePaletteCss, openHighlightCache } from './highlight.js';
import { loadMathRenderer } from './math.js';
import { CLIENT_DIR } from './paths.js';
import { findProjectRoot } from './project-root.js';
import { deckSlug, pdfName, pptxName, shownPath, PNG_FOLDER } from './deck-files.js';
import { readDeckFile } from './read-deck-file.js';
import { EMBED_FONTS_FILE, renderEmbedFonts } from './embed-fonts.js';
import { collectStyles } from './theme-files.js';
import { recoverFolder, writeFileAtomic, writeFolderAtomic, type OutputFile } from './write-atomic.js';

export interface BuildOptions extends Separators {
  outDir: string;
  singleFile?: boolean;
  /** Every warning is an error (`--strict`): the build stops at the first, before anything of the deck is written. */
  strict?: boolean;
  /** Build even when the deck has errors, keeping them in its diagnostics (`check` reports them all). */
  keepErrors?: boolean;
  /** Words a slide may hold before the `dense-slide` rule warns. @defaultValue 80 */
  maxWords?: number;
  /** `--safe`: raw HTML escaped, no script attributes or URLs, a Content-Security-Policy. @defaultValue false */
  safe?: boolean;
  /**
   * The caller makes the title-slide image (it has a browser) and the deck points at it:
   * for every deck, or only for decks with a public `url` (`'shared'`: a social card needs one).
   */
  image?: boolean | 'shared';
  /** Link the deck's PDF even before it exists: `serve --pdf` is making it. @defaultValue false */
  pdfLink?: boolean;
  /** Draws the ```mermaid diagrams the cache lacks (the caller has the browser); without it they are shown as code. */
  drawDiagrams?: DiagramDrawer;
  /** The deck's slides from its last build, reused where unchanged (`serve`; see compile/slide-memo.ts). */
  slideMemo?: SlideMemo;
  /**
   * Told the deck's page (index.html's text, with the deck's files) as soon as it is rendered,
   * before the checks, the reading view and the embed fonts are made and anything is written:
   * the dev server sends changed slides to open pages from it.
   */
  onPage?(page: RenderedPage): void;
}

/** A deck's page as soon as it is rendered: its HTML, the deck, and its stylesheets and fonts as they will be written. */
export interface RenderedPage {
  html: string;
  deck: Deck;
  files: ReadonlyMap<string, OutputFile>;
}

/** The deck's title-slide image: where it goes, and whether the one on disk shows this build. */
interface DeckImage {
  /** The PNG's path. */
  file: string;
  /** Hash of the deck HTML the image must show; stored beside the PNG once it is made. */
  hash: string;
  /** The PNG on disk was made from this very HTML: nothing to do. */
  upToDate: boolean;
}

export interface BuiltDeck {
  slug: string;
  deck: Deck;
  /** The written deck: its index.html, or the single file. */
  output: string;
  manifest: DeckManifest;
  /** The compiler's diagnostics, then the browser-free check rules' findings as warnings. */
  diagnostics: Diagnostic[];
  /** The browser-free check rules' findings, with the severity `check` gives them. */
  lint: Diagnostic[];
  /** Set when the deck points at its title-slide image (made now or kept from before). */
  image?: DeckImage;
}

/** The file beside the title-slide image that holds the hash of the HTML it was made from. */
export const IMAGE_HASH_FILE = `${OG_IMAGE.file}.sha256`;

/** A code fence that names its language: only then is the highlighter needed. */
const CODE_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*[\w#+.-]/m;

function readTextOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}

/** Parses a deck file with its assets resolved; throws the first error it finds. */
export async function compileDeckFile(
  file: string,
  options: BuildOptions,
): Promise<{ deck: Deck; assets: Map<string, string>; gallery: GalleryHeading }> {
  const shown = shownPath(file);
  const text = await readDeckFile(file, shown);
  const projectRoot = findProjectRoot(file);
  const hasCode = CODE_FENCE.test(text);
  const highlighter = openHighlightCache(projectRoot);
  // The code the cache lacks is highlighted before the first parse, which then finds it: a cold
  // build parses once instead of twice, and shiki loads while the rest is set up.
  if (hasCode) for (const { code, lang } of guessCode(text)) highlighter.highlight(code, lang);
  const highlighting = highlighter.misses().length > 0 ? highlighter.fill() : undefined;
  highlighting?.catch(() => undefined); // awaited below; not an unhandled rejection if the setup throws first
  const project = readProjectSettings(file, deckSlug(file), projectRoot, shownPath);
  const collector = createAssetCollector(file, projectRoot, options.singleFile ?? false, options.safe);
  const math = await loadMathRenderer(text); // KaTeX only for decks with math
  await highlighting;
  const diagrams = MERMAID_FENCE.test(text) ? openDiagramCache(projectRoot) : undefined;
  const parse = (): Deck =>
    parseDeck(text, {
      file: shown,
      fallbackTitle: deckSlug(file),
      highlight: hasCode ? highlighter.highlight : undefined,
      math,
      diagrams: diagrams?.lookup,
      resolveAsset: collector.resolve,
      separator: options.separator,
      verticalSeparator: options.verticalSeparator,
      notesSeparator: options.notesSeparator,
      safe: options.safe,
      settings: project.settings,
      memo: options.slideMemo,
    });
  let deck = parse();
  // Code in the deck's own palette, diagrams in its theme (known once its front matter is read): again.
  const palette = deck.meta.codeTheme && hasCode;
  if (palette) highlighter.usePalette(deck.meta.codeTheme);
  if (diagrams) diagrams.useTheme(deckDiagramTheme(deck, file));
  if (palette || diagrams) deck = parse();
  // Diagrams the cache lacks: drawn (one browser for the build), then parsed again.
  const diagramMisses = diagrams?.misses() ?? [];
  const notDrawn = diagramMisses.length > 0 ? await diagrams!.fill(options.drawDiagrams) : undefined;
  if (diagramMisses.length > 0) deck = parse();
  // Code the cache has not seen, files --safe must look into: do that, then parse again.
  if (highlighter.misses().length > 0 || collector.uninspected() > 0) {
    if (highlighter.misses().length > 0) await highlighter.fill();
    await collector.inspect();
    deck = parse();
  }
  await highlighter.save();
  await diagrams?.save();
  deck.diagnostics.unshift(...project.diagnostics);
  if (notDrawn) {
    deck.diagnostics.push(
      diagnostic(
        'warning',
        'diagram-not-drawn',
        `the deck's mermaid diagrams are shown as code: ${notDrawn}`,
        { file: shown, line: diagramMisses[0].line },
        'diagrams are drawn by Mermaid in Chrome or Chromium at build time',
      ),
    );
  }
  const error = deck.diagnostics.find((d) => d.severity === 'error');
  if (error && !options.keepErrors)
    throw new DeckError(
      error.code === 'asset-outside-project' || error.code === 'unsafe-asset' ? error.code : 'missing-asset',
      error.message,
      error,
    );
  // The gallery's heading: the config's, else the project folder's name.
  const gallery = {
    title: project.gallery?.title ?? path.basename(projectRoot),
    ...(project.gallery?.intro ? { intro: project.gallery.intro } : {}),
  };
  return { deck, assets: collector.files, gallery };
}

/** `--strict`: the first warning stops the build as an error; the hint says how many more there are. */
function refuseWarnings(diagnostics: readonly Diagnostic[]): void {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length === 0) return;
  const [first] = warnings;
  const more = warnings.length - 1;
  throw new DeckError('strict', first.message, {
    ...first,
    hint: `${first.code} is a warning; --strict makes every warning an error${more > 0 ? ` (${more} more in this deck: \`deckmark check\` lists them all)` : ''}`,
  });
}

/** A single file's stylesheets as output files, beside the fonts' stylesheet and files. */
function singleFileSheets(fontFiles: Map<string, OutputFile>, styles: Stylesheet[]): Map<string, OutputFile> {
  const sheets = new Map(fontFiles);
  styles.forEach((style, i) => 'inline' in style && sheets.set(`assets/inline-${i}.css`, style.inline));
  return sheets;
}

export async function buildDeck(file: string, options: BuildOptions): Promise<BuiltDeck> {
  const slug = deckSlug(file);
  const { deck, assets, gallery } = await compileDeckFile(file, options);
  const inline = options.singleFile ?? false;
  const { fonts: fontsLink, fontFiles, styles, files, warnings } = collectStyles(deck, file, inline);
  if (deck.meta.codeTheme) styles.push({ inline: await codePaletteCss(deck.meta.codeTheme) }); // last: its colours win over the theme
  for (const { key, code, message } of warnings) {
    deck.diagnostics.push(diagnostic('warning', code, message, { file: deck.file, line: deck.metaLines[key] }));
  }
  // The rules that need no browser; the theme's text is at hand unless it was inlined. --strict
  // refuses a deck with warnings before anything is made of it; otherwise they run after the page.
  const themeCss = files.get('assets/theme.css');
  const runChecks = () => checkDeck(deck, { maxWords: options.maxWords, themeCss: typeof themeCss === 'string' ? themeCss : undefined });
  const withLint = (lint: Diagnostic[]) => [...deck.diagnostics, ...lint.map((d) => ({ ...d, severity: 'warning' as const }))];
  const strictLint = options.strict ? runChecks() : undefined;
  if (strictLint) refuseWarnings(withLint(strictLint));
  // A deck with a public URL can be embedded, also in a sandboxed frame that needs its fonts inline.
  const hasEmbedFonts = !inline && deck.meta.url !== undefined;
  // A single file carries its fonts subset to what it shows, like the embed view.
  const fonts = fontsLink ?? { inline: await renderEmbedFonts(deck, singleFileSheets(fontFiles, styles), findProjectRoot(file)) };
  const runtime = path.join(CLIENT_DIR, 'deckmark.js');
  const scripts: Script[] = inline ? [{ inline: readFileSync(runtime, 'utf8') }] : [{ src: 'assets/deckmark.js' }];
  const deckDir = path.join(options.outDir, slug);
  if (!inline) await recoverFolder(deckDir); // a killed run's swap, before looking for its PDF
  const pdf = pdfName(slug);
  const hasPdf = !inline && (options.pdfLink === true || existsSync(path.join(deckDir, pdf)));
  const pptx = pptxName(slug);
  const hasPptx = !inline && existsSync(path.join(deckDir, pptx));
  const imagePath = path.join(deckDir, OG_IMAGE.file);
  const imageOnDisk = !inline && existsSync(imagePath);
  const wantImage = options.image === true || (options.image === 'shared' && deck.meta.url !== undefined);
  const hasImage = !inline && (wantImage || imageOnDisk);
  // The reading view: in the deck's folder, or beside a single file (its styles inline too).
  const readingFile = inline ? `${slug}.read.html` : `${READING_VIEW_DIR}/index.html`;
  const html = renderDeck(deck, {
    readingHref: inline ? encodeURIComponent(readingFile) : `${READING_VIEW_DIR}/`,
    fonts,
    styles,
    scripts,
    pdfHref: hasPdf ? pdf : undefined,
    pptxHref: hasPptx ? pptx : undefined,
    imageFile: hasImage ? OG_IMAGE.file : undefined,
    oembedFile: inline ? undefined : OEMBED_FILE,
    embedFontsHref: hasEmbedFonts ? EMBED_FONTS_FILE : undefined,
    safe: options.safe,
  });
  options.onPage?.({ html, deck, files });
  const lint = strictLint ?? runChecks();
  const diagnostics = withLint(lint);
  const embedFonts = hasEmbedFonts ? await renderEmbedFonts(deck, files, findProjectRoot(file)) : undefined;
  const readingHtml = renderReadingView(deck, {
    fonts,
    styles: styles.slice(1), // not deckmark.css (reveal.js's rules): the theme's properties, KaTeX, the deck's css
    deckHref: inline ? `${encodeURIComponent(slug)}.html` : '../',
    base: inline ? '' : '../',
    imageFile: hasImage ? OG_IMAGE.file : undefined,
    oembedFile: inline ? undefined : OEMBED_FILE,
    safe: options.safe,
  });
  const hash = createHash('sha256').update(html).digest('hex');
  const image: DeckImage | undefined = hasImage
    ? { file: imagePath, hash, upToDate: imageOnDisk && readTextOr(path.join(deckDir, IMAGE_HASH_FILE), '') === hash }
    : undefined;
  const manifest: DeckManifest = {
    slug,
    title: deck.meta.title,
    description: deck.meta.description,
    author: deck.meta.author,
    date: deck.meta.date,
    lang: deck.meta.lang,
    slideCount: deck.slides.reduce((n, s) => n + 1 + s.children.length, 0),
    width: deck.meta.size.width,
    height: deck.meta.size.height,
    pdf: hasPdf ? pdf : undefined,
    pptx: hasPptx ? pptx : undefined,
    image: hasImage ? OG_IMAGE.file : undefined,
    read: `${READING_VIEW_DIR}/`,
    gallery,
  };

  if (inline) {
    const output = path.join(options.outDir, `${slug}.html`);
    await writeFileAtomic(output, html);
    await writeFileAtomic(path.join(options.outDir, readingFile), readingHtml);
    return { slug, deck, output, manifest, diagnostics, lint };
  }
  const out = new Map<string, OutputFile>(files);
  out.set('index.html', html);
  out.set(readingFile, readingHtml);
  if (embedFonts !== undefined) out.set(EMBED_FONTS_FILE, embedFonts);
  out.set('deck.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const oembed = renderOEmbed({ ...manifest, url: deck.meta.url, hasImage });
  out.set(OEMBED_FILE, `${JSON.stringify(oembed, null, 2)}\n`);
  out.set('assets/deckmark.js', { copyFrom: runtime, link: true });
  for (const [name, src] of assets) out.set(name, { copyFrom: src });
  await writeFolderAtomic(deckDir, out, [pdf, pptx, PNG_FOLDER, OG_IMAGE.file, IMAGE_HASH_FILE]);
  return { slug, deck, output: path.join(deckDir, 'index.html'), manifest, diagnostics, lint, image };
}
