// `::: notes` … `:::` holds speaker notes: its content is taken out of the slide into env.notes.
import type { MarkdownIt, StateCore } from 'markdown-it';
import type { SlideEnv } from '../env.js';
import { DIV_CLOSE, DIV_OPEN, divName } from './fenced-divs.js';

function takeNotes(state: StateCore): void {
  const env = state.env as SlideEnv;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== DIV_OPEN || divName(tokens[i]) !== 'notes') continue;
    let depth = 0;
    let end = i;
    for (; end < tokens.length; end++) {
      if (tokens[end].type === DIV_OPEN) depth++;
      else if (tokens[end].type === DIV_CLOSE && --depth === 0) break;
    }
    const inner = tokens.slice(i + 1, end);
    env.notes.push(state.md.renderer.render(inner, state.md.options, env));
    tokens.splice(i, end - i + 1);
    i--;
  }
}

export function notesDivPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_notes_div', takeNotes);
}
