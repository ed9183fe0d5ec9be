// `sources: true`: the deck's last slide lists every link, film and footnote, grouped by the
// slide they are on, under a title in the deck's language ("Kilder"). A long list continues
// on further slides rather than overflowing one.
import type { Token } from 'markdown-it';
import type { LinkRef, Slide } from '../model/deck.js';
import { escapeHtml } from '../markdown/html.js';
import { hostOf } from '../markdown/urls.js';

/** What a slide cites besides its links (`Slide.links`): its footnotes, as HTML. */
export interface SlideSources {
  footnotes: string[];
}

/** Rows (a slide's title, or one entry) that fit on one sources slide, in two columns. */
const ROWS_PER_SLIDE = 22;

/** Reads a slide's footnotes from its tokens; `render` turns block tokens into HTML. */
export function readSlideSources(tokens: Token[], render: (tokens: Token[]) => string): SlideSources {
  const footnotes: string[] = [];
  let footnote: Token[] | undefined;
  for (const token of tokens) {
    if (token.type === 'footnote_open') footnote = [];
    else if (token.type === 'footnote_close' && footnote) {
      footnotes.push(
        render(footnote)
          .trim()
          .replace(/^<p>([\s\S]*)<\/p>$/, '$1'),
      );
      footnote = undefined;
    } else if (footnote && token.type !== 'footnote_anchor') footnote.push(token);
  }
  return { footnotes };
}

/** The links a slide's text cites (not those in its footnotes or notes, nor within the deck), each once. */
function citedLinks(slide: Slide): LinkRef[] {
  const cited = new Map<string, LinkRef>();
  for (const link of slide.links) {
    if (link.from !== 'text' || link.href === '' || link.href.startsWith('#') || cited.has(link.href)) continue;
    cited.set(link.href, link);
  }
  return [...cited.values()];
}

interface Group {
  html: string;
  rows: number;
}

function renderGroup(slide: Slide, number: number, hash: string, sources: SlideSources | undefined): Group | undefined {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const link of citedLinks(slide)) {
    seen.add(link.href);
    const text = link.text || link.href;
    const host = hostOf(link.href);
    const showHost = host && text !== link.href && !text.toLowerCase().includes(host);
    items.push(
      `<li><a href="${escapeHtml(link.href)}">${escapeHtml(text)}</a>${showHost ? ` <span class="dm-sources-host">${escapeHtml(host)}</span>` : ''}</li>`,
    );
  }
  for (const video of slide.videos ?? []) {
    if (!video.url || seen.has(video.url)) continue;
    seen.add(video.url);
    items.push(
      `<li><a href="${escapeHtml(video.url)}">${escapeHtml(video.title)}</a> <span class="dm-sources-host">${escapeHtml(hostOf(video.url) ?? '')}</span></li>`,
    );
  }
  for (const note of sources?.footnotes ?? []) items.push(`<li class="dm-sources-note">${note}</li>`);
  if (items.length === 0) return undefined;
  const title = slide.title ? ` ${escapeHtml(slide.title)}` : '';
  return {
    html:
      `<div class="dm-sources-group">\n<p class="dm-sources-from"><a href="${hash}"><span class="dm-sources-n">${number}</span>${title}</a></p>\n` +
      `<ul>\n${items.join('\n')}\n</ul>\n</div>\n`,
    rows: 1 + items.length,
  };
}

/**
 * The sources slides for a deck (none when nothing is cited): each slide's links, films and
 * footnotes under its number and title, which link back to it.
 */
export function sourcesSlides(slides: Slide[], sources: Map<Slide, SlideSources>, title: string, line: number): Slide[] {
  const groups: Group[] = [];
  let number = 0;
  slides.forEach((stack, h) =>
    [stack, ...stack.children].forEach((slide, v) => {
      number++;
      const group = renderGroup(slide, number, v ? `#/${h}/${v}` : `#/${h}`, sources.get(slide));
      if (group) groups.push(group);
    }),
  );
  if (groups.length === 0) return [];
  const pages: Group[][] = [[]];
  let rows = 0;
  for (const group of groups) {
    if (rows > 0 && rows + group.rows > ROWS_PER_SLIDE) {
      pages.push([]);
      rows = 0;
    }
    pages[pages.length - 1].push(group);
    rows += group.rows;
  }
  return pages.map((page, i) => {
    const heading = pages.length > 1 ? `${title} (${i + 1}/${pages.length})` : title;
    return {
      range: { start: line, end: line },
      title: heading,
      html: `<h2>${escapeHtml(heading)}</h2>\n<div class="dm-sources">\n${page.map((g) => g.html).join('')}</div>\n`,
      notes: '',
      attributes: { class: 'dm-sources-slide' },
      assets: [],
      images: [],
      embeds: [],
      links: [],
      videos: [],
      children: [],
    };
  });
}
