// Splits deck text into slide sources the way reveal.js's Markdown plugin does (split, then
// parse each slide), except that separators and notes markers inside code fences never count.
import { authorPattern, nativePattern, type PatternMatch, type TextPattern } from './author-regex.js';
import { fencedLines, findFences } from './code-fences.js';

/** Separators as regular-expression source text, as reveal-md and reveal.js read them. */
export interface Separators {
  separator?: string;
  verticalSeparator?: string;
  notesSeparator?: string;
}

/** A piece of the source: its text and the 0-based file line its first line is on. */
interface SourceChunk {
  text: string;
  line: number;
}

export interface SlideSource {
  body: SourceChunk;
  notes?: SourceChunk;
  /** 1-based inclusive range of the slide's non-blank lines (separators excluded). */
  range: { start: number; end: number };
  /**
   * 1-based line of the dash separator that ends this slide, when a line of text stands
   * directly above it: other Markdown readers make that line a (setext) heading.
   */
  textAboveSeparator?: number;
}

/** Horizontal slides, each a stack of one or more slides. */
export type SlideStacks = SlideSource[][];

// reveal-md's defaults (its lib/defaults.json): a `---` or `----` line, whatever stands above
// it. Each replaces only its own half, as reveal-md merges options over its defaults.
export const REVEAL_MD_SEPARATORS = { separator: String.raw`\r?\n---\r?\n`, verticalSeparator: String.raw`\r?\n----\r?\n` };
const DEFAULT_NOTES = String.raw`^[ \t]*notes?:`;

interface SeparatorMatcher {
  pattern: TextPattern;
  isHorizontal(match: string): boolean;
}

// As reveal.js: one regex of both alternatives, direction by testing the horizontal one alone.
// The author's separators run on the linear-time engine (see author-regex.ts); the defaults are
// ours, linear on any engine, and JavaScript's runs them ~20× faster (a third of a rebuild's time).
function separatorMatcher(seps: Separators): SeparatorMatcher {
  const separator = seps.separator ?? REVEAL_MD_SEPARATORS.separator;
  const vertical = seps.verticalSeparator ?? REVEAL_MD_SEPARATORS.verticalSeparator;
  const ours = separator === REVEAL_MD_SEPARATORS.separator && vertical === REVEAL_MD_SEPARATORS.verticalSeparator;
  const compile = (source: string, multiline: boolean): TextPattern =>
    ours ? nativePattern(source, multiline ? 'mg' : 'g') : authorPattern(source, { multiline });
  const horizontal = compile(separator, false);
  return { pattern: compile(`${separator}|${vertical}`, true), isHorizontal: (m) => horizontal.test(m) };
}

// Lines that are not paragraph text: blank, a heading, list item, quote, table row, HTML block,
// fence or div line, indented code. A dash line under any other line underlines a setext heading.
const NOT_PARAGRAPH_TEXT = /^(?:\s*$| {0,3}(?:#{1,6}(?:\s|$)|[<>|]|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|`{3,}|~{3,}|:{3,})| {4})/;

/** Index of the line holding text offset `pos`, given each line's start offset. */
function lineAt(lineStarts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The line a separator match stands on: that of its first character that is not a line break. */
function matchLine(lineStarts: readonly number[], match: PatternMatch): number {
  const offset = match.text.search(/[^\r\n]/);
  return lineAt(lineStarts, match.index + (offset < 0 ? 0 : offset));
}

interface Cut {
  start: number;
  end: number;
  /** The line the separator stands on. */
  line: number;
  horizontal: boolean;
}

function findCuts(text: string, lineStarts: number[], seps: Separators, inFence: (line: number) => boolean): Cut[] {
  const { pattern, isHorizontal } = separatorMatcher(seps);
  const cuts: Cut[] = [];
  for (const m of pattern.matches(text)) {
    const line = matchLine(lineStarts, m);
    if (inFence(line)) continue;
    cuts.push({ start: m.index, end: m.index + m.text.length, line, horizontal: isHorizontal(m.text) });
  }
  return cuts;
}

function rangeOf(text: string, firstLine: number): { start: number; end: number } {
  const lines = text.split('\n');
  let first = lines.findIndex((l) => l.trim() !== '');
  let last = lines.length - 1;
  while (last > 0 && lines[last].trim() === '') last--;
  if (first < 0) first = last = 0;
  return { start: firstLine + first + 1, end: firstLine + last + 1 };
}

/**
 * Splits `text` (whose first line is file line `firstLine`, 0-based) into stacks of slides.
 * @param text deck body with `\n` line breaks
 */
export function splitSlides(text: string, seps: Separators = {}, firstLine = 0): SlideStacks {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    lineStarts.push(offset);
    offset += l.length + 1;
  }

  const boundaryLines = new Set(findCuts(text, lineStarts, seps, () => false).map((cut) => cut.line));
  const fenced = fencedLines(
    findFences(lines, (i) => boundaryLines.has(i)),
    lines.length,
  );
  const inFence = (line: number): boolean => fenced[line] === 1;
  const notesPattern = seps.notesSeparator ? authorPattern(seps.notesSeparator, { ignoreCase: true }) : nativePattern(DEFAULT_NOTES, 'mgi');

  const makeSlide = (start: number, end: number): SlideSource => {
    const line = lineAt(lineStarts, start);
    const chunk = text.slice(start, end);
    const slide: SlideSource = { body: { text: chunk, line: firstLine + line }, range: rangeOf(chunk, firstLine + line) };
    for (const m of notesPattern.matches(chunk)) {
      const at = lineAt(lineStarts, start + m.index);
      if (inFence(at)) continue;
      // The notes start on the line where the marker ends, or on the first non-blank one after it.
      const rest = chunk.slice(m.index + m.text.length);
      const blank = /^(?:[ \t]*\n)*/.exec(rest)?.[0] ?? '';
      slide.body = { text: chunk.slice(0, m.index), line: firstLine + line };
      slide.notes = {
        text: rest.slice(blank.length),
        line: firstLine + lineAt(lineStarts, start + m.index + m.text.length + blank.length),
      };
      break;
    }
    return slide;
  };

  const stacks: SlideStacks = [];
  let last = 0;
  let wasHorizontal = true;
  for (const cut of findCuts(text, lineStarts, seps, inFence)) {
    // As in reveal.js: after a horizontal cut a new stack starts, after a vertical one it grows.
    const slide = makeSlide(last, cut.start);
    const above = cut.line - 1;
    if (above >= 0 && !inFence(above) && /^-+[ \t]*$/.test(lines[cut.line]) && !NOT_PARAGRAPH_TEXT.test(lines[above])) {
      slide.textAboveSeparator = firstLine + cut.line + 1;
    }
    if (wasHorizontal) stacks.push([slide]);
    else stacks[stacks.length - 1].push(slide);
    last = cut.end;
    wasHorizontal = cut.horizontal;
  }
  const tail = makeSlide(last, text.length);
  if (wasHorizontal) stacks.push([tail]);
  else stacks[stacks.length - 1].push(tail);
  return stacks;
}
