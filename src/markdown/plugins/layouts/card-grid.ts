// The shared shape of `::: cards` and `::: channels`: a grid with a card per heading
// (`### Facebook` and what follows it). Content before the first heading stays above the grid.
import type { StateCore, Token } from 'markdown-it';
import {
  blocksOf,
  divClasses,
  gridColumns,
  liftFragment,
  sectionsOf,
  tag,
  tokensOf,
  type LayoutResult,
  type LayoutTransform,
} from './layout-tokens.js';
import { inlineText } from '../../inline-text.js';

export interface CardGridOptions {
  /** What a card is called in a warning ("card", "channel"). */
  noun: string;
  /** Extra attributes of a card, and tokens to put in front of its heading text, from the heading's text. */
  decorate?: (state: StateCore, title: string) => { attrs: Record<string, string>; icon?: Token };
}

export function cardGridTransform(options: CardGridOptions): LayoutTransform {
  return (state, open, inner): LayoutResult => {
    const { intro, sections } = sectionsOf(inner, blocksOf(inner));
    if (sections.length === 0) {
      return { problem: `it needs a heading per ${options.noun} (\`### Name\` and its text below it)` };
    }
    const incremental = divClasses(open).includes('incremental');
    const out: Token[] = intro.flatMap((b) => tokensOf(inner, b));
    out.push(tag(state, 'div', 1, { class: 'dm-grid', style: `--dm-cols:${gridColumns(sections.length)}` }));
    for (const section of sections) {
      const heading = tokensOf(inner, section.heading);
      const { attrs = {}, icon } = options.decorate?.(state, inlineText(heading[1].children)) ?? {};
      const card = tag(state, 'div', 1, { ...attrs, class: `dm-card${attrs.class ? ` ${attrs.class}` : ''}` });
      if (incremental) card.attrJoin('class', 'fragment');
      liftFragment(heading[0], card);
      heading[0].attrJoin('class', 'dm-card-title');
      if (icon && heading[1].children) heading[1].children.unshift(icon);
      out.push(card, ...heading, ...section.body.flatMap((b) => tokensOf(inner, b)), tag(state, 'div', -1));
    }
    out.push(tag(state, 'div', -1));
    return { tokens: out };
  };
}
