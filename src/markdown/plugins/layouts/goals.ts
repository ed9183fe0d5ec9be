// `::: goals`: numbered goals, each with its strategies as sub-points; with `incremental` the
// goals (not their strategies) appear one by one.
//
//     ::: goals
//     1. Synlighet og omdømme
//        - Være en synlig og aktiv aktør i samfunnet
//     2. Kompetansesenter
//        - Spre kunnskap i sosiale medier
//     :::
import type { MarkdownIt } from 'markdown-it';
import { itemListTransform } from './item-list.js';
import { layoutRule } from './layout-tokens.js';

const transform = itemListTransform({ layout: 'goals', noun: 'goal', item: 'dm-goal', title: 'dm-goal-title', details: 'dm-strategies' });

export function goalsLayoutPlugin(md: MarkdownIt): void {
  md.core.ruler.push(
    'deckmark_layout_goals',
    layoutRule('goals', (name) => name === 'goals', transform),
  );
}
