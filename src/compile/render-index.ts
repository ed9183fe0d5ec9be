// The gallery page of a build folder: every deck with its title, a thumbnail of its first
// slide (its title-slide image, else the live slide in an iframe), and links to the deck, its PDF and PowerPoint file.
import { escapeHtml } from '../markdown/html.js';
import { documentStart } from './html-document.js';
import { uiStrings } from './ui-strings.js';

/** What a built deck says about itself (written as `deck.json` in its folder). */
export interface DeckManifest {
  slug: string;
  title: string;
  description?: string;
  author?: string;
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
}

function renderCard(deck: DeckManifest): string {
  const ui = uiStrings(deck.lang);
  const href = `${encodeURIComponent(deck.slug)}/index.html`;
  const pdf = deck.pdf
    ? ` · <a href="${encodeURIComponent(deck.slug)}/${encodeURIComponent(deck.pdf)}">${escapeHtml(ui.downloadPdf)}</a>`
    : '';
  const read = deck.read ? ` · <a href="${encodeURIComponent(deck.slug)}/${encodeURI(deck.read)}">${escapeHtml(ui.textVersion)}</a>` : '';
  const pptx = deck.pptx
    ? ` · <a href="${encodeURIComponent(deck.slug)}/${encodeURIComponent(deck.pptx)}">${escapeHtml(ui.downloadPptx)}</a>`
    : '';
  const thumb = deck.image
    ? `<a class="thumb" href="${href}" tabindex="-1" aria-hidden="true" style="aspect-ratio:1200/630">
<img src="${encodeURIComponent(deck.slug)}/${encodeURIComponent(deck.image)}" alt="" loading="lazy" width="1200" height="630"></a>`
    : `<a class="thumb" href="${href}" tabindex="-1" aria-hidden="true" style="aspect-ratio:${deck.width}/${deck.height}">
<iframe src="${href}?thumbnail#/0" loading="lazy" tabindex="-1" title=""></iframe></a>`;
  return `<li class="deck" lang="${escapeHtml(deck.lang)}">
${thumb}
<h2><a href="${href}">${escapeHtml(deck.title)}</a></h2>
${deck.description ? `<p>${escapeHtml(deck.description)}</p>\n` : ''}<p class="meta">${deck.slideCount} ${escapeHtml(ui.slides)}${deck.author ? ` · ${escapeHtml(deck.author)}` : ''}${read}${pdf}${pptx}</p>
</li>`;
}

export function renderIndex(decks: DeckManifest[], lang = 'en'): string {
  const ui = uiStrings(lang);
  return `${documentStart(lang, ui.decks)}<style>
body{font:18px/1.5 system-ui,sans-serif;margin:0;padding:2rem clamp(1rem,4vw,4rem);background:#f5f6f8;color:#1b1f24}
h1{font-size:1.8rem;margin:0 0 1.5rem}
ul{list-style:none;margin:0;padding:0;display:grid;gap:1.5rem;grid-template-columns:repeat(auto-fill,minmax(300px,1fr))}
.deck{background:#fff;border-radius:10px;box-shadow:0 1px 4px rgba(0,0,0,.12);overflow:hidden}
.deck h2{font-size:1.15rem;margin:.8rem 1rem .2rem}.deck p{margin:.2rem 1rem .8rem;color:#444}
.deck .meta{font-size:.9rem;color:#555}
a{color:#0b5cad}
.thumb{display:block;position:relative;overflow:hidden;background:#ddd}
/* reveal.js scales the slide to the frame, so the frame is the thumbnail */
.thumb iframe{position:absolute;inset:0;width:100%;height:100%;border:0;pointer-events:none}
.thumb img{display:block;width:100%;height:100%;object-fit:cover}
</style>
</head>
<body>
<h1>${escapeHtml(ui.decks)}</h1>
<ul>
${decks.map(renderCard).join('\n')}
</ul>
</body>
</html>
`;
}
