// Finds fenced code blocks by line, so that separators and notes markers inside them are ignored.

/** A fenced code block as 0-based line indexes: the opening fence line and the closing one (or the last line it covers). */
export interface FenceSpan {
  open: number;
  close: number;
}

const OPENER = /^[ \t]*(`{3,}|~{3,})(.*)$/;

interface Opener {
  char: string;
  length: number;
  info: string;
}

function readOpener(line: string): Opener | undefined {
  const m = OPENER.exec(line);
  if (!m) return undefined;
  const info = m[2].trim();
  // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
  if (m[1][0] === '`' && info.includes('`')) return undefined;
  return { char: m[1][0], length: m[1].length, info };
}

function closes(line: string, open: Opener): boolean {
  const m = OPENER.exec(line);
  return !!m && m[1][0] === open.char && m[1].length >= open.length && m[2].trim() === '';
}

/**
 * Finds fence spans. `isBoundary(i)` says whether line i would end a slide; it lets us
 * treat a fence the author forgot to close as ending at the next slide boundary: when
 * another fence with an info string opens before any closing line, the first one was
 * never meant to swallow what follows (reveal.js splits first and agrees).
 */
export function findFences(lines: readonly string[], isBoundary: (line: number) => boolean): FenceSpan[] {
  const spans: FenceSpan[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = readOpener(lines[i]);
    if (!open) {
      i++;
      continue;
    }
    let close = lines.length - 1;
    let firstBoundary = -1;
    for (let j = i + 1; j < lines.length; j++) {
      if (closes(lines[j], open)) {
        close = j;
        break;
      }
      if (firstBoundary < 0 && isBoundary(j)) firstBoundary = j;
      const other = readOpener(lines[j]);
      if (other && other.info !== '' && other.char === open.char && other.length >= open.length && firstBoundary >= 0) {
        close = firstBoundary - 1;
        break;
      }
    }
    spans.push({ open: i, close });
    i = close + 1;
  }
  return spans;
}

/** A lookup of the lines strictly inside a fence (the fence lines themselves included). */
export function fencedLines(spans: readonly FenceSpan[], lineCount: number): Uint8Array {
  const inside = new Uint8Array(lineCount);
  for (const { open, close } of spans) inside.fill(1, open, close + 1);
  return inside;
}
