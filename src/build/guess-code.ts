// The code fences of a deck's text, read before it is parsed so that a cold build can highlight
// them first and parse once. A guess: a fence in a list or a quote comes out with the wrong
// indentation, and the parse then asks for it again (the slow way, never a wrong result).
import { findFences } from '../compile/code-fences.js';
import { readFenceInfo } from '../markdown/plugins/code-blocks.js';

const OPENER = /^( *)(`{3,}|~{3,})(.*)$/;

/** The code and language of each top-level fence that names a language (mermaid drawings aside). */
export function guessCode(text: string): { code: string; lang: string }[] {
  const lines = text.split(/\r?\n/);
  return findFences(lines, () => false).flatMap(({ open, close }) => {
    const opener = OPENER.exec(lines[open]);
    if (!opener) return []; // a tab-indented fence: leave it to the parse
    const { lang } = readFenceInfo(opener[3]);
    if (!lang || lang === 'mermaid') return [];
    const closed = close > open && lines[close].trim().startsWith(opener[2][0]) && lines[close].trim().replace(/[`~]/g, '') === '';
    const body = lines.slice(open + 1, closed ? close : close + 1);
    // Like CommonMark, the opening fence's indentation is taken off every line of the code.
    const indent = opener[1].length;
    return [{ code: body.map((line) => line.replace(new RegExp(`^ {0,${indent}}`), '')).join('\n'), lang }];
  });
}
