// `::: gap`: a gap analysis in three columns — today, tomorrow, actions. Each column is a
// `###` heading and its text, or, without headings, one of three blocks (lists or paragraphs)
// under the deck's own words for them ("I dag", "I morgen", "Tiltak" in Norwegian).
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { blocksOf, divClasses, layoutRule, sectionsOf, tag, textBlock, tokensOf, type LayoutResult } from './layout-tokens.js';

/** The default column headings, in the deck's language. */
export interface GapLabels {
  today: string;
  tomorrow: string;
  actions: string;
}

const ENGLISH_GAP_LABELS: GapLabels = { today: 'Today', tomorrow: 'Tomorrow', actions: 'Actions' };

const COLUMNS = ['today', 'tomorrow', 'actions'] as const;

function transform(labels: GapLabels) {
  return (state: StateCore, open: Token, inner: Token[]): LayoutResult => {
    const blocks = blocksOf(inner);
    const { intro, sections } = sectionsOf(inner, blocks);
    const columns: Token[][] = [];
    const out: Token[] = [];
    if (sections.length > 0) {
      if (sections.length !== 3) {
        return { problem: `it needs three columns (today, tomorrow, actions), found ${sections.length} headings` };
      }
      out.push(...intro.flatMap((b) => tokensOf(inner, b)));
      for (const s of sections) {
        const heading = tokensOf(inner, s.heading);
        heading[0].attrJoin('class', 'dm-gap-title');
        columns.push([...heading, ...s.body.flatMap((b) => tokensOf(inner, b))]);
      }
    } else {
      if (blocks.length !== 3) {
        return {
          problem: `it needs three columns (today, tomorrow, actions): three \`###\` headings, or three lists; found ${blocks.length} blocks`,
        };
      }
      blocks.forEach((b, i) =>
        columns.push([...textBlock(state, 'h3', labels[COLUMNS[i]], { class: 'dm-gap-title' }), ...tokensOf(inner, b)]),
      );
    }
    const incremental = divClasses(open).includes('incremental');
    out.push(tag(state, 'div', 1, { class: 'dm-grid', style: '--dm-cols:3' }));
    columns.forEach((column, i) => {
      const cls = `dm-gap-col dm-gap-${COLUMNS[i]}${incremental && i > 0 ? ' fragment' : ''}`;
      out.push(tag(state, 'div', 1, { class: cls }), ...column, tag(state, 'div', -1));
    });
    out.push(tag(state, 'div', -1));
    return { tokens: out };
  };
}

export function gapLayoutPlugin(md: MarkdownIt, labels: GapLabels = ENGLISH_GAP_LABELS): void {
  md.core.ruler.push(
    'deckmark_layout_gap',
    layoutRule('gap', (name) => name === 'gap', transform(labels)),
  );
}
