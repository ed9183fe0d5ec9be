// The pages the dev server sends: built pages with the reload client added, and the stand-in
// for a deck that has never built.
import path from 'node:path';
import { escapeHtml } from '../markdown/html.js';
import { CLIENT_PATH } from './messages.js';

/** Puts `tags` at the end of the body: after the deck's runtime has made `window.Reveal`. */
export function appendToBody(html: string, tags: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + tags : html.slice(0, at) + tags + html.slice(at);
}

/** The reload client goes in last. */
export function injectClient(html: string, slug: string): string {
  return appendToBody(html, `<script src="${CLIENT_PATH}" data-slug="${escapeHtml(slug)}"></script>\n`);
}

/** What `/<slug>/` shows while the deck has never built: the error, until a good save. */
export function standInPage(slug: string, error: string): string {
  const page = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(slug)}: does not build</title></head>\n<body><pre>${escapeHtml(error)}</pre></body></html>\n`;
  return injectClient(page, slug);
}

/** `slug` for a deck's pages (`<root>/<slug>/index.html`, its reading view `read/index.html`), '' for any other. */
export function pageSlug(root: string, file: string): string {
  const parts = path.relative(root, file).split(path.sep);
  const deckPage = parts.length === 2 && parts[1] === 'index.html';
  const readingView = parts.length === 3 && parts[1] === 'read' && parts[2] === 'index.html';
  return deckPage || readingView ? parts[0] : '';
}

/** The deck a `/<slug>/` or `/<slug>/index.html` URL asks for, if it is one. */
export function askedSlug(url: string): string | undefined {
  const m = /^\/([^/?#]+)\/(index\.html)?(?:[?#]|$)/.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}
