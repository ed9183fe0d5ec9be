// Footnotes (markdown-it-footnote) at the bottom of their slide: a <div>, not a <section>,
// since reveal.js would take a nested <section> for a vertical slide.
import type { MarkdownIt } from 'markdown-it';
import footnote from 'markdown-it-footnote';

export function footnotesPlugin(md: MarkdownIt): void {
  md.use(footnote);
  // markdown-it-footnote keeps its list in env: a second parse with the same env (a slide's
  // notes) would repeat the slide's footnotes. Start afresh, under new ids if some were used.
  md.core.ruler.before('block', 'deckmark_footnotes_reset', (state) => {
    const env = state.env as { footnotes?: unknown; docId?: string };
    if (env.footnotes === undefined) return;
    delete env.footnotes;
    env.docId = `${env.docId ?? ''}n`;
  });
  md.renderer.rules.footnote_block_open = () => '<div class="footnotes">\n<ol class="footnotes-list">\n';
  md.renderer.rules.footnote_block_close = () => '</ol>\n</div>\n';
}
