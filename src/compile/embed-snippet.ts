// The blog snippet of a deck (`deckmark embed`): an iframe on the deck's `?embed` view that
// keeps the deck's ratio, with plain links under it (the deck, its text version, its PDF), as HTML, Markdown or a WordPress block. Pure.
import { escapeHtml } from '../markdown/html.js';
import { uiStrings } from './ui-strings.js';

export type EmbedFormat = 'html' | 'markdown' | 'wordpress';

/** What a snippet needs to know about a published deck. */
export interface EmbedTarget {
  /** The deck's public URL (its folder or its index.html). */
  url: string;
  title: string;
  /** The deck's size; the frame keeps its aspect ratio. */
  width: number;
  height: number;
  /** The PDF's public URL, when the deck has one. */
  pdfUrl?: string;
  /** Picks the "Download PDF" wording. @defaultValue 'en' */
  lang?: string;
}

/** A deck URL as the base for its files: `…/strategi` → `…/strategi/`; `…/index.html` stays. */
function deckBaseUrl(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(u.pathname)) u.pathname += '/';
  return u.href;
}

/** The URL of a file beside the deck (`oembed.json`, `og-image.png`, the PDF). */
export function deckFileUrl(url: string, file: string): string {
  return new URL(encodeURIComponent(file), deckBaseUrl(url)).href;
}

/** The deck's reading view (`read/` in its folder, written by `build`). */
export function readingViewUrl(url: string): string {
  return new URL('read/', deckBaseUrl(url)).href;
}

/** The deck's embed view: its URL with `embed` added to the query (before any `#`). */
export function embedViewUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  return `${base}${base.includes('?') ? '&' : '?'}embed${hash}`;
}

/**
 * The iframe of the blog snippet. It keeps the deck's ratio by itself (`aspect-ratio`, sized
 * by its own width, not its parent's as a padding box is), so it is right in any column; and
 * where a host strips iframes (WordPress for authors without `unfiltered_html`) no empty box
 * is left behind, only the links under it.
 */
function renderEmbedFrame(target: EmbedTarget): string {
  const style = `display:block;width:100%;height:auto;aspect-ratio:${target.width}/${target.height};border:0`;
  return (
    `<iframe class="deckmark-embed" src="${escapeHtml(embedViewUrl(target.url))}" title="${escapeHtml(target.title)}" ` +
    `width="${target.width}" height="${target.height}" loading="lazy" allow="fullscreen" allowfullscreen style="${style}"></iframe>`
  );
}

function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

function markdownUrl(url: string): string {
  return url.replace(/[()<> ]/g, (c) => encodeURIComponent(c));
}

/** The snippet to paste into a blog post, in the given format. */
export function renderEmbedSnippet(target: EmbedTarget, format: EmbedFormat = 'html'): string {
  const ui = uiStrings(target.lang ?? 'en');
  const frame = renderEmbedFrame(target);
  if (format === 'markdown') {
    const links = [
      `[${markdownText(target.title)}](${markdownUrl(target.url)})`,
      `[${markdownText(ui.textVersion)}](${markdownUrl(readingViewUrl(target.url))})`,
    ];
    if (target.pdfUrl) links.push(`[${markdownText(ui.downloadPdf)}](${markdownUrl(target.pdfUrl)})`);
    return `${frame}\n\n${links.join(' · ')}\n`;
  }
  const links = [
    `<a href="${escapeHtml(target.url)}">${escapeHtml(target.title)}</a>`,
    `<a href="${escapeHtml(readingViewUrl(target.url))}">${escapeHtml(ui.textVersion)}</a>`,
  ];
  if (target.pdfUrl) links.push(`<a href="${escapeHtml(target.pdfUrl)}">${escapeHtml(ui.downloadPdf)}</a>`);
  const html = `${frame}\n<p class="deckmark-embed-links">${links.join(' · ')}</p>`;
  return format === 'wordpress' ? `<!-- wp:html -->\n${html}\n<!-- /wp:html -->\n` : `${html}\n`;
}
