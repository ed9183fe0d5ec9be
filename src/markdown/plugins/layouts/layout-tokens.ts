// Shared helpers of the layout rules: find a named fenced div, cut its content into top-level
// blocks and heading sections, make wrapper tokens, and warn when a layout cannot apply.
import type { StateCore, Token } from 'markdown-it';
import { fileLine, warn, type SlideEnv } from '../../env.js';
import { attrText } from '../../attributes.js';
import { DIV_CLOSE, DIV_OPEN, divName, fencedDiv } from '../fenced-divs.js';

/** A top-level block of a div: tokens[start..end], inclusive. */
export interface Block {
  start: number;
  end: number;
}

/** A heading and the blocks up to the next heading of its level. */
export interface Section {
  heading: Block;
  body: Block[];
}

/** What a layout rule makes of a div's inner tokens: the new tokens, or why it could not apply. */
export type LayoutResult = { tokens: Token[] } | { problem: string };

export type LayoutTransform = (state: StateCore, open: Token, inner: Token[]) => LayoutResult;

/** The index of the DIV_CLOSE matching the DIV_OPEN at `open` (the end of the stream if none). */
export function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].type === DIV_OPEN) depth++;
    else if (tokens[i].type === DIV_CLOSE && --depth === 0) return i;
  }
  return tokens.length;
}

/**
 * A core rule that runs `transform` over every fenced div whose name `accepts`, innermost and
 * last first. A transform that finds the wrong structure leaves the div as it is (plain
 * content) and the problem becomes a warning on the div's line; it never throws.
 */
export function layoutRule(layout: string, accepts: (name: string) => boolean, transform: LayoutTransform) {
  return (state: StateCore): void => {
    const tokens = state.tokens;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const open = tokens[i];
      if (open.type !== DIV_OPEN || !accepts(layoutName(open))) continue;
      const close = matchingClose(tokens, i);
      const result = transform(state, open, tokens.slice(i + 1, close));
      if ('problem' in result) {
        const env = state.env as SlideEnv;
        warn(env, 'layout-structure', `\`::: ${layout}\`: ${result.problem}; its content is shown as is`, fileLine(env, open.map));
        continue;
      }
      open.attrJoin('class', `dm-${layout}`);
      tokens.splice(i + 1, close - i - 1, ...result.tokens);
    }
  };
}

/**
 * The div's name: `channels` in `::: channels`, or the first class of `::: {.callout-note}`
 * (whose braces markdown-it-attrs may have moved onto the token before the div was named).
 */
export function layoutName(open: Token): string {
  return divName(open) || (attrText(open, 'class') ?? '').trim().split(/\s+/)[0];
}

/** The top-level blocks of a token list (a list, a paragraph, a heading, a nested div, …). */
export function blocksOf(tokens: Token[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let end = i;
    if (tokens[i].nesting === 1) {
      for (let depth = 0; end < tokens.length; end++) {
        depth += tokens[end].nesting;
        if (depth === 0) break;
      }
    }
    blocks.push({ start: i, end: Math.min(end, tokens.length - 1) });
    i = end;
  }
  return blocks;
}

export const tokensOf = (tokens: Token[], block: Block): Token[] => tokens.slice(block.start, block.end + 1);

export const isHeading = (tokens: Token[], block: Block): boolean => tokens[block.start].type === 'heading_open';

export const isList = (tokens: Token[], block: Block): boolean => /^(bullet|ordered)_list_open$/.test(tokens[block.start].type);

/**
 * The blocks before the first heading (`intro`) and one section per heading of the highest
 * level used (`### Facebook` … `### Twitter`); no sections when the blocks hold no heading.
 */
export function sectionsOf(tokens: Token[], blocks: Block[]): { intro: Block[]; sections: Section[] } {
  const headings = blocks.filter((b) => isHeading(tokens, b));
  if (headings.length === 0) return { intro: blocks, sections: [] };
  const top = headings.map((b) => tokens[b.start].tag).sort()[0];
  const intro: Block[] = [];
  const sections: Section[] = [];
  for (const block of blocks) {
    if (isHeading(tokens, block) && tokens[block.start].tag === top) sections.push({ heading: block, body: [] });
    else if (sections.length) sections[sections.length - 1].body.push(block);
    else intro.push(block);
  }
  return { intro, sections };
}

/** An opening or closing tag of our own (rendered by markdown-it's default renderToken). */
export function tag(state: StateCore, name: string, nesting: 1 | -1, attrs: Record<string, string> = {}, level = 0): Token {
  const token = new state.Token(nesting === 1 ? 'dm_layout_open' : 'dm_layout_close', name, nesting);
  token.block = true;
  token.level = level;
  for (const [k, v] of Object.entries(attrs)) token.attrSet(k, v);
  return token;
}

/** A block holding one line of text, e.g. a default column heading: `<h3 class="…">text</h3>`. */
export function textBlock(state: StateCore, name: string, text: string, attrs: Record<string, string> = {}, level = 0): Token[] {
  const inline = new state.Token('inline', '', 0);
  inline.content = text;
  inline.level = level + 1;
  const child = new state.Token('text', '', 0);
  child.content = text;
  inline.children = [child];
  return [tag(state, name, 1, attrs, level), inline, tag(state, name, -1, {}, level)];
}

/** Moves a `fragment` class from a token (a card's heading) to another (the card). */
export function liftFragment(from: Token, to: Token): void {
  const classes = (attrText(from, 'class') ?? '').split(/\s+/).filter(Boolean);
  if (!classes.includes('fragment')) return;
  const rest = classes.filter((c) => c !== 'fragment');
  if (rest.length) from.attrSet('class', rest.join(' '));
  else from.attrs = (from.attrs ?? []).filter(([name]) => name !== 'class');
  to.attrJoin('class', 'fragment');
}

export const hasClass = (token: Token, name: string): boolean => (attrText(token, 'class') ?? '').split(/\s+/).includes(name);

/**
 * The classes given in the div's braces (`::: goals {.incremental}`): in its fenced-div
 * attributes, or already on the token when markdown-it-attrs read the braces first.
 */
export function divClasses(open: Token): string[] {
  const attrs = fencedDiv(open)?.attributes ?? [];
  const given = attrs.filter(([name]) => name === 'class').map(([, value]) => value);
  return [...given, attrText(open, 'class') ?? ''].flatMap((value) => value.split(/\s+/)).filter(Boolean);
}

/** Columns for a grid of `n` items: all in a row up to 4, then rows of 3 or 4. */
export function gridColumns(n: number): number {
  return n <= 4 ? Math.max(n, 1) : n <= 6 || n === 9 ? 3 : 4;
}
