// renderReadingView(): Deck model → the deck's reading view, one semantic article (SPEC §3
// "Reading view"): the deck's title and metadata, a table of contents, then every slide as a
// numbered section with its heading, an anchor, a link back to it in the deck, its content as
// plain HTML (players replaced by their links) and its speaker notes as a transcript. No
// script: a screen reader's browse mode, a phone, a printer and a search engine read it as is.
// Pure: the caller says where the stylesheets are.
import type { Deck, Slide } from '../model/deck.js';
import { escapeHtml } from '../markdown/html.js';
import { isRemote } from '../markdown/urls.js';
import { playersAsLinks } from '../markdown/plugins/video/video-html.js';
import { safeDeckPolicy } from './content-security-policy.js';
import { documentStart } from './html-document.js';
import { renderStyle, socialTags, themeVarsStyle, type Stylesheet } from './render-deck.js';
import { uiStrings, type UiStrings } from './ui-strings.js';

/** The reading view's folder inside the deck's folder: `<slug>/read/index.html`. */
export const READING_VIEW_DIR = 'read';

export interface ReadingViewOptions {
  /** The themes' fonts, as the deck links them. */
  fonts?: Stylesheet;
  /** The theme and the deck's own `css` (their custom properties colour the page), KaTeX's CSS, as the deck links them. */
  styles: Stylesheet[];
  /** The deck, from the reading view (`../` in a deck's folder; `slug.html` beside a single file). */
  deckHref: string;
  /** What turns the deck's relative file URLs into the reading view's: `../` or ''. */
  base: string;
  /** The title-slide image and oEmbed JSON beside the deck, for the card tags. */
  imageFile?: string;
  oembedFile?: string;
  /** `--safe`: the same Content-Security-Policy as the deck (the page has no script at all). */
  safe?: boolean;
}

/** A slide as the reading view numbers it: its place in the deck (reveal.js's `#/h/v`). */
interface PlacedSlide {
  slide: Slide;
  number: number;
  hash: string;
}

/** The slides an audience sees, in order; reveal.js removes `data-visibility="hidden"` ones. */
function placedSlides(deck: Deck): PlacedSlide[] {
  const placed: PlacedSlide[] = [];
  deck.slides.forEach((top, h) =>
    [top, ...top.children].forEach((slide, v) => {
      if (slide.attributes['data-visibility'] === 'hidden') return;
      placed.push({ slide, number: placed.length + 1, hash: v === 0 ? `#/${h}` : `#/${h}/${v}` });
    }),
  );
  return placed;
}

const URL_ATTRIBUTE = /(\s(?:src|href|poster|data-src))="([^"]*)"/g;

/** The deck's URLs as seen from the reading view: files under `base`, in-deck links (`#/3`) to the deck. */
function relink(html: string, options: ReadingViewOptions): string {
  // Only inside tags: text (code included) has its `<` escaped, so it is never touched.
  return html.replace(/<[a-z][^>]*>/gi, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, name: string, url: string) => {
      if (url.startsWith('#/')) return `${name}="${escapeHtml(options.deckHref)}${url}"`;
      if (url === '' || isRemote(url) || /^[/?]/.test(url)) return whole;
      return `${name}="${options.base}${url}"`;
    }),
  );
}

const FIRST_HEADING = /<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>\n?/;

/** The slide's heading taken out of its content, the other headings moved under it (h3–h6). */
function splitHeading(slide: Slide): { heading?: string; id?: string; body: string } {
  const match = slide.title ? FIRST_HEADING.exec(slide.html) : null;
  const shift = match ? 2 - Number(match[1]) : 2;
  const body = (match ? slide.html.slice(0, match.index) + slide.html.slice(match.index + match[0].length) : slide.html).replace(
    /<(\/?)h([1-6])\b/g,
    (_, slash: string, level: string) => `<${slash}h${Math.min(6, Math.max(3, Number(level) + shift))}`,
  );
  const id = match ? /\sid="([^"]*)"/.exec(match[2])?.[1] : undefined;
  return { heading: match?.[3], id, body };
}

function renderSlide({ slide, number, hash }: PlacedSlide, deck: Deck, options: ReadingViewOptions, ui: UiStrings): string {
  const { heading, id, body } = splitHeading(slide);
  const anchor = `slide-${number}`;
  const title = heading ?? escapeHtml(`${ui.slide} ${number}`);
  const content = relink(playersAsLinks(body, slide.videos, ui.watchVideo), options).trim();
  const notes =
    deck.meta.readingView.notes && slide.notes
      ? `<div class="dm-read-notes">\n<p class="dm-read-label">${escapeHtml(ui.speakerNotes)}</p>\n${relink(slide.notes, options).trim()}\n</div>\n`
      : '';
  // The heading keeps the author's id (`{#id}`): links to it still land here.
  const headingId = id ?? `${anchor}-title`;
  // data-line: the slide's first source line, as in the deck (check --a11y reports by it).
  return `<section class="dm-read-slide" id="${anchor}" data-line="${slide.range.start}" aria-labelledby="${escapeHtml(headingId)}">
<h2 id="${escapeHtml(headingId)}"><a class="dm-read-number" href="#${anchor}"><span class="dm-read-hidden">${escapeHtml(ui.slide)} </span>${number}</a> ${title}</h2>
${content ? `<div class="dm-read-content">\n${content}\n</div>\n` : ''}${notes}<p class="dm-read-deck-link"><a href="${escapeHtml(options.deckHref)}${hash}">${escapeHtml(ui.showInDeck)}<span class="dm-read-hidden"> (${escapeHtml(`${ui.slide} ${number}`)})</span></a></p>
</section>`;
}

/** Plain text of a heading's HTML, for the table of contents. */
function headingText(html: string): string {
  return html
    .replace(/<sup\b[\s\S]*?<\/sup>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function renderContents(placed: PlacedSlide[], ui: UiStrings): string {
  const items = placed.map(({ slide, number }) => {
    const heading = splitHeading(slide).heading;
    // The heading's HTML without its tags is escaped text already.
    const text = (heading && headingText(heading)) || escapeHtml(`${ui.slide} ${number}`);
    return `<li><a href="#slide-${number}">${text}</a></li>`;
  });
  return `<nav class="dm-read-toc" aria-labelledby="dm-read-toc-title">
<h2 id="dm-read-toc-title">${escapeHtml(ui.contents)}</h2>
<ol>
${items.join('\n')}
</ol>
</nav>`;
}

/** The page's own rules, on the theme's custom properties (its `.reveal` rules do not apply here). */
const READING_CSS = `body{margin:0;background:var(--dm-bg,#fff);color:var(--dm-fg,#1d2433);font-family:var(--dm-font-body,system-ui,sans-serif);font-size:1.125rem;line-height:1.6}
.dm-read{max-width:46rem;margin:0 auto;padding:1.5rem clamp(1rem,4vw,2.5rem) 4rem}
h1,h2,h3,h4,h5,h6{font-family:var(--dm-font-heading,inherit);color:var(--dm-heading,inherit);line-height:1.25;margin:1.4em 0 .5em}
h1{font-size:2.2rem;margin-top:.5em}h2{font-size:1.6rem}h3{font-size:1.25rem}h4,h5,h6{font-size:1.1rem}
a{color:var(--dm-link,#2f4fd8)}a:focus-visible{outline:2px solid var(--dm-accent,#2f4fd8);outline-offset:2px}
img,svg,video{max-width:100%;height:auto}svg:not([width]){width:1.5em;height:1.5em;vertical-align:middle}
pre{overflow-x:auto;padding:1rem;border-radius:6px;background:var(--dm-code-bg,#f4f6fa);color:var(--dm-code-fg,inherit);font-size:.9rem;line-height:1.5}
code{font-family:var(--dm-font-mono,ui-monospace,monospace)}
table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}th,td{border:1px solid var(--dm-border,#c9cfdb);padding:.3em .6em;text-align:left;vertical-align:top}
blockquote{margin:1em 0;padding:.2em 1em;border-left:4px solid var(--dm-accent,#2f4fd8)}
.dm-read-meta{color:var(--dm-muted,#5a6478)}
.dm-read-slide{border-top:1px solid var(--dm-border,#c9cfdb);margin-top:2.5rem}
.dm-read-number{display:inline-block;min-width:1.6em;margin-right:.35em;color:var(--dm-muted,#5a6478);font-size:.8em;font-variant-numeric:tabular-nums;text-decoration:none}.dm-read-number:hover{text-decoration:underline}
.dm-read-notes{margin:1rem 0;padding:.25rem 1rem;border-left:4px solid var(--dm-border,#c9cfdb)}
.dm-read-label{font-weight:700;margin-bottom:.25rem}
.dm-read-deck-link{font-size:.95rem}
.dm-read-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.fragment{opacity:1!important;visibility:visible!important}
pre td{border:0;padding:0 .75em 0 0}.column{width:auto!important}
@media print{body{font-size:11pt}.dm-read{max-width:none;padding:0}.dm-read-toc,.dm-read-deck-link{display:none}.dm-read-slide{break-inside:avoid-page}pre{white-space:pre-wrap}}
`;

export function renderReadingView(deck: Deck, options: ReadingViewOptions): string {
  const { meta } = deck;
  const ui = uiStrings(meta.lang);
  const style = (sheet: Stylesheet): string => renderStyle('href' in sheet ? { href: options.base + sheet.href } : sheet);
  const placed = placedSlides(deck);
  const pageUrl = meta.url ? new URL(`${READING_VIEW_DIR}/`, new URL('.', meta.url)).href : undefined;
  const head = [
    options.safe && `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(safeDeckPolicy())}">`,
    meta.description && `<meta name="description" content="${escapeHtml(meta.description)}">`,
    meta.author && `<meta name="author" content="${escapeHtml(meta.author)}">`,
    meta.date && `<meta name="date" content="${escapeHtml(meta.date)}">`,
    pageUrl && `<link rel="canonical" href="${escapeHtml(pageUrl)}">`,
    ...socialTags(deck, { imageFile: options.imageFile, oembedFile: options.oembedFile }, { pageUrl, base: options.base }),
  ].filter(Boolean);
  const byline = [meta.author, meta.date && `<time datetime="${escapeHtml(meta.date)}">${escapeHtml(meta.date)}</time>`]
    .filter(Boolean)
    .map((part) => (part!.startsWith('<time') ? part : escapeHtml(part!)));
  return `${documentStart(meta.lang, `${meta.title} (${ui.textVersion})`)}${head.map((t) => `${t}\n`).join('')}${options.fonts ? style(options.fonts) : ''}${options.styles.map(style).join('')}${themeVarsStyle(meta.themeVars)}<style>${READING_CSS}</style>
</head>
<body>
<main class="dm-read">
<article>
<header>
<h1>${escapeHtml(meta.title)}</h1>
${byline.length ? `<p class="dm-read-meta">${byline.join(' · ')}</p>\n` : ''}${meta.description ? `<p>${escapeHtml(meta.description)}</p>\n` : ''}<p><a href="${escapeHtml(options.deckHref)}">${escapeHtml(ui.openDeck)}</a> · ${placed.length} ${escapeHtml(ui.slides)}</p>
</header>
${renderContents(placed, ui)}
${placed.map((p) => renderSlide(p, deck, options, ui)).join('\n')}
</article>
</main>
</body>
</html>
`;
}
