// Local files named in raw HTML (`<img src>`, `<video poster>`, `<source src>`, the page an
// `<iframe src>` shows) are assets like Markdown images: copied with the deck and their
// references rewritten (a page's own files are not followed: it should stand alone). Its `<img>` tags are
// the slide's pictures too (env.images), each on the line it is written on, and its `<iframe>`,
// `<video>`, `<audio>`, `<canvas>` and `<object>` tags its embeds (env.embeds).
import type { MarkdownIt, StateCore } from 'markdown-it';
import type { EmbedRef } from '../../model/deck.js';
import { parseAttributeList } from '../attributes.js';
import { useAsset, type SlideEnv } from '../env.js';
import { forEachTokenLine, lineAt } from '../token-lines.js';
import { isRemote } from '../urls.js';

/** An img, video, audio, source or iframe tag (its name, then its attributes). */
const MEDIA_TAG = /<(img|video|audio|source|iframe)\b([^>]*)>/gi;
/**
 * A src, reveal.js's lazy data-src, or poster attribute (named), with its quote: each of a tag's
 * (`<video src poster>` names two files).
 */
const MEDIA_ATTRIBUTE = /(\s((?:data-)?src|poster)\s*=\s*)(["'])([^"'<>]+)\3/gi;
/** An `<img …>` tag and its attributes. */
const IMG_TAG = /<img\b([^>]*)>/gi;
/** An opening tag of an embed (a part with no text form). */
const EMBED_TAG = /<(iframe|video|audio|canvas|object)\b/gi;

function rewrite(html: string, env: SlideEnv, line: number): string {
  return html.replace(MEDIA_TAG, (whole, tag: string, attributes: string, tagOffset: number) => {
    const start = 1 + tag.length; // where the attributes begin in the tag
    const rewritten = attributes.replace(
      MEDIA_ATTRIBUTE,
      (found, before: string, name: string, quote: string, src: string, offset: number) => {
        if (isRemote(src)) return found;
        const path = src.split(/[?#]/)[0];
        const at = lineAt(html, tagOffset + start + offset, line);
        // A poster is a picture; the src of <video>, <audio> and <source> is the film (or sound) itself.
        const element = tag.toLowerCase();
        const kind = element === 'iframe' ? 'page' : element === 'img' || name.toLowerCase() === 'poster' ? 'image' : 'video';
        const url = useAsset(env, path, kind, at);
        return url ? `${before}${quote}${url}${quote}` : found;
      },
    );
    return whole.slice(0, start) + rewritten + '>';
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

/** Records the embeds of raw HTML, each on the line its tag opens on. */
function recordEmbeds(html: string, env: SlideEnv, line: number): void {
  for (const tag of html.matchAll(EMBED_TAG))
    env.embeds.push({ tag: tag[1].toLowerCase() as EmbedRef['tag'], line: lineAt(html, tag.index, line) });
}

function rewriteHtmlAssets(state: StateCore): void {
  const env = state.env as SlideEnv;
  forEachTokenLine(env, state.tokens, (token, line) => {
    if (token.type !== 'html_block' && token.type !== 'html_inline') return;
    if (!env.inNotes) {
      recordImages(token.content, env, line);
      recordEmbeds(token.content, env, line);
    }
    token.content = rewrite(token.content, env, line);
  });
  env.images.sort((a, b) => a.line - b.line); // Markdown's and raw HTML's pictures in the order they are written
}

export function htmlAssetsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_html_assets', rewriteHtmlAssets);
}
