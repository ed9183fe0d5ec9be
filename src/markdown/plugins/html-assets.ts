// Local files named in raw HTML (`<img src>`, `<video poster>`, `<source src>`) are assets like
// Markdown images: copied with the deck and their references rewritten.
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { fileLine, warnRefusedAsset, type SlideEnv } from '../env.js';
import { isRemote } from './media-links.js';

/** A src/poster attribute of an img, video, audio or source tag, with its quote. */
const MEDIA_ATTRIBUTE = /(<(?:img|video|audio|source)\b[^>]*?\s(?:src|poster)\s*=\s*)(["'])([^"'<>]+)\2/gi;

function rewrite(html: string, env: SlideEnv, line: number): string {
  return html.replace(MEDIA_ATTRIBUTE, (whole, before: string, quote: string, src: string) => {
    if (isRemote(src)) return whole;
    const path = src.split(/[?#]/)[0];
    env.assets.push({ kind: 'image', src: path, line });
    const resolution = env.resolveAsset?.(path, 'image');
    if (!resolution) return whole;
    if ('url' in resolution) return `${before}${quote}${resolution.url}${quote}`;
    warnRefusedAsset(env, resolution, `${resolution.problem === 'missing' ? 'image' : 'file'} "${path}"`, 'missing-image', line);
    return whole;
  });
}

function rewriteHtmlAssets(state: StateCore): void {
  const env = state.env as SlideEnv;
  const visit = (token: Token, line: number): void => {
    if (token.type === 'html_block' || token.type === 'html_inline') token.content = rewrite(token.content, env, line);
  };
  for (const token of state.tokens) {
    const line = fileLine(env, token.map);
    visit(token, line);
    for (const child of token.children ?? []) visit(child, line);
  }
}

export function htmlAssetsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_html_assets', rewriteHtmlAssets);
}
