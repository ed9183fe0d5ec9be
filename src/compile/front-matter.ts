// Reads the YAML front matter at the top of a deck, keeping the line of every key.
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { DeckError } from '../model/deck-error.js';

export interface FrontMatter {
  /** The parsed mapping ({} when the deck has no front matter). */
  data: Record<string, unknown>;
  /** 1-based line of each top-level key. */
  keyLines: Record<string, number>;
  /** 0-based line where the deck body starts. */
  bodyLine: number;
  /** The deck body, after the front matter. */
  body: string;
}

const FENCE = /^---[ \t]*$/;

/** Splits off and parses front matter; `text` has `\n` line breaks. Throws DeckError when it is broken. */
export function readFrontMatter(text: string, file?: string): FrontMatter {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { data: {}, keyLines: {}, bodyLine: 0, body: text };
  // A deck that opens with a slide separator followed by a blank line has no front matter.
  if (lines.length > 1 && lines[1].trim() === '') return { data: {}, keyLines: {}, bodyLine: 0, body: text };
  const close = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*$/.test(l)));
  if (close < 0) {
    throw new DeckError('front-matter', 'front matter is not closed: add a line `---` after it', { file, line: 1, column: 1 });
  }
  const yamlText = lines.slice(1, close).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const where = (offset: number): { line: number; column: number } => {
    const pos = counter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const message = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new DeckError('front-matter', `invalid YAML in front matter: ${message}`, { file, ...where(err.pos[0]) });
  }
  const bodyLine = close + 1;
  const body = lines.slice(bodyLine).join('\n');
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { data: {}, keyLines: {}, bodyLine, body };
  }
  if (!isMap(doc.contents)) {
    const range = doc.contents.range ?? [0];
    throw new DeckError('front-matter', 'front matter must be a mapping of keys to values (`key: value` lines)', {
      file,
      ...where(range[0]),
    });
  }
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) keyLines[String(pair.key.value)] = where(pair.key.range[0]).line;
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  return { data, keyLines, bodyLine, body };
}
