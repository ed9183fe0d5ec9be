// Incremental lists: in `::: incremental` (or with `incremental: true`, unless inside
// `::: nonincremental`) every list item becomes a reveal.js fragment.
import type { MarkdownIt, StateCore } from 'markdown-it';
import type { SlideEnv } from '../env.js';
import { DIV_CLOSE, DIV_OPEN, divName } from './fenced-divs.js';

function markIncremental(state: StateCore): void {
  const env = state.env as SlideEnv;
  // A stack of the incremental setting of each open div, starting from the deck's.
  const stack: boolean[] = [env.incremental];
  for (const token of state.tokens) {
    if (token.type === DIV_OPEN) {
      const name = divName(token);
      stack.push(name === 'incremental' ? true : name === 'nonincremental' ? false : stack[stack.length - 1]);
    } else if (token.type === DIV_CLOSE) {
      if (stack.length > 1) stack.pop();
    } else if (token.type === 'list_item_open' && stack[stack.length - 1]) {
      token.attrJoin('class', 'fragment');
    }
  }
}

export function incrementalPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_incremental', markIncremental);
}
