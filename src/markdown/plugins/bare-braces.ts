// Only pandoc's attribute syntax is an attribute list: `{.class}`, `{#id}`, `{key=value}`,
// `{key="v"}` and mixes of them, plus our video's bare words. markdown-it-attrs takes any `{word}` for one, so `Use the
// {placeholder}` would lose its last word and `## Title {docsify-ignore}` its suffix. Before it
// runs, every other `{…}` is made to read as the escaped `\{…}`, which means the same text.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { VIDEO_FLAGS } from './video/video.js';

const ITEM = String.raw`(?:[.#][^\s{}.#="']+|[A-Za-z_:][-\w:.]*=(?:"[^"]*"|'[^']*'|[^\s{}"']+)|${VIDEO_FLAGS.join('|')})`;
const ATTRIBUTE_LIST = new RegExp(String.raw`^\s*${ITEM}(?:\s+${ITEM})*\s*$`);
const BRACES = /\{([^{}\n]*)\}/g;
const LAST_BRACES = /\{([^{}\n]*)\}\s*$/;

/** Offsets of the `{` of every brace pair in `text` that holds no attribute list. */
function bareBraces(text: string): number[] {
  return [...text.matchAll(BRACES)].filter((m) => !ATTRIBUTE_LIST.test(m[1])).map((m) => m.index);
}

/** The text token cut before and after each bare `{`, which becomes an escaped character of its own. */
function splitText(token: Token, starts: number[], state: StateCore): Token[] {
  const out: Token[] = [];
  let from = 0;
  const text = (content: string): void => {
    if (content === '') return;
    const t = new state.Token('text', '', 0);
    t.content = content;
    t.level = token.level;
    out.push(t);
  };
  for (const at of starts) {
    text(token.content.slice(from, at));
    const brace = new state.Token('text_special', '', 0); // joined back into text by text_join
    brace.content = '{';
    brace.markup = '\\{';
    brace.info = 'escape';
    brace.level = token.level;
    out.push(brace);
    from = at + 1;
  }
  text(token.content.slice(from));
  return out;
}

function protectBareBraces(state: StateCore): void {
  if (!state.src.includes('{')) return;
  for (const token of state.tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    // The attribute patterns that read the paragraph's source: `{…}` alone, or after `---`.
    const last = LAST_BRACES.exec(token.content);
    if (last && !ATTRIBUTE_LIST.test(last[1])) token.content = `${token.content.slice(0, last.index)}\\${token.content.slice(last.index)}`;
    token.children = token.children.flatMap((child) => {
      if (child.type !== 'text') return [child];
      const starts = bareBraces(child.content);
      return starts.length === 0 ? [child] : splitText(child, starts, state);
    });
  }
}

/**
 * Must come after markdown-it-attrs, whose rule it runs before. That rule walks every token with
 * each of its patterns, a fifth of a deck's parse: it runs only on a source with a `{` (a brace
 * written as an entity, `&#123;`, never makes attributes: markdown-it keeps it apart until after).
 */
export function bareBracesPlugin(md: MarkdownIt): void {
  md.core.ruler.before('curly_attributes', 'deckmark_bare_braces', protectBareBraces);
  const curlyAttributes = md.core.ruler.__rules__.find((rule) => rule.name === 'curly_attributes')!.fn;
  md.core.ruler.at('curly_attributes', (state) => {
    if (state.src.includes('{')) curlyAttributes(state);
  });
}
