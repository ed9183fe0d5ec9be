// The gallery page of a build folder, in the first deck's theme: its title and introduction
// (the project config's `gallery`, else the project folder's name), then every deck with its title, a
// 16:9 thumbnail of its first slide (its title-slide image, else the live slide in an iframe),
// its date, author and slide count, its description (inline Markdown), and links to the deck,
// its reading view, its PDF and PowerPoint file.
import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../markdown/html.js';
import { documentStart } from './html-document.js';
import { uiStrings } from './ui-strings.js';

/** The gallery page's heading: the project config's `gallery.title` (else the project folder's name) and `intro`. */
export interface GalleryHeading {
  title: string;
  /** Inline Markdown, rendered like a deck's description. */
  intro?: string;
}

/** What a built deck says about itself (written as `deck.json` in its folder). */
export interface DeckManifest {
  slug: string;
  title: string;
  description?: string;
  author?: string;
  date?: string;
  lang: string;
  slideCount: number;
  width: number;
  height: number;
  /** The PDF's file name in the deck's folder, when it has been exported. */
  pdf?: string;
  /** The PowerPoint file's name in the deck's folder, when it has been exported. */
  pptx?: string;
  /** The title-slide image's file name in the deck's folder (1200×630), when it has one. */
  image?: string;
  /** The reading view's folder in the deck's folder (`read/`); decks built before it have none. */
  read?: string;
  /** The gallery's heading from the deck's project; decks built before it have none. */
  gallery?: GalleryHeading;
}

/** A description's or intro's inline Markdown (code, emphasis, links) as HTML; raw HTML stays text. */
const inlineMarkdown = new MarkdownIt('zero', { html: false }).enable(['backticks', 'emphasis', 'link', 'escape', 'entity']);

function renderCard(deck: DeckManifest): string {
  const ui = uiStrings(deck.lang);
  const folder = `${encodeURIComponent(deck.slug)}/`;
  const href = `${folder}index.html`;
  const links = [
    deck.read && `<li><a href="${folder}${encodeURI(deck.read)}">${escapeHtml(ui.textVersion)}</a></li>`,
    deck.pdf && `<li><a href="${folder}${encodeURIComponent(deck.pdf)}">${escapeHtml(ui.downloadPdf)}</a></li>`,
    deck.pptx && `<li><a href="${folder}${encodeURIComponent(deck.pptx)}">${escapeHtml(ui.downloadPptx)}</a></li>`,
  ].filter(Boolean);
  // One 16:9 box for every card: the 1200×630 image is cropped to it, a live slide of another
  // ratio is letterboxed by reveal.js on the theme's background.
  const thumb = deck.image
    ? `<img src="${folder}${encodeURIComponent(deck.image)}" alt="" loading="lazy" width="1200" height="630">`
    : `<iframe src="${href}?thumbnail#/0" loading="lazy" tabindex="-1" title=""></iframe>`;
  const meta = [
    deck.date && `<time datetime="${escapeHtml(deck.date)}">${escapeHtml(deck.date)}</time>`,
    deck.author && escapeHtml(deck.author),
    `${deck.slideCount} ${escapeHtml(ui.slides)}`,
  ].filter(Boolean);
  return `<li class="deck" lang="${escapeHtml(deck.lang)}">
<a class="thumb" href="${href}" tabindex="-1" aria-hidden="true">${thumb}</a>
<h2><a href="${href}">${escapeHtml(deck.title)}</a></h2>
<p class="meta">${meta.join(' · ')}</p>
${deck.description ? `<p class="description">${inlineMarkdown.renderInline(deck.description)}</p>\n` : ''}${links.length ? `<ul class="links">${links.join('')}</ul>\n` : ''}</li>`;
}

/** The page's rules, on the first deck's theme (its custom properties and fonts, linked). */
const INDEX_CSS = `body{margin:0;background:var(--dm-bg,#fff);color:var(--dm-fg,#1d2433);font-family:var(--dm-font-body,system-ui,sans-serif);font-size:1.0625rem;line-height:1.5}
.page{max-width:78rem;margin:0 auto;padding:0 clamp(1rem,4vw,2.5rem) 3rem}
h1{font-family:var(--dm-font-heading,inherit);color:var(--dm-heading,inherit);font-size:clamp(1.8rem,4vw,2.6rem);line-height:1.2;margin:2.5rem 0 2rem}
.intro{max-width:46rem;margin:-1rem 0 2rem;font-size:1.125rem}.intro code{font-family:var(--dm-font-mono,ui-monospace,monospace);font-size:.9em}
a{color:var(--dm-link,#2f4fd8)}a:focus-visible{outline:2px solid var(--dm-accent,#2f4fd8);outline-offset:2px}
.decks{list-style:none;margin:0;padding:0;display:grid;gap:1.75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,19rem),1fr))}
.deck{display:flex;flex-direction:column;background:var(--dm-surface,#f4f6fa);border:1px solid var(--dm-border,#dde2ea);border-radius:10px;overflow:hidden}
.thumb{display:block;position:relative;aspect-ratio:16/9;overflow:hidden;background:var(--dm-bg,#fff);border-bottom:1px solid var(--dm-border,#dde2ea)}
/* reveal.js scales the slide to the frame, so the frame is the thumbnail */
.thumb img,.thumb iframe{position:absolute;inset:0;width:100%;height:100%;border:0}
.thumb img{object-fit:cover}.thumb iframe{pointer-events:none}
.deck h2{font-family:var(--dm-font-heading,inherit);color:var(--dm-heading,inherit);font-size:1.3rem;line-height:1.25;margin:1rem 1.1rem .35rem}
.deck h2 a{color:inherit;text-decoration:none}.deck h2 a:hover{text-decoration:underline}
.deck .meta{margin:0 1.1rem .5rem;font-size:.875rem;color:var(--dm-muted,#5a6478)}
.deck .description{margin:0 1.1rem .75rem;font-size:.95rem}
.deck code{font-family:var(--dm-font-mono,ui-monospace,monospace);font-size:.9em}
.links{list-style:none;margin:auto 1.1rem 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;font-size:.9rem}
`;

/** The page for the decks, headed by the first deck's gallery heading (`fallback` when none carries one). */
export function renderIndex(decks: DeckManifest[], fallback: GalleryHeading, lang = 'en'): string {
  const { title, intro } = decks.find((d) => d.gallery)?.gallery ?? fallback;
  // Every deck folder has its fonts and theme; the first deck's dress the page.
  const theme = decks[0]
    ? ['fonts.css', 'theme.css']
        .map((file) => `<link rel="stylesheet" href="${encodeURIComponent(decks[0].slug)}/assets/${file}">\n`)
        .join('')
    : '';
  return `${documentStart(lang, title)}${theme}<style>
${INDEX_CSS}</style>
</head>
<body>
<main class="page">
<h1>${escapeHtml(title)}</h1>
${intro ? `<p class="intro">${inlineMarkdown.renderInline(intro)}</p>\n` : ''}<ul class="decks">
${decks.map(renderCard).join('\n')}
</ul>
</main>
</body>
</html>
`;
}
