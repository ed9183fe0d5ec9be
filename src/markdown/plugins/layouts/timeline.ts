// `::: timeline`: steps along a line, each with a title (a leading **bold** part is its date
// or phase) and details; written like `::: goals`, as a list or a `###` heading per step.
//
//     ::: timeline
//     - **Q1** Kartlegging
//       - Intervjuer med kundesenteret
//     - **Q2** Pilot på Facebook
//     :::
import type { MarkdownIt } from 'markdown-it';
import { itemListTransform } from './item-list.js';
import { layoutRule } from './layout-tokens.js';

const transform = itemListTransform({
  layout: 'timeline',
  noun: 'step',
  item: 'dm-step',
  title: 'dm-step-title',
  details: 'dm-step-details',
});

export function timelineLayoutPlugin(md: MarkdownIt): void {
  md.core.ruler.push(
    'deckmark_layout_timeline',
    layoutRule('timeline', (name) => name === 'timeline', transform),
  );
}
