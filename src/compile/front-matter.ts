// Reads the YAML front matter at the top of a deck, keeping the line of every key.
// The `yaml` package with the schema reveal-md's js-yaml reads by default (YAML 1.2 core,
// timestamps, `<<` merge keys), so reveal-md decks read as they did there; unlike js-yaml it
// bounds what aliases may expand to, so a few hundred bytes cannot become gigabytes.
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { DeckError } from '../model/deck-error.js';

export interface FrontMatter {
  /** The parsed mapping ({} when the deck has no front matter). */
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  keyLines: Record<string, number>;
  /** 0-based line where the deck body starts. */
  bodyLine: number;
  /** The deck body, after the front matter. */
  body: string;
}

const FENCE = /^---[ \t]*$/;
const END = /^(---|\.\.\.)[ \t]*$/;

/**
 * yaml's bound on aliases: the uses of an anchor times the aliases inside it. An anchor of plain
 * values may be used 99 times (plenty for settings); an alias bomb nests aliases and fails fast.
 */
export const MAX_ALIAS_COUNT = 100;

/** 1-based file line of an offset into the YAML (+1 for the opening `---`). */
function fileLineOf(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line + 1, column: pos.col };
}

function keyLinesOf(doc: Document, lineCounter: LineCounter): Record<string, number> {
  const keyLines: Record<string, number> = {};
  if (!isMap(doc.contents)) return keyLines;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    if (!(key in keyLines)) keyLines[key] = fileLineOf(lineCounter, pair.key.range[0]).line;
  }
  return keyLines;
}

/** Where the first alias is: an alias bomb is reported there. */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Splits off and parses front matter; `text` has `\n` line breaks. Throws DeckError when it is broken. */
export function readFrontMatter(text: string, file?: string): FrontMatter {
  const lines = text.split('\n');
  const none = { data: {}, keyLines: {}, bodyLine: 0, body: text };
  if (!FENCE.test(lines[0] ?? '')) return none;
  // A deck that opens with a slide separator followed by a blank line has no front matter.
  if (lines.length > 1 && lines[1].trim() === '') return none;
  const close = lines.findIndex((l, i) => i > 0 && END.test(l));
  if (close < 0) {
    throw new DeckError('front-matter', 'front matter is not closed: add a line `---` after it', { file, line: 1, column: 1 });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), {
    lineCounter,
    customTags: ['timestamp'],
    merge: true,
    prettyErrors: false,
  });
  const error = doc.errors[0];
  if (error) {
    throw new DeckError('front-matter', `invalid YAML in front matter: ${error.message}`, {
      file,
      ...fileLineOf(lineCounter, error.pos[0]),
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (!(e instanceof ReferenceError && /alias/i.test(e.message))) throw e;
    throw new DeckError(
      'front-matter',
      `invalid YAML in front matter: its aliases (\`*name\`) are used or nested too much (uses of an anchor × aliases inside it over ${MAX_ALIAS_COUNT}); write the values out`,
      { file, ...fileLineOf(lineCounter, firstAliasOffset(doc)) },
    );
  }
  const bodyLine = close + 1;
  const body = lines.slice(bodyLine).join('\n');
  if (data === undefined || data === null) return { data: {}, keyLines: {}, bodyLine, body };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new DeckError('front-matter', 'front matter must be a mapping of keys to values (`key: value` lines)', {
      file,
      line: 2,
      column: 1,
    });
  }
  return { data: data as Record<string, unknown>, keyLines: keyLinesOf(doc, lineCounter), bodyLine, body };
}
