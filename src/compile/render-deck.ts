// renderDeck(): Deck model → the reveal.js HTML document. Pure: the caller says where the
// stylesheets and scripts are (or passes their text, for a single-file deck).
import type { Deck, Slide } from '../model/deck.js';
import { escapeHtml, renderAttributes, scriptJson } from '../markdown/html.js';
import { documentStart } from './html-document.js';
import { uiStrings } from './ui-strings.js';

export type Stylesheet = { href: string } | { inline: string };
export type Script = { src: string } | { inline: string };

export interface RenderOptions {
  /** In order: deckmark's base CSS, the theme, then the deck's own `css`. */
  styles: Stylesheet[];
  /** The browser runtime (reveal.js and deckmark's client). */
  scripts: Script[];
  /** Link to the deck's PDF, when it exists. */
  pdfHref?: string;
}

/** The reveal.js configuration a deck starts with. */
export function revealConfig(deck: Deck): Record<string, unknown> {
  return { width: deck.meta.size.width, height: deck.meta.size.height, ...deck.meta.reveal };
}

function renderSection(slide: Slide): string {
  const attributes = renderAttributes({ ...slide.attributes, 'data-line': String(slide.range.start) });
  const notes = slide.notes ? `<aside class="notes">${slide.notes}</aside>` : '';
  return `<section${attributes}>\n${slide.html}${notes}</section>\n`;
}

function renderStack(slide: Slide): string {
  if (slide.children.length === 0) return renderSection(slide);
  return `<section>\n${[slide, ...slide.children].map(renderSection).join('')}</section>\n`;
}

/** Custom property overrides; values lose characters that could end the rule or the element. */
function themeVarsStyle(vars: Record<string, string>): string {
  const decls = Object.entries(vars).map(([k, v]) => `--dm-${k}:${v.replace(/[<>{};]/g, '')}`);
  return decls.length ? `<style>:root{${decls.join(';')}}</style>\n` : '';
}

function renderStyle(style: Stylesheet): string {
  return 'href' in style
    ? `<link rel="stylesheet" href="${escapeHtml(style.href)}">\n`
    : `<style>${style.inline.replace(/<\/style/gi, '<\\/style')}</style>\n`;
}

function renderScript(script: Script): string {
  return 'src' in script
    ? `<script src="${escapeHtml(script.src)}"></script>\n`
    : `<script>${script.inline.replace(/<\/script/gi, '<\\/script')}</script>\n`;
}

export function renderDeck(deck: Deck, options: RenderOptions): string {
  const { meta } = deck;
  const ui = uiStrings(meta.lang);
  const metaTags = [
    meta.description && `<meta name="description" content="${escapeHtml(meta.description)}">`,
    meta.author && `<meta name="author" content="${escapeHtml(meta.author)}">`,
    meta.date && `<meta name="date" content="${escapeHtml(meta.date)}">`,
    meta.url && `<link rel="canonical" href="${escapeHtml(meta.url)}">`,
  ].filter(Boolean);
  const pdfLink = options.pdfHref
    ? `<a class="dm-pdf-link" href="${escapeHtml(options.pdfHref)}" download>${escapeHtml(ui.downloadPdf)}</a>\n`
    : '';
  return `${documentStart(meta.lang, meta.title)}${metaTags.map((t) => `${t}\n`).join('')}${options.styles.map(renderStyle).join('')}${themeVarsStyle(meta.themeVars)}</head>
<body>
<div class="reveal">
<div class="slides">
${deck.slides.map(renderStack).join('')}</div>
</div>
${pdfLink}<script type="application/json" id="deckmark-config">${scriptJson(revealConfig(deck))}</script>
${options.scripts.map(renderScript).join('')}</body>
</html>
`;
}
