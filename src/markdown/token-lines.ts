// The file line of every token of a parse, exact to the line: markdown-it maps only block
// tokens, so the line of something inside a paragraph (an image on its third line) is the
// block's first line plus the line breaks before it.
import type { Token } from 'markdown-it';
import { fileLine, type SlideEnv } from './env.js';

/** The line breaks a token spans: a soft or hard break, raw HTML written over lines, an image's alt text over lines. */
function breaksIn(token: Token): number {
  if (token.type === 'softbreak' || token.type === 'hardbreak') return 1;
  if (token.type === 'html_inline') return token.content.split('\n').length - 1;
  return (token.children ?? []).reduce((n, child) => n + breaksIn(child), 0);
}

/**
 * Calls `visit` with every block token and every inline child, in order, each with the 1-based
 * file line it starts on, and the list it is in (`siblings[index]` is the token).
 */
export function forEachTokenLine(
  env: SlideEnv,
  tokens: Token[],
  visit: (token: Token, line: number, siblings: Token[], index: number) => void,
): void {
  // Inline tokens of table cells carry no map: they are on the line of the row before them.
  let map: [number, number] | null = null;
  tokens.forEach((block, i) => {
    map = block.map ?? map;
    let line = fileLine(env, map);
    visit(block, line, tokens, i);
    block.children?.forEach((child, k, children) => {
      visit(child, line, children, k);
      line += breaksIn(child);
    });
  });
}

/** The line of the character at `offset` in a token's content that starts on `line`. */
export function lineAt(content: string, offset: number, line: number): number {
  return line + (content.slice(0, offset).match(/\n/g)?.length ?? 0);
}
