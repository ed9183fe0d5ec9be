// renderDeck(): Deck model → the reveal.js HTML document. Pure: the caller says where the
// stylesheets and scripts are (or passes their text, for a single-file deck).
import type { Deck, Slide } from '../model/deck.js';
import { escapeHtml, renderAttributes, scriptJson } from '../markdown/html.js';
import { safeDeckPolicy } from './content-security-policy.js';
import { documentStart } from './html-document.js';
import { deckFileHref, OG_IMAGE } from './oembed.js';
import { uiStrings } from './ui-strings.js';

export type Stylesheet = { href: string } | { inline: string };
export type Script = { src: string } | { inline: string };

export interface RenderOptions {
  /** The themes' fonts, linked first. */
  fonts?: Stylesheet;
  /** In order: deckmark's base CSS, the theme, then the deck's own `css`. */
  styles: Stylesheet[];
  /** The browser runtime (reveal.js and deckmark's client). */
  scripts: Script[];
  /** Link to the deck's reading view (its text version). */
  readingHref?: string;
  /** Link to the deck's PDF, when it exists. */
  pdfHref?: string;
  /** Link to the deck's PowerPoint file, when it exists. */
  pptxHref?: string;
  /** The title-slide image beside the deck (Open Graph/Twitter card), when it exists or is being made. */
  imageFile?: string;
  /** The oEmbed JSON beside the deck, for its discovery link. */
  oembedFile?: string;
  /**
   * The fonts inlined (see build/embed-fonts.ts), linked instead of `fonts` by the embed view
   * in a sandboxed frame, where the font files of a host without CORS headers are blocked.
   */
  embedFontsHref?: string;
  /** `--safe`: a Content-Security-Policy that lets the deck run only its own scripts. @defaultValue false */
  safe?: boolean;
}

/** What the runtime says to screen readers (src/client/announce.ts), in the deck's language. */
function clientStrings(deck: Deck): Record<string, string> {
  const ui = uiStrings(deck.meta.lang);
  const { slideOf, slide, slideDeck, previousSlide, nextSlide, slideAbove, slideBelow, textVersion } = ui;
  return { title: deck.meta.title, slideOf, slide, slideDeck, previousSlide, nextSlide, slideAbove, slideBelow, textVersion };
}

/** The reveal.js configuration a deck starts with. */
export function revealConfig(deck: Deck): Record<string, unknown> {
  return { width: deck.meta.size.width, height: deck.meta.size.height, ...deck.meta.reveal };
}

/**
 * The "Download PDF" and "Download PowerPoint" links as the deck's HTML holds them. They never
 * print (deckmark.css hides them in the print view), so the incremental PDF leaves them out of
 * what decides whether a deck's pages can be reused: the first PDF export adds one.
 */
export const DOWNLOAD_LINK = /<a class="dm-pdf-link[^"]*" href="[^"]*" download>[^<]*<\/a>\n/g;

/** A slide's <section> as the deck's HTML holds it (the incremental PDF finds and keys each one by it). */
export function renderSection(slide: Slide): string {
  const attributes = renderAttributes({ ...slide.attributes, 'data-line': String(slide.range.start) });
  const notes = slide.notes ? `<aside class="notes">${slide.notes}</aside>` : '';
  return `<section${attributes}>\n${slide.html}${notes}</section>\n`;
}

/**
 * The built page cut at its slides: each slide's <section> as {@link renderSection} makes it (in
 * print order: a stack's slides after its first), and the page without them. Undefined when a
 * section is not in the page as rendered (the page was changed after compiling).
 */
export function cutAtSections(html: string, deck: Deck): { sections: string[]; rest: string } | undefined {
  const sections: string[] = [];
  let rest = '';
  let cursor = 0;
  for (const slide of deck.slides.flatMap((s) => [s, ...s.children])) {
    const section = renderSection(slide);
    const at = html.indexOf(section, cursor);
    if (at < 0) return undefined;
    rest += html.slice(cursor, at);
    sections.push(section);
    cursor = at + section.length;
  }
  return { sections, rest: rest + html.slice(cursor) };
}

function renderStack(slide: Slide): string {
  if (slide.children.length === 0) return renderSection(slide);
  return `<section>\n${[slide, ...slide.children].map(renderSection).join('')}</section>\n`;
}

/** Custom property overrides; values lose characters that could end the rule or the element. */
export function themeVarsStyle(vars: Record<string, string>): string {
  const decls = Object.entries(vars).map(([k, v]) => `--dm-${k}:${v.replace(/[<>{};]/g, '')}`);
  return decls.length ? `<style>:root{${decls.join(';')}}</style>\n` : '';
}

export function renderStyle(style: Stylesheet): string {
  return 'href' in style
    ? `<link rel="stylesheet" href="${escapeHtml(style.href)}">\n`
    : `<style>${style.inline.replace(/<\/style/gi, '<\\/style')}</style>\n`;
}

/** An inline script's text as the document holds it (its CSP hash is of this text). */
const inlineScript = (text: string): string => text.replace(/<\/script/gi, '<\\/script');

function renderScript(script: Script): string {
  return 'src' in script ? `<script src="${escapeHtml(script.src)}"></script>\n` : `<script>${inlineScript(script.inline)}</script>\n`;
}

/**
 * Open Graph and Twitter-card tags (SPEC §3 `embed`); file links absolute when the deck's URL is
 * known, else under `base` (the reading view is a folder below the deck's files).
 */
export function socialTags(
  deck: Deck,
  options: Pick<RenderOptions, 'imageFile' | 'oembedFile'>,
  page: { pageUrl?: string; base: string } = { pageUrl: deck.meta.url, base: '' },
): string[] {
  const { meta } = deck;
  const fileHref = (file: string): string => (meta.url ? deckFileHref(meta.url, file) : page.base + deckFileHref(undefined, file));
  const property = (name: string, value: string | undefined) =>
    value === undefined ? undefined : `<meta property="${name}" content="${escapeHtml(value)}">`;
  const named = (name: string, value: string | undefined) =>
    value === undefined ? undefined : `<meta name="${name}" content="${escapeHtml(value)}">`;
  const image = options.imageFile ? fileHref(options.imageFile) : undefined;
  return [
    property('og:type', 'website'),
    property('og:title', meta.title),
    property('og:description', meta.description),
    property('og:url', page.pageUrl),
    property('og:image', image),
    image && property('og:image:width', String(OG_IMAGE.width)),
    image && property('og:image:height', String(OG_IMAGE.height)),
    image && property('og:image:alt', meta.title),
    named('twitter:card', image ? 'summary_large_image' : 'summary'),
    named('twitter:title', meta.title),
    named('twitter:description', meta.description),
    named('twitter:image', image),
    options.oembedFile &&
      `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(fileHref(options.oembedFile))}" title="${escapeHtml(meta.title)}">`,
  ].filter((t): t is string => Boolean(t));
}

/**
 * The fonts' link. With embed fonts, a script picks it as the page loads: in the embed view in
 * an opaque origin (a sandboxed frame, or file://) the inlined faces, else the font files. The
 * file-based faces must not exist there at all: the deck's first layout would ask for them.
 */
function renderFonts(fonts: Stylesheet, embedFontsHref: string | undefined): { html: string; script?: string } {
  if (!embedFontsHref || !('href' in fonts)) return { html: renderStyle(fonts) };
  const link = (href: string) => `<link rel="stylesheet" href="${escapeHtml(href)}">`;
  const script =
    `document.write(self.origin==='null'&&/[?&]embed(?:[=&]|$)/.test(location.search)` +
    `?${JSON.stringify(link(embedFontsHref))}:${JSON.stringify(link(fonts.href))})`;
  return { html: `<script>${inlineScript(script)}</script><noscript>${link(fonts.href)}</noscript>\n`, script };
}

export function renderDeck(deck: Deck, options: RenderOptions): string {
  const { meta } = deck;
  const ui = uiStrings(meta.lang);
  const fonts = options.fonts ? renderFonts(options.fonts, options.embedFontsHref) : { html: '' };
  const inlineScripts = [fonts.script, ...options.scripts.map((s) => ('inline' in s ? s.inline : undefined))]
    .filter((text): text is string => text !== undefined)
    .map(inlineScript);
  const metaTags = [
    options.safe && `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(safeDeckPolicy(inlineScripts))}">`,
    meta.description && `<meta name="description" content="${escapeHtml(meta.description)}">`,
    meta.author && `<meta name="author" content="${escapeHtml(meta.author)}">`,
    meta.date && `<meta name="date" content="${escapeHtml(meta.date)}">`,
    meta.url && `<link rel="canonical" href="${escapeHtml(meta.url)}">`,
    ...socialTags(deck, options),
  ].filter(Boolean);
  const pdfLink = options.pdfHref
    ? `<a class="dm-pdf-link" href="${escapeHtml(options.pdfHref)}" download>${escapeHtml(ui.downloadPdf)}</a>\n`
    : '';
  // Stacked above the PDF link when both are there (the same look, hidden in print alike).
  const pptxLink = options.pptxHref
    ? `<a class="dm-pdf-link dm-pptx-link${options.pdfHref ? ' dm-stacked' : ''}" href="${escapeHtml(options.pptxHref)}" download>${escapeHtml(ui.downloadPptx)}</a>\n`
    : '';
  // First in the page: the first stop of Tab, before the slides a screen reader meets.
  const readingLink = options.readingHref
    ? `<a class="dm-read-link" href="${escapeHtml(options.readingHref)}" aria-keyshortcuts="T">${escapeHtml(ui.textVersion)}</a>\n`
    : '';
  return `${documentStart(meta.lang, meta.title)}${metaTags.map((t) => `${t}\n`).join('')}${fonts.html}${options.styles.map(renderStyle).join('')}${themeVarsStyle(meta.themeVars)}</head>
<body>
${readingLink}<div class="reveal">
<div class="slides">
${deck.slides.map(renderStack).join('')}</div>
</div>
${pdfLink}${pptxLink}<button type="button" class="dm-fullscreen" aria-label="${escapeHtml(ui.fullscreen)}" title="${escapeHtml(ui.fullscreen)}"></button>
<script type="application/json" id="deckmark-config">${scriptJson(revealConfig(deck))}</script>
<script type="application/json" id="deckmark-ui">${scriptJson(clientStrings(deck))}</script>
${options.scripts.map(renderScript).join('')}</body>
</html>
`;
}
