// `::: cards`: a card per `###` heading, side by side (up to four in a row).
import type { MarkdownIt } from 'markdown-it';
import { cardGridTransform } from './card-grid.js';
import { layoutRule } from './layout-tokens.js';

export function cardsLayoutPlugin(md: MarkdownIt): void {
  md.core.ruler.push(
    'deckmark_layout_cards',
    layoutRule('cards', (name) => name === 'cards', cardGridTransform({ noun: 'card' })),
  );
}
