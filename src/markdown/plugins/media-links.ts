// Records the links and local images of a slide (with their lines), and maps local images
// to the URLs the built deck uses. A missing image shows its alt text, with the image's
// attributes (a fragment stays a fragment).
import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { fileLine, warnRefusedAsset, type SlideEnv } from '../env.js';
import { escapeHtml } from '../html.js';
import { inlineText } from '../inline-text.js';
import { isExternal, safeDecode } from '../urls.js';

/** True for URLs the deck loads from elsewhere (or a link within the page), not from the deck's folder. */
export function isRemote(src: string): boolean {
  return isExternal(src) || src.startsWith('#');
}

const MISSING_IMAGE = 'deckmark_missing_image';

function resolveImage(token: Token, env: SlideEnv, line: number): void {
  const src = token.attrGet('src') ?? '';
  if (src === '' || isRemote(src)) return;
  const path = safeDecode(src.split(/[?#]/)[0]);
  env.assets.push({ kind: 'image', src: path, line });
  const resolution = env.resolveAsset?.(path, 'image');
  if (!resolution) return;
  if ('url' in resolution) {
    token.attrSet('src', resolution.url);
    return;
  }
  warnRefusedAsset(env, resolution, `image "${path}"`, 'missing-image', line);
  // Show the alt text where the image would be.
  token.type = MISSING_IMAGE;
  token.tag = 'span';
  token.content = inlineText(token.children) || path;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'src' && name !== 'alt');
  token.attrJoin('class', 'dm-missing-image');
}

function collect(state: StateCore): void {
  const env = state.env as SlideEnv;
  // Inline tokens of table cells carry no map: they are on the line of the row before them.
  let map: [number, number] | null = null;
  let footnotes = 0; // depth inside footnote bodies (markdown-it-footnote's tail is already in place)
  for (const block of state.tokens) {
    map = block.map ?? map;
    if (block.type === 'footnote_open') footnotes++;
    else if (block.type === 'footnote_close') footnotes--;
    const from = env.inNotes ? 'notes' : footnotes > 0 ? 'footnote' : 'text';
    if (block.type !== 'inline' || !block.children) continue;
    let line = fileLine(env, map);
    const children = block.children;
    for (let i = 0; i < children.length; i++) {
      const t = children[i];
      // Count the line breaks before each image or link, so that it gets its own line.
      if (t.type === 'softbreak' || t.type === 'hardbreak') line++;
      else if (t.type === 'html_inline') line += t.content.split('\n').length - 1;
      else if (t.type === 'image') resolveImage(t, env, line);
      else if (t.type === 'link_open') {
        const close = children.findIndex((c, k) => k > i && c.type === 'link_close');
        env.links.push({
          href: t.attrGet('href') ?? '',
          text: inlineText(children.slice(i + 1, close < 0 ? undefined : close)),
          line,
          from,
        });
      }
    }
  }
}

export function mediaLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_media_links', collect);
  md.renderer.rules[MISSING_IMAGE] = (tokens, idx, _options, _env, self) =>
    `<span${self.renderAttrs(tokens[idx])}>${escapeHtml(tokens[idx].content)}</span>`;
}
