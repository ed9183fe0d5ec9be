// createMarkdown(): the one markdown-it instance of deckmark, with every plugin in one explicit order.
import MarkdownItParser, { type MarkdownIt } from 'markdown-it';
import attrs from 'markdown-it-attrs';
import { bareBracesPlugin } from './plugins/bare-braces.js';
import { chartPlugin } from './plugins/chart/chart.js';
import type { ChartWords } from './plugins/chart/chart-words.js';
import { codeBlocksPlugin, type Highlighter } from './plugins/code-blocks.js';
import { commentAttributesPlugin } from './plugins/comment-attributes.js';
import { fencedDivsPlugin } from './plugins/fenced-divs.js';
import { footnotesPlugin } from './plugins/footnotes.js';
import { incrementalPlugin } from './plugins/incremental.js';
import { calloutLayoutPlugin } from './plugins/layouts/callout.js';
import { cardsLayoutPlugin } from './plugins/layouts/cards.js';
import { channelsLayoutPlugin } from './plugins/layouts/channels.js';
import { definitionLayoutPlugin } from './plugins/layouts/definition.js';
import { gapLayoutPlugin, type GapLabels } from './plugins/layouts/gap.js';
import { goalsLayoutPlugin } from './plugins/layouts/goals.js';
import { timelineLayoutPlugin } from './plugins/layouts/timeline.js';
import { linkifyPlugin } from './plugins/linkify.js';
import { listTablesPlugin } from './plugins/list-tables.js';
import { mathPlugin, type MathRenderer } from './plugins/math.js';
import { htmlAssetsPlugin } from './plugins/html-assets.js';
import { mediaLinksPlugin } from './plugins/media-links.js';
import { mermaidPlugin, type DiagramKindNames, type DiagramLookup } from './plugins/mermaid.js';
import { notesDivPlugin } from './plugins/notes-div.js';
import { safeHtmlPlugin } from './plugins/safe-html.js';
import { taskListsPlugin } from './plugins/task-lists.js';
import { unclosedBlocksPlugin } from './plugins/unclosed-blocks.js';
import { videoPlugin } from './plugins/video/video.js';

export interface MarkdownOptions {
  /** Build-time code highlighter; without one, code is escaped plain text. */
  highlight?: Highlighter;
  /** Build-time TeX renderer (KaTeX); without one, math stays TeX text. */
  math?: MathRenderer;
  /** The drawings of ```mermaid fences (made by the build); without it, a diagram is a code block. */
  diagrams?: DiagramLookup;
  /** The default column headings of `::: gap`, in the deck's language. */
  gapLabels?: GapLabels;
  /** The names of the diagram kinds (a diagram's accessible name), in the deck's language. */
  diagramKinds?: DiagramKindNames;
  /** The words of a chart's description, in the deck's language. */
  chartWords?: ChartWords;
  /** `--safe`: raw HTML shown as text, no event handlers or script URLs in attributes. @defaultValue false */
  safe?: boolean;
}

export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  // Like reveal.js's marked (GFM): raw HTML on, bare URLs linked, text left as written.
  const md = new MarkdownItParser({ html: true, linkify: true, typographer: false });
  md.use(linkifyPlugin); //          …with bare `www.example.com`, `example.com` and `user:pass@` URLs
  md.use(attrs, { leftDelimiter: '{', rightDelimiter: '}' }); // {.class #id key=value}
  md.use(bareBracesPlugin); //       …and a bare {word} stays text
  md.use(listTablesPlugin); //       a table right under a list item's line is in the item
  md.use(taskListsPlugin); //        - [x] done → a disabled checkbox, as in reveal.js
  md.use(mathPlugin, options.math); // $…$ and $$…$$, rendered at parse time
  md.use(fencedDivsPlugin); //      ::: name … ::: (names each div on its token)
  md.use(notesDivPlugin); //        ::: notes → env.notes (needs div names)
  md.use(incrementalPlugin); //     ::: incremental, incremental: true
  md.use(commentAttributesPlugin); // <!-- .slide: --> and <!-- .element: -->
  md.use(unclosedBlocksPlugin); //  fences, divs and <!-- comments never closed → warning (the comment closed)
  md.use(videoPlugin); //           a video URL alone in a paragraph → player (before images and links are collected)
  // Layouts: core rules over the named fenced divs, after notes, incremental and attribute
  // comments have run (goals read the fragments incremental set), before links are recorded
  // (a definition's bare source link gets its name first). Wrong structure → warning, plain div.
  md.use(definitionLayoutPlugin); // ::: definition  term, quote, cited source
  md.use(goalsLayoutPlugin); //   ::: goals       numbered goals with their strategies
  md.use(timelineLayoutPlugin); // ::: timeline   steps along a line
  md.use(channelsLayoutPlugin); // ::: channels   a card per ### channel, with icon and colour
  md.use(cardsLayoutPlugin); //   ::: cards       a card per ### heading
  md.use(gapLayoutPlugin, options.gapLabels); // ::: gap  today → tomorrow → actions
  md.use(calloutLayoutPlugin); // ::: callout(-note|-tip|-warning|…)
  md.use(chartPlugin, options.chartWords); // ::: chart  a table drawn as SVG (wrong data → warning, the table)
  md.use(mediaLinksPlugin); //      images → assets, links recorded
  md.use(htmlAssetsPlugin); //      <img src> in raw HTML → assets too
  md.use(footnotesPlugin); //       [^1] at the bottom of the slide
  md.use(codeBlocksPlugin, options.highlight); // fences with [1-2|4] steps
  if (options.diagrams) md.use(mermaidPlugin, { lookup: options.diagrams, highlight: options.highlight, kindNames: options.diagramKinds }); // ```mermaid → SVG
  if (options.safe) md.use(safeHtmlPlugin); // --safe: last, once every rule has set its attributes
  return md;
}
