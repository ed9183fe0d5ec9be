// reveal.js's attribute comments: `<!-- .slide: … -->` sets attributes on the slide,
// `<!-- .element: … -->` on the element before it (or its parent when it comes first).
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { applyAttributes, mergeAttributes, parseAttributeList } from '../attributes.js';
import type { SlideEnv } from '../env.js';

const SLIDE = /^\s*\.slide:\s*(\S[\s\S]*)$/;
const ELEMENT = /^\s*\.element\s*:?([\s\S]*)$/;

type Directive = { target: 'slide' | 'element'; attributes: Array<[string, string]> };

/**
 * The attribute comments in an HTML snippet, and the snippet without them. One pass: after a
 * `<!--` with no `-->` behind it there is no whole comment left (a regex would rescan to the
 * end for each opener, quadratic in a text of unclosed comments).
 */
function readDirectives(html: string): { directives: Directive[]; rest: string } {
  const directives: Directive[] = [];
  let rest = '';
  let from = 0;
  for (let open = html.indexOf('<!--'); open >= 0; open = html.indexOf('<!--', from)) {
    const close = html.indexOf('-->', open + 4);
    if (close < 0) break;
    const inner = html.slice(open + 4, close);
    rest += html.slice(from, open);
    from = close + 3;
    const slide = SLIDE.exec(inner);
    const element = slide ? null : ELEMENT.exec(inner);
    if (slide) directives.push({ target: 'slide', attributes: parseAttributeList(slide[1]) });
    else if (element) directives.push({ target: 'element', attributes: parseAttributeList(element[1]) });
    else rest += html.slice(open, from);
  }
  return { directives, rest: rest + html.slice(from) };
}

/** The open token matching the close token at `index`. */
function openerOf(tokens: Token[], index: number): Token | undefined {
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    depth += tokens[i].nesting;
    if (depth === 0) return tokens[i];
  }
  return undefined;
}

/**
 * The element an `.element` comment at `index` applies to, as reveal.js finds it: the element
 * before it, else the element that holds it; undefined when that holder is outside `tokens`.
 */
function previousElement(tokens: Token[], index: number, skip: (t: Token) => boolean): Token | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.nesting === 1) return t; // the comment is t's first child
    if (t.nesting === -1) return openerOf(tokens, i);
    if (!skip(t)) return t;
  }
  return undefined;
}

/** The block that holds token `index`: its nearest open ancestor, skipping hidden paragraphs. */
function parentBlock(tokens: Token[], index: number): Token | undefined {
  let level = tokens[index].level;
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.nesting === 1 && t.level < level) {
      if (!t.hidden) return t;
      level = t.level;
    }
  }
  return undefined;
}

const LIST_CLOSE = new Set(['bullet_list_close', 'ordered_list_close']);

/**
 * The last item of the list that closes at `close`, or of the list that ends that item: a
 * comment on the line right under a list continues its last item in reveal.js's Markdown (marked).
 */
function lastItem(tokens: Token[], close: number): Token | undefined {
  const item = openerOf(tokens, close - 1);
  return LIST_CLOSE.has(tokens[close - 2]?.type) ? lastItem(tokens, close - 2) : item;
}

/** The block an `.element` comment block at `index` applies to, as reveal.js (marked) finds it. */
function blockTarget(tokens: Token[], index: number, lines: readonly string[]): Token | undefined {
  const before = index - 1;
  const lineAbove = (tokens[index].map?.[0] ?? 0) - 1;
  const textAbove = lineAbove >= 0 && (lines[lineAbove] ?? '').trim() !== '';
  if (textAbove && LIST_CLOSE.has(tokens[before]?.type)) return lastItem(tokens, before);
  const prev = previousElement(tokens, index, (t) => BLOCK_SKIPPED.has(t.type));
  // A tight list item's paragraph is not rendered: the comment is in the item itself.
  return prev && !prev.hidden ? prev : parentBlock(tokens, index);
}

const INLINE_SKIPPED = new Set(['text', 'softbreak', 'hardbreak', 'html_inline']);
const BLOCK_SKIPPED = new Set(['html_block']);

function commentAttributes(state: StateCore): void {
  const env = state.env as SlideEnv;
  const tokens = state.tokens;
  const apply = (d: Directive, target: Token | undefined): void => {
    if (d.target === 'slide' || !target) mergeAttributes(env.slideAttributes, d.attributes);
    else applyAttributes(target, d.attributes);
  };
  let lines: string[] | undefined; // the source's lines, split once when a comment block needs them
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'html_block') {
      const { directives, rest } = readDirectives(token.content);
      if (directives.length === 0) continue;
      token.content = rest.trim() === '' ? '' : rest;
      lines ??= state.src.split('\n');
      const target = directives.some((d) => d.target === 'element') ? blockTarget(tokens, i, lines) : undefined;
      for (const d of directives) apply(d, target);
    } else if (token.type === 'inline' && token.children) {
      const children = token.children;
      for (let k = 0; k < children.length; k++) {
        const child = children[k];
        if (child.type !== 'html_inline') continue;
        const { directives, rest } = readDirectives(child.content);
        if (directives.length === 0) continue;
        child.content = rest;
        for (const d of directives) {
          const prev = previousElement(children, k, (t) => INLINE_SKIPPED.has(t.type));
          apply(d, prev ?? parentBlock(tokens, i));
        }
      }
    }
  }
}

export function commentAttributesPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_comment_attributes', commentAttributes);
}
