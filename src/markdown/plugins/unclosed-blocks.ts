// Blocks the author forgot to close: a code fence or fenced div that runs to the end of its
// slide, and an HTML comment `<!--` without `-->` (left open, it would hide the rest of the
// page, closing tags and scripts included). Each is a warning on its first line; the comment
// is closed, so the deck's HTML stays whole.
import type { MarkdownIt, StateCore } from 'markdown-it';
import { fileLine, warn, type SlideEnv } from '../env.js';
import { DIV_OPEN } from './fenced-divs.js';

/** A line's text without the blockquote markers and indentation in front of it. */
const bare = (line: string | undefined): string => (line ?? '').replace(/^[\s>]*/, '');

function checkBlocks(state: StateCore): void {
  const env = state.env as SlideEnv;
  let lines: string[] | undefined;
  const lineAt = (i: number): string | undefined => (lines ??= state.src.split('\n'))[i];
  const restIsBlank = (from: number): boolean => (lines ??= state.src.split('\n')).slice(from).every((l) => l.trim() === '');
  for (const token of state.tokens) {
    if (!token.map) continue;
    const [start, end] = token.map;
    if (token.type === 'fence' && restIsBlank(end)) {
      // Closed on its last line, or run to the end of the slide?
      let last = end - 1;
      while (last > start && bare(lineAt(last)).trim() === '') last--;
      const closing = new RegExp(`^${token.markup[0] === '~' ? '~' : '`'}{${token.markup.length},}\\s*$`);
      if (last === start || !closing.test(bare(lineAt(last)))) {
        warn(
          env,
          'unclosed-fence',
          `code fence "${token.markup}" is never closed: all that follows it is code (close it with "${token.markup}")`,
          fileLine(env, token.map),
        );
      }
    } else if (token.type === DIV_OPEN && !/^:{3,}\s*$/.test(bare(lineAt(end))) && restIsBlank(end)) {
      warn(env, 'unclosed-div', `fenced div "${token.markup}" is never closed: it runs to the end of the slide`, fileLine(env, token.map));
    } else if (token.type === 'html_block') {
      const open = token.content.lastIndexOf('<!--');
      if (open < 0 || token.content.includes('-->', open + 2)) continue;
      const line = fileLine(env, token.map) + token.content.slice(0, open).split('\n').length - 1;
      warn(env, 'unclosed-comment', 'HTML comment `<!--` is never closed: the rest of the slide is hidden (close it with `-->`)', line);
      token.content = `${token.content.trimEnd()} -->\n`;
    }
  }
}

export function unclosedBlocksPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_unclosed_blocks', checkBlocks);
}
