// Fixture files for the Markdown core: cases of deck input and DOM expectations, in the spirit of markdown-it's.
//
// FILE FORMAT (test/fixtures/syntax/*.txt). Text outside cases is commentary. A case is:
//
//     ### case title
//     .
//     deck input (run through parseDeck, so front matter, separators and notes count)
//     .
//     target => verb arguments
//     .
//
// In the input, `<U+XXXX>` stands for that character (`<U+000D>` a CR, `<U+FEFF>` a BOM,
// `<U+0009>` a tab). The input ends with a line break. In the expectations, blank lines and
// lines starting with `//` are skipped.
//
// THE HTML QUERIED is every slide's HTML wrapped in `<section data-fixture>` (vertical stacks
// nested as `section > section`), its notes in `<aside class="notes">`. The wrapping sections
// are never matched themselves, so `section => count 0` means "no <section> in the output".
//
// TARGETS (left of `=>`). A CSS selector, evaluated with cheerio, or one of these words;
// `N` is an optional 1-based slide number in document order (vertical slides included),
// default 1:
//   slide N   the slide's attributes record       notes N   the slide's notes HTML
//   title N   the slide's title                   assets N / images N / links N  its assets / images / links
//   assets / images / links (without N)  those of every slide, in order
//   slides    the slide structure                 diagnostics  deck.diagnostics
//   meta      deck.meta                           error     what parseDeck threw (code, message, line, column)
//
// VERBS (right of `=>`; strings and lists are JSON):
//   count N            CSS: number of matches; list: its length; record: its number of keys; slides: all slides
//   text "s"           CSS: every match (at least one) has this text, whitespace collapsed;
//                      title: equals; notes: the notes' text equals
//   texts ["a","b"]    CSS: the texts of all matches, in order
//   attr NAME "v"      CSS: every match (at least one) has NAME="v"; slide: its record has it
//   attr NAME          the same, for presence only
//   no-attr NAME       CSS: no match has NAME; slide: its record lacks it
//   distinct NAME      CSS: every match has NAME, and no two share a value
//   empty              title/notes: ''; list: []; record: {}
//   equals JSON        deep equality (JSON targets)
//   match JSON         partial: objects need only the keys given, lists the same length
//   stacks [1,3,1]     slides: the number of slides in each horizontal stack
//   ranges ["1-3"]     slides: each slide's line range (1-based, inclusive)
import fs from 'node:fs';
import * as cheerio from 'cheerio';
import { parseDeck, type ParseOptions } from '../../src/compile/parse-deck.js';
import type { Deck, Slide } from '../../src/model/deck.js';

export interface FixtureCase {
  title: string;
  /** 1-based line of the `###` header in the fixture file. */
  line: number;
  input: string;
  expectations: string[];
}

/** The resolver fixture decks use: `missing` in the path → missing, `../` → outside the project, else `assets/<src>`. */
export const fixtureParseOptions: ParseOptions = {
  file: 'deck.md',
  fallbackTitle: 'Fixture deck',
  resolveAsset: (src) => {
    if (src.includes('missing')) return { problem: 'missing' };
    if (src.startsWith('../')) return { problem: 'outside-project' };
    return { url: `assets/${src}` };
  },
};

/** Reads a fixture file into cases; throws on a malformed file, naming its line. */
export function readFixtures(file: string): FixtureCase[] {
  const lines = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const cases: FixtureCase[] = [];
  let i = 0;
  const block = (what: string): string[] => {
    const start = i;
    const out: string[] = [];
    for (; i < lines.length && lines[i] !== '.'; i++) out.push(lines[i]);
    if (i >= lines.length) throw new Error(`${file}:${start}: ${what} is not closed by a line "."`);
    i++;
    return out;
  };
  while (i < lines.length) {
    const header = /^###\s+(.+)$/.exec(lines[i]);
    if (!header) {
      i++;
      continue;
    }
    const line = i + 1;
    i++;
    if (lines[i] !== '.') throw new Error(`${file}:${i + 1}: expected a line "." after the case title`);
    i++;
    const input = block('the input').join('\n') + '\n';
    const expectations = block('the expectations').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('//'));
    if (expectations.length === 0) throw new Error(`${file}:${line}: case "${header[1]}" has no expectations`);
    cases.push({ title: header[1].trim(), line, input: decodeEscapes(input), expectations });
  }
  return cases;
}

function decodeEscapes(text: string): string {
  return text.replace(/<U\+([0-9A-F]{4,6})>/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** Every slide in document order, vertical ones after their parent. */
function allSlides(deck: Deck): Slide[] {
  return deck.slides.flatMap((s) => [s, ...s.children]);
}

/** The HTML that CSS expectations query: each slide in a `<section data-fixture>`, notes in `<aside class="notes">`. */
function fixtureHtml(deck: Deck): string {
  const section = (s: Slide): string =>
    `<section data-fixture>${s.html}${s.notes ? `<aside class="notes">${s.notes}</aside>` : ''}</section>`;
  return deck.slides
    .map((s) => (s.children.length ? `<section data-fixture>${[s, ...s.children].map(section).join('')}</section>` : section(s)))
    .join('\n');
}

/** Runs a case; returns one message per failed expectation (none when it passes). */
export function runFixture(fixture: FixtureCase): { failures: string[]; html: string } {
  let deck: Deck | undefined;
  let error: Record<string, unknown> | undefined;
  try {
    deck = parseDeck(fixture.input, fixtureParseOptions);
  } catch (e) {
    const err = e as { code?: unknown; message: string; line?: unknown; column?: unknown };
    error = { code: err.code, message: err.message, line: err.line, column: err.column };
  }
  const html = deck ? fixtureHtml(deck) : '';
  const $ = cheerio.load(html, null, false);
  const failures: string[] = [];
  for (const expectation of fixture.expectations) {
    try {
      check(expectation, deck, error, $);
    } catch (e) {
      failures.push(`${expectation}\n    ${(e as Error).message}`);
    }
  }
  return { failures, html };
}

const SLIDE_TARGETS = new Set(['slide', 'notes', 'title', 'assets', 'images', 'links']);
const DECK_TARGETS = new Set(['slides', 'diagnostics', 'meta', 'error']);

function check(expectation: string, deck: Deck | undefined, error: Record<string, unknown> | undefined, $: cheerio.CheerioAPI): void {
  const arrow = expectation.indexOf(' => ');
  if (arrow < 0) throw new Error('not of the form `target => verb arguments`');
  const target = expectation.slice(0, arrow).trim();
  const [, verb, rest = ''] = /^(\S+)\s*(.*)$/.exec(expectation.slice(arrow + 4).trim()) ?? [];
  if (!verb) throw new Error('no verb after =>');

  const [word, numberText] = target.split(/\s+/);
  const special = SLIDE_TARGETS.has(word) || DECK_TARGETS.has(word);
  if (word === 'error') {
    if (!error) throw new Error('parseDeck did not throw');
    return checkValue(error, verb, rest);
  }
  if (!deck) throw new Error(`parseDeck threw: ${String(error?.code)}: ${String(error?.message)}`);
  if (!special) return checkSelector($, target, verb, rest);

  if (word === 'slides') return checkSlides(deck, verb, rest);
  if (word === 'diagnostics') return checkValue(deck.diagnostics.map(plainDiagnostic), verb, rest);
  if (word === 'meta') return checkValue(deck.meta, verb, rest);

  const slides = allSlides(deck);
  if ((word === 'assets' || word === 'images' || word === 'links') && numberText === undefined) {
    return checkValue(
      slides.flatMap((s): unknown[] => s[word]),
      verb,
      rest,
    );
  }
  const n = numberText === undefined ? 1 : Number(numberText);
  const slide = slides[n - 1];
  if (!slide) throw new Error(`the deck has ${slides.length} slide(s), no slide ${numberText}`);
  if (word === 'slide') return checkValue(slide.attributes, verb, rest);
  if (word === 'assets' || word === 'images' || word === 'links') return checkValue(slide[word], verb, rest);
  if (word === 'title') return checkString(slide.title, verb, rest);
  return checkString(normalize(cheerio.load(slide.notes, null, false).root().text()), verb, rest, slide.notes);
}

function plainDiagnostic(d: Deck['diagnostics'][number]): Record<string, unknown> {
  return { severity: d.severity, code: d.code, message: d.message, line: d.line, column: d.column };
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`argument is not JSON: ${text}`);
  }
}

/** `NAME "value"` or `NAME`. */
function nameAndValue(rest: string): { name: string; value?: string } {
  const m = /^(\S+)(?:\s+(.+))?$/.exec(rest.trim());
  if (!m) throw new Error('expected an attribute name');
  const value = m[2] === undefined ? undefined : parseJson(m[2]);
  if (value !== undefined && typeof value !== 'string') throw new Error('the attribute value must be a JSON string');
  return { name: m[1], value };
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function checkSelector($: cheerio.CheerioAPI, selector: string, verb: string, rest: string): void {
  const matches = $(selector)
    .toArray()
    .filter((el) => !('attribs' in el && el.name === 'section' && 'data-fixture' in el.attribs))
    .map((el) => $(el));
  const needOne = (): void => {
    if (matches.length === 0) throw new Error('no element matches');
  };
  switch (verb) {
    case 'count': {
      const want = Number(rest);
      if (matches.length !== want) throw new Error(`expected ${want} match(es), got ${matches.length}`);
      return;
    }
    case 'text': {
      needOne();
      const want = parseJson(rest);
      const got = matches.map((m) => normalize(m.text()));
      if (got.some((t) => t !== want)) throw new Error(`expected text ${show(want)}, got ${show(got)}`);
      return;
    }
    case 'texts': {
      const want = parseJson(rest);
      const got = matches.map((m) => normalize(m.text()));
      if (show(got) !== show(want)) throw new Error(`expected texts ${show(want)}, got ${show(got)}`);
      return;
    }
    case 'attr': {
      needOne();
      const { name, value } = nameAndValue(rest);
      for (const m of matches) {
        const got = m.attr(name);
        if (got === undefined) throw new Error(`an element has no ${name}: ${$.html(m)}`);
        if (value !== undefined && got !== value) throw new Error(`expected ${name}=${show(value)}, got ${show(got)}`);
      }
      return;
    }
    case 'no-attr': {
      const { name } = nameAndValue(rest);
      const having = matches.filter((m) => m.attr(name) !== undefined);
      if (having.length > 0) throw new Error(`${having.length} element(s) have ${name}, e.g. ${$.html(having[0])}`);
      return;
    }
    case 'distinct': {
      needOne();
      const { name } = nameAndValue(rest);
      const values = matches.map((m) => m.attr(name));
      if (values.some((v) => v === undefined)) throw new Error(`an element has no ${name}`);
      if (new Set(values).size !== values.length) throw new Error(`${name} values repeat: ${show(values)}`);
      return;
    }
    default:
      throw new Error(`unknown verb "${verb}" for a CSS selector`);
  }
}

function checkString(got: string, verb: string, rest: string, raw = got): void {
  if (verb === 'empty') {
    if (raw !== '') throw new Error(`expected nothing, got ${show(raw)}`);
  } else if (verb === 'text') {
    const want = parseJson(rest);
    if (got !== want) throw new Error(`expected ${show(want)}, got ${show(got)}`);
  } else throw new Error(`unknown verb "${verb}" here (use text or empty)`);
}

/** Partial deep match: objects need only the keys `want` lists; lists need the same length. */
function matches(got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => matches(got[i], w));
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') return false;
    return Object.entries(want).every(([k, w]) => matches((got as Record<string, unknown>)[k], w));
  }
  return got === want;
}

function checkValue(got: unknown, verb: string, rest: string): void {
  const record = got !== null && typeof got === 'object' && !Array.isArray(got) ? (got as Record<string, unknown>) : undefined;
  switch (verb) {
    case 'count': {
      const size = Array.isArray(got) ? got.length : record ? Object.keys(record).length : NaN;
      if (size !== Number(rest)) throw new Error(`expected ${rest}, got ${size}: ${show(got)}`);
      return;
    }
    case 'empty':
      if ((Array.isArray(got) && got.length) || (record && Object.keys(record).length)) throw new Error(`expected empty, got ${show(got)}`);
      return;
    case 'equals': {
      const want = parseJson(rest);
      if (show(sortKeys(got)) !== show(sortKeys(want))) throw new Error(`expected ${show(want)}, got ${show(got)}`);
      return;
    }
    case 'match': {
      const want = parseJson(rest);
      if (!matches(got, want)) throw new Error(`expected to match ${show(want)}, got ${show(got)}`);
      return;
    }
    case 'attr':
    case 'no-attr': {
      if (!record) throw new Error(`${verb} needs a record, got ${show(got)}`);
      const { name, value } = nameAndValue(rest);
      const has = Object.hasOwn(record, name);
      if (verb === 'no-attr') {
        if (has) throw new Error(`expected no ${name}, got ${show(record)}`);
      } else if (!has) throw new Error(`expected ${name}, got ${show(record)}`);
      else if (value !== undefined && record[name] !== value) throw new Error(`expected ${name}=${show(value)}, got ${show(record[name])}`);
      return;
    }
    default:
      throw new Error(`unknown verb "${verb}" here`);
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

function checkSlides(deck: Deck, verb: string, rest: string): void {
  const slides = allSlides(deck);
  if (verb === 'count') {
    if (slides.length !== Number(rest)) throw new Error(`expected ${rest} slides, got ${slides.length}`);
  } else if (verb === 'stacks') {
    const got = deck.slides.map((s) => 1 + s.children.length);
    if (show(got) !== show(parseJson(rest))) throw new Error(`expected stacks ${rest}, got ${show(got)}`);
  } else if (verb === 'ranges') {
    const got = slides.map((s) => `${s.range.start}-${s.range.end}`);
    if (show(got) !== show(parseJson(rest))) throw new Error(`expected ranges ${rest}, got ${show(got)}`);
  } else throw new Error(`unknown verb "${verb}" for slides (use count, stacks or ranges)`);
}
