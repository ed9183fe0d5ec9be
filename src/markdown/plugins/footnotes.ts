// Footnotes (markdown-it-footnote) at the bottom of their slide: a <div>, not a <section>,
// since reveal.js would take a nested <section> for a vertical slide.
import type MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';

export function footnotesPlugin(md: MarkdownIt): void {
  md.use(footnote);
  md.renderer.rules.footnote_block_open = () => '<div class="footnotes">\n<ol class="footnotes-list">\n';
  md.renderer.rules.footnote_block_close = () => '</ol>\n</div>\n';
}
