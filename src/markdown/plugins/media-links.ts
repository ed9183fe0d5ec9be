// Records the links and images of a slide (with their lines), and maps local images to the
// URLs the built deck uses. A missing image shows its alt text, with the image's
// attributes (a fragment stays a fragment).
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { attrText } from '../attributes.js';
import { useAsset, type SlideEnv } from '../env.js';
import { forEachTokenLine } from '../token-lines.js';
import { escapeHtml } from '../html.js';
import { inlineText } from '../inline-text.js';
import { isRemote, safeDecode } from '../urls.js';

const MISSING_IMAGE = 'deckmark_missing_image';

function resolveImage(token: Token, env: SlideEnv, line: number): void {
  const src = attrText(token, 'src') ?? '';
  if (src === '' || isRemote(src)) return;
  const path = safeDecode(src.split(/[?#]/)[0]);
  const url = useAsset(env, path, 'image', line);
  if (url !== null) {
    if (url !== undefined) token.attrSet('src', url);
    return;
  }
  // Show the alt text where the image would be.
  token.type = MISSING_IMAGE;
  token.tag = 'span';
  token.content = inlineText(token.children) || path;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'src' && name !== 'alt');
  token.attrJoin('class', 'dm-missing-image');
}

function collect(state: StateCore): void {
  const env = state.env as SlideEnv;
  let footnotes = 0; // depth inside footnote bodies (markdown-it-footnote's tail is already in place)
  forEachTokenLine(env, state.tokens, (t, line, siblings, i) => {
    if (t.type === 'footnote_open') footnotes++;
    else if (t.type === 'footnote_close') footnotes--;
    else if (t.type === 'image') {
      if (!env.inNotes) env.images.push({ src: safeDecode(attrText(t, 'src') ?? ''), alt: inlineText(t.children), line, from: 'markdown' });
      resolveImage(t, env, line);
    } else if (t.type === 'link_open') {
      const from = env.inNotes ? 'notes' : footnotes > 0 ? 'footnote' : 'text';
      const close = siblings.findIndex((c, k) => k > i && c.type === 'link_close');
      env.links.push({
        href: attrText(t, 'href') ?? '',
        text: inlineText(siblings.slice(i + 1, close < 0 ? undefined : close)),
        line,
        from,
      });
    }
  });
}

export function mediaLinksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_media_links', collect);
  md.renderer.rules[MISSING_IMAGE] = (tokens, idx, _options, _env, self) =>
    `<span${self.renderAttrs(tokens[idx])}>${escapeHtml(tokens[idx].content)}</span>`;
}
