// `::: definition`: a term, its definition set as a quotation, and the source as a linked
// citation. The term is a heading or a bold line; the definition a `>` quote or paragraphs;
// the source a last line starting with a dash: `— [Wikipedia](…)`, `— Wikipedia, https://…`
// or a bare `— https://markedsheltene.no/…` (shown as `markedsheltene.no`).
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { blocksOf, isHeading, tag, tokensOf, type Block, type LayoutResult, layoutRule } from './layout-tokens.js';
import { hostOf } from '../../urls.js';
import { attrText } from '../../attributes.js';

/** A source line: `— …`, `– …`, `-- …`, or `Kilde:`/`Kjelde:`/`Source:` …. */
const SOURCE_MARK = /^\s*(?:—|–|--|-(?=\s)|(?:kilde|kjelde|kilder|kjelder|source|sources)\s*:)\s*/i;

function isBoldLine(tokens: Token[], block: Block): boolean {
  if (tokens[block.start].type !== 'paragraph_open') return false;
  const children = (tokens[block.start + 1].children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
  return children.length >= 3 && children[0].type === 'strong_open' && children[children.length - 1].type === 'strong_close';
}

function isSourceLine(tokens: Token[], block: Block): boolean {
  if (tokens[block.start].type !== 'paragraph_open') return false;
  const first = tokens[block.start + 1].children?.[0];
  return first?.type === 'text' && SOURCE_MARK.test(first.content);
}

/** Strips the dash, names bare links by their text or host, and wraps the line in <cite>. */
function citeSource(state: StateCore, inline: Token): void {
  const children = inline.children ?? [];
  children[0].content = children[0].content.replace(SOURCE_MARK, '');
  const linkAt = children.findIndex((c) => c.type === 'link_open');
  const link = children[linkAt];
  if (link && (link.markup === 'linkify' || link.markup === 'autolink') && children[linkAt + 2]?.type === 'link_close') {
    // `Wikipedia, https://…`: the words before the bare link become its text.
    const before = children
      .slice(0, linkAt)
      .map((c) => (c.type === 'text' ? c.content : ''))
      .join('')
      .replace(/[\s,:;–—-]+$/, '')
      .trim();
    const text = children[linkAt + 1];
    if (before && children.slice(0, linkAt).every((c) => c.type === 'text')) {
      text.content = before;
      children.splice(0, linkAt);
    } else if (!before) {
      const href = attrText(link, 'href') ?? '';
      text.content = hostOf(href) ?? href;
    }
  }
  const cite = (nesting: 1 | -1): Token => {
    const t = new state.Token(nesting === 1 ? 'cite_open' : 'cite_close', 'cite', nesting);
    return t;
  };
  inline.children = [cite(1), ...children.filter((c) => !(c.type === 'text' && c.content === '')), cite(-1)];
}

function transform(state: StateCore, _open: Token, inner: Token[]): LayoutResult {
  let blocks = blocksOf(inner);
  let term: Block | undefined;
  if (blocks.length && (isHeading(inner, blocks[0]) || isBoldLine(inner, blocks[0]))) [term, ...blocks] = blocks;

  let source: Token[] | undefined;
  const last = blocks[blocks.length - 1];
  if (last && blocks.length > 1 && isSourceLine(inner, last)) {
    source = tokensOf(inner, last);
    blocks = blocks.slice(0, -1);
  }
  let quote: Token[];
  if (blocks.length === 1 && inner[blocks[0].start].type === 'blockquote_open') {
    quote = tokensOf(inner, blocks[0]);
    // A source written inside the quote (`> — [Wikipedia](…)`) moves out of it.
    const content = quote.slice(1, -1);
    const inside = blocksOf(content);
    const lastInside = inside[inside.length - 1];
    if (!source && inside.length > 1 && isSourceLine(content, lastInside)) {
      source = tokensOf(content, lastInside);
      quote = [quote[0], ...content.slice(0, lastInside.start), quote[quote.length - 1]];
    }
  } else if (blocks.length > 0) {
    quote = [tag(state, 'blockquote', 1), ...blocks.flatMap((b) => tokensOf(inner, b)), tag(state, 'blockquote', -1)];
  } else {
    return { problem: 'it needs the definition itself, as a `>` quote or a paragraph, after the term' };
  }

  const out: Token[] = [];
  if (term) {
    const termTokens = tokensOf(inner, term);
    termTokens[0].attrJoin('class', 'dm-term');
    out.push(...termTokens);
  }
  quote[0].attrJoin('class', 'dm-definition-text');
  out.push(tag(state, 'figure', 1, { class: 'dm-quote' }), ...quote);
  if (source) {
    source[0].tag = 'figcaption';
    source[source.length - 1].tag = 'figcaption';
    source[0].hidden = source[source.length - 1].hidden = false;
    source[0].attrJoin('class', 'dm-source');
    citeSource(state, source[1]);
    out.push(...source);
  }
  out.push(tag(state, 'figure', -1));
  return { tokens: out };
}

export function definitionLayoutPlugin(md: MarkdownIt): void {
  md.core.ruler.push(
    'deckmark_layout_definition',
    layoutRule('definition', (name) => name === 'definition', transform),
  );
}
