// `::: callout` (or Quarto's `::: callout-note`, `-tip`, `-warning`, `-important`, `-caution`):
// a highlighted box. An optional first heading, or `title="…"`, is its title.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { attrText } from '../../attributes.js';
import { fencedDiv, type FencedDiv } from '../fenced-divs.js';
import { blocksOf, divClasses, isHeading, layoutName, layoutRule, textBlock, tokensOf, type LayoutResult } from './layout-tokens.js';

const KINDS = ['note', 'tip', 'warning', 'important', 'caution'] as const;
type Kind = (typeof KINDS)[number];

const isKind = (s: string): s is Kind => (KINDS as readonly string[]).includes(s);

function kindOf(open: Token, div: FencedDiv): Kind {
  const fromName = layoutName(open).replace(/^callout-?/, '');
  if (isKind(fromName)) return fromName;
  const fromClass = divClasses(open)
    .map((c) => c.replace(/^callout-/, ''))
    .find(isKind);
  const fromAttr =
    div.attributes.find(([name]) => name === 'type' || name === 'kind')?.[1] ?? attrText(open, 'type') ?? attrText(open, 'kind');
  return fromClass ?? (fromAttr && isKind(fromAttr) ? fromAttr : 'note');
}

function transform(state: StateCore, open: Token, inner: Token[]): LayoutResult {
  const blocks = blocksOf(inner);
  if (blocks.length === 0) return { problem: 'it is empty' };
  const div: FencedDiv = fencedDiv(open) ?? { name: layoutName(open), attributes: [] };
  const kind = kindOf(open, div);
  open.attrJoin('class', `dm-callout-${kind}`);
  open.attrSet('role', 'note');
  // `title="…"` becomes the title, not a tooltip; `type=`/`kind=` are read above. They are in
  // the div's braces, or already on the token when markdown-it-attrs took the braces first.
  const title = div.attributes.find(([name]) => name === 'title')?.[1] ?? attrText(open, 'title') ?? undefined;
  const own = (name: string): boolean => !['title', 'type', 'kind'].includes(name);
  div.attributes = div.attributes.filter(([name]) => own(name));
  if (open.attrs) open.attrs = open.attrs.filter(([name]) => own(name));
  const out: Token[] = [];
  if (title) out.push(...textBlock(state, 'p', title, { class: 'dm-callout-title' }));
  blocks.forEach((b, i) => {
    const tokens = tokensOf(inner, b);
    if (i === 0 && !title && isHeading(inner, b)) tokens[0].attrJoin('class', 'dm-callout-title');
    out.push(...tokens);
  });
  return { tokens: out };
}

export function calloutLayoutPlugin(md: MarkdownIt): void {
  md.core.ruler.push(
    'deckmark_layout_callout',
    layoutRule('callout', (name) => name === 'callout' || /^callout-[a-z]+$/.test(name), transform),
  );
}
