// Local files named in raw HTML (`<img src>`, `<video poster>`, `<source src>`) are assets like
// Markdown images: copied with the deck and their references rewritten. Its `<img>` tags are
// the slide's pictures too (env.images), each on the line it is written on.
import type { MarkdownIt, StateCore } from 'markdown-it';
import { parseAttributeList } from '../attributes.js';
import { useAsset, type SlideEnv } from '../env.js';
import { forEachTokenLine, lineAt } from '../token-lines.js';
import { isRemote } from '../urls.js';

/** A src/poster attribute of an img, video, audio or source tag (tag and attribute named), with its quote. */
const MEDIA_ATTRIBUTE = /(<(img|video|audio|source)\b[^>]*?\s(src|poster)\s*=\s*)(["'])([^"'<>]+)\4/gi;
/** An `<img …>` tag and its attributes. */
const IMG_TAG = /<img\b([^>]*)>/gi;

function rewrite(html: string, env: SlideEnv, line: number): string {
  return html.replace(MEDIA_ATTRIBUTE, (whole, before: string, tag: string, name: string, quote: string, src: string, offset: number) => {
    if (isRemote(src)) return whole;
    const path = src.split(/[?#]/)[0];
    const at = lineAt(html, offset, line);
    // A poster is a picture; the src of <video>, <audio> and <source> is the film (or sound) itself.
    const kind = tag.toLowerCase() === 'img' || name.toLowerCase() === 'poster' ? 'image' : 'video';
    const url = useAsset(env, path, kind, at);
    return url ? `${before}${quote}${url}${quote}` : whole;
  });
}

/** Records the `<img>` tags of raw HTML as the slide's pictures, with their src as written. */
function recordImages(html: string, env: SlideEnv, line: number): void {
  for (const tag of html.matchAll(IMG_TAG)) {
    const attributes = new Map(parseAttributeList(tag[1].replace(/\s*=\s*(?=["'])/g, '=')).map(([k, v]) => [k.toLowerCase(), v]));
    env.images.push({
      src: attributes.get('src') ?? '',
      alt: attributes.get('alt') ?? '',
      line: lineAt(html, tag.index, line),
      from: 'html',
    });
  }
}

function rewriteHtmlAssets(state: StateCore): void {
  const env = state.env as SlideEnv;
  forEachTokenLine(env, state.tokens, (token, line) => {
    if (token.type !== 'html_block' && token.type !== 'html_inline') return;
    if (!env.inNotes) recordImages(token.content, env, line);
    token.content = rewrite(token.content, env, line);
  });
  env.images.sort((a, b) => a.line - b.line); // Markdown's and raw HTML's pictures in the order they are written
}

export function htmlAssetsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_html_assets', rewriteHtmlAssets);
}
