// createMarkdown(): the one markdown-it instance of deckmark, with every plugin in one explicit order.
import MarkdownIt from 'markdown-it';
import attrs from 'markdown-it-attrs';
import { codeBlocksPlugin, type Highlighter } from './plugins/code-blocks.js';
import { commentAttributesPlugin } from './plugins/comment-attributes.js';
import { fencedDivsPlugin } from './plugins/fenced-divs.js';
import { footnotesPlugin } from './plugins/footnotes.js';
import { incrementalPlugin } from './plugins/incremental.js';
import { mediaLinksPlugin } from './plugins/media-links.js';
import { notesDivPlugin } from './plugins/notes-div.js';

export interface MarkdownOptions {
  /** Build-time code highlighter; without one, code is escaped plain text. */
  highlight?: Highlighter;
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  // Like reveal.js's marked (GFM): raw HTML on, bare URLs linked, text left as written.
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(attrs, { leftDelimiter: '{', rightDelimiter: '}' }); // {.class #id key=value}
  md.use(fencedDivsPlugin); //      ::: name … ::: (names each div on its token)
  md.use(notesDivPlugin); //        ::: notes → env.notes (needs div names)
  md.use(incrementalPlugin); //     ::: incremental, incremental: true
  md.use(commentAttributesPlugin); // <!-- .slide: --> and <!-- .element: -->
  md.use(mediaLinksPlugin); //      images → assets, links recorded
  md.use(footnotesPlugin); //       [^1] at the bottom of the slide
  md.use(codeBlocksPlugin, options.highlight); // fences with [1-2|4] steps
  return md;
}
