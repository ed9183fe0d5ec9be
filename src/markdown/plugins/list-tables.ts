// A table right under a list item's line (`- item:` then `| a | b |` unindented) belongs to that
// item, as in reveal.js's Markdown (marked). markdown-it reads those lines as a lazy paragraph
// continuation, where a table may not start. This rule, asked whether the table may end the
// item's paragraph there, indents the table's lines to the item (a fact about this source, not
// a guess); then markdown-it's own table rule takes them, inside the item.
import type { MarkdownIt, StateBlock } from 'markdown-it';

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a table row, outer pipes dropped (escaped pipes are not separators). */
function cellCount(row: string): number {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/).length;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

function lazyListTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // Only as a paragraph's terminator, on a lazy line of a list item (indented less than its text).
  if (!silent || state.blkIndent === 0 || state.sCount[startLine] < 0 || state.sCount[startLine] >= state.blkIndent) return false;
  const next = startLine + 1;
  if (next >= endLine || state.isEmpty(next)) return false;
  const header = lineText(state, startLine);
  const delimiter = lineText(state, next);
  if (!header.includes('|') || !delimiter.includes('|') || !DELIMITER_ROW.test(delimiter)) return false;
  if (cellCount(header) !== cellCount(delimiter)) return false;
  for (let line = startLine; line < endLine && !state.isEmpty(line) && lineText(state, line).includes('|'); line++) {
    if (state.sCount[line] < state.blkIndent) state.sCount[line] = state.blkIndent;
  }
  return false; // the table rule, asked next, now finds its lines inside the item
}

export function listTablesPlugin(md: MarkdownIt): void {
  md.block.ruler.before('table', 'deckmark_list_table', lazyListTable, { alt: ['paragraph', 'reference'] });
}
