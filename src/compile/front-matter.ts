// Reads the YAML front matter at the top of a deck, keeping the line of every key, nested ones too.
// js-yaml is the parser reveal-md uses, so reveal-md decks read exactly as they did there.
// It keeps an alias as a second reference to its anchor's value, so an alias bomb costs
// nothing until something writes it out: the size it would expand to is bounded here.
import { load, YAMLException } from 'js-yaml';
import { DeckError } from '../model/deck-error.js';
import { keyPlacesRecorder, settingPlaces, type KeyPlaces } from './yaml-key-places.js';

export interface FrontMatter {
  /** The parsed mapping ({} when the deck has no front matter). */
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  keyLines: Record<string, number>;
  /** 1-based column of each top-level key (not 1 in a JSON config). */
  keyColumns?: Record<string, number>;
  /** Line and column of each nested key by its path (`pdf.notes`), so a wrong value inside a mapping is found at its own line. */
  nestedKeys?: KeyPlaces;
  /** 0-based line where the deck body starts. */
  bodyLine: number;
  /** The deck body, after the front matter. */
  body: string;
}

const FENCE = /^---[ \t]*$/;
const END = /^(---|\.\.\.)[ \t]*$/;

/**
 * How big a value is written out, aliases expanded (characters of text, 1 per other value),
 * counted only up to `limit`: a bomb's billions of values are never visited.
 */
function expandedSize(value: unknown, limit: number): number {
  let size = 0;
  const stack = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    size += typeof v === 'string' ? v.length : 1;
    if (v && typeof v === 'object') for (const item of Object.values(v)) stack.push(item);
  }
  return size;
}

/** What the front matter may expand to: 1 MB, or twice its own text (which it is without aliases). */
function maxExpandedSize(yamlText: string): number {
  return Math.max(1024 * 1024, 2 * yamlText.length);
}

/** What a YAML mapping is read for: how messages name it, their error code, where its text starts. */
export interface YamlSource {
  file?: string;
  /** `front matter`, `deckmark.config.yaml`… */
  what: string;
  code: 'front-matter' | 'invalid-config';
  /** The language, for messages. @defaultValue 'YAML' */
  syntax?: 'YAML' | 'JSON';
  /** 1-based file line of the text's first line. */
  firstLine: number;
}

/**
 * Parses YAML (or JSON, which js-yaml reads as YAML) that must be a mapping; an empty text is {}.
 * Gives the place of every key by its path. Throws a DeckError located in the file for broken
 * text and for aliases that expand too far.
 */
export function readYamlMapping(yamlText: string, source: YamlSource): { data: Record<string, unknown>; places: KeyPlaces } {
  const { file, what, code, firstLine } = source;
  const recorder = keyPlacesRecorder(firstLine);
  let data: unknown;
  try {
    data = load(yamlText, { filename: file, listener: recorder.listener });
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    const mark = (e as YAMLException & { mark?: { line: number; column: number } }).mark;
    throw new DeckError(code, `invalid ${source.syntax ?? 'YAML'} in ${what}: ${e.reason}`, {
      file,
      line: (mark?.line ?? 0) + firstLine,
      column: (mark?.column ?? 0) + 1,
    });
  }
  if (data === undefined || data === null) return { data: {}, places: {} };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new DeckError(code, `${what} must be a mapping of keys to values (\`key: value\` lines)`, { file, line: firstLine, column: 1 });
  }
  const places = recorder.places();
  const limit = maxExpandedSize(yamlText);
  let size = 0;
  for (const [key, value] of Object.entries(data)) {
    size += key.length + expandedSize(value, limit - size);
    if (size > limit) {
      throw new DeckError(
        code,
        `invalid YAML in ${what}: \`${key}\` expands through its aliases (\`*name\`) to over ${Math.round(limit / 1024)} kB; write the values out`,
        { file, line: places[key]?.line ?? firstLine, column: 1 },
      );
    }
  }
  return { data: data as Record<string, unknown>, places };
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
  const yamlLines = lines.slice(1, close);
  // Line 2: the first after the opening ---.
  const { data, places } = readYamlMapping(yamlLines.join('\n'), { file, what: 'front matter', code: 'front-matter', firstLine: 2 });
  const { keyLines, nestedKeys } = settingPlaces(places, data);
  const bodyLine = close + 1;
  return { data, keyLines, nestedKeys, bodyLine, body: lines.slice(bodyLine).join('\n') };
}
