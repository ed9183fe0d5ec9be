// The author's regular expressions (slide and notes separators) run on RE2, whose time is linear
// in the text, so that no pattern (`(a+)+$`) can hang a build. The author writes JavaScript
// syntax, as reveal-md reads it; this file translates it to RE2 syntax with JavaScript's
// meaning, and refuses what RE2 cannot run in linear time (backreferences, lookahead).
import { RE2JS } from 're2js';

/** A pattern RE2 cannot run: what it uses, and what to write instead. */
export class UnsupportedRegexError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export interface PatternMatch {
  index: number;
  text: string;
}

/** A compiled pattern, native or author's: its non-empty matches in order, as `exec` with `g` finds them. */
export interface TextPattern {
  matches(text: string): Iterable<PatternMatch>;
  test(text: string): boolean;
}

/** One of our own patterns (known to run in linear time) on JavaScript's engine. */
export function nativePattern(source: string, flags = 'mg'): TextPattern {
  const re = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
  return {
    *matches(text) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0] === '')
          re.lastIndex++; // a pattern that matches nothing would loop for ever
        else yield { index: m.index, text: m[0] };
      }
    },
    test(text) {
      re.lastIndex = 0;
      return re.test(text);
    },
  };
}

// JavaScript's `\s` and line terminators (for `.`), which are wider than RE2's ASCII ones.
const JS_SPACE = String.raw`\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const JS_DOT = String.raw`[^\n\r\x{2028}\x{2029}]`;
const NO_LOOKAHEAD_HINT =
  'separators run on a linear-time engine (RE2): lookbehind `(?<=…)` works, lookahead `(?=…)` does not; match the following text instead, or drop the condition';
const NO_BACKREFERENCE_HINT = 'separators run on a linear-time engine (RE2), which has no backreferences; spell the repeated text out';

/**
 * RE2's time is linear in the text times the size of the compiled pattern: a separator needs a
 * few dozen steps, `(.*){1,99}` would take 300 for every character of the deck.
 */
const MAX_PATTERN_SIZE = 200;

const hex = (code: number): string => `\\x{${code.toString(16)}}`;

/** Translates one escape (`source[i]` is the backslash); returns the RE2 text and the next index. */
function translateEscape(source: string, i: number, inClass: boolean): [string, number] {
  const c = source[i + 1];
  if (c === undefined) return ['\\\\', i + 1];
  if (/[dDwW]/.test(c)) return [`\\${c}`, i + 2];
  if (c === 's') return [inClass ? JS_SPACE : `[${JS_SPACE}]`, i + 2];
  // `\S` inside a class has no RE2 spelling with JavaScript's spaces; RE2's (ASCII) `\S` is close.
  if (c === 'S') return [inClass ? '\\S' : `[^${JS_SPACE}]`, i + 2];
  if (c === 'b') return [inClass ? hex(8) : '\\b', i + 2];
  if (c === 'B' && !inClass) return ['\\B', i + 2];
  const simple: Record<string, number> = { f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (c in simple) return [hex(simple[c]), i + 2];
  const x = /^x([0-9a-fA-F]{2})/.exec(source.slice(i + 1));
  if (x) return [hex(parseInt(x[1], 16)), i + 4];
  const u = /^u([0-9a-fA-F]{4})/.exec(source.slice(i + 1));
  if (u) return [hex(parseInt(u[1], 16)), i + 6];
  const ctrl = /^c([a-zA-Z])/.exec(source.slice(i + 1));
  if (ctrl) return [hex(ctrl[1].charCodeAt(0) % 32), i + 3];
  if (c === '0' && !/[0-9]/.test(source[i + 2] ?? '')) return [hex(0), i + 2];
  if (/[1-9]/.test(c) || (c === 'k' && source[i + 2] === '<')) {
    throw new UnsupportedRegexError(`\`\\${c}${c === 'k' ? '<…>' : ''}\` (a backreference) is not supported`, NO_BACKREFERENCE_HINT);
  }
  // Any other escaped character stands for itself in JavaScript (`\e` is `e`, `\/` is `/`).
  return [hex(c.codePointAt(0) as number), i + 1 + c.length];
}

/** Translates a character class starting at `source[i] === '['`; returns RE2 text and next index. */
function translateClass(source: string, i: number): [string, number] {
  let j = i + 1;
  const negated = source[j] === '^';
  if (negated) j++;
  let body = '';
  while (j < source.length && source[j] !== ']') {
    if (source[j] === '\\') {
      const [text, next] = translateEscape(source, j, true);
      body += text;
      j = next;
    } else {
      // RE2 reads `[[:alpha:]]` as a POSIX class; JavaScript's `[` in a class is the character.
      body += /[[\]^-]/.test(source[j]) && source[j] !== '-' ? `\\${source[j]}` : source[j];
      j++;
    }
  }
  if (body === '') return [negated ? String.raw`[\x{0}-\x{10FFFF}]` : String.raw`[^\x{0}-\x{10FFFF}]`, j + 1];
  return [`[${negated ? '^' : ''}${body}]`, j + 1];
}

/**
 * RE2 source text with the meaning JavaScript gives `source`. Capturing groups become
 * non-capturing (nothing reads them, and RE2 refuses captures inside a lookbehind).
 * @throws UnsupportedRegexError for what RE2 cannot run
 */
function toRe2Source(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const [text, next] = translateEscape(source, i, false);
      out += text;
      i = next;
    } else if (c === '[') {
      const [text, next] = translateClass(source, i);
      out += text;
      i = next;
    } else if (c === '.') {
      out += JS_DOT;
      i++;
    } else if (c === '(') {
      const rest = source.slice(i, i + 4);
      if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
        throw new UnsupportedRegexError(`\`${rest.slice(0, 3)}…)\` (a lookahead) is not supported`, NO_LOOKAHEAD_HINT);
      }
      if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
        out += rest;
        i += 4;
      } else if (rest.startsWith('(?<')) {
        i = source.indexOf('>', i) + 1; // a named group: its name is never read
        out += '(?:';
      } else if (rest.startsWith('(?')) {
        out += '(?';
        i += 2;
      } else {
        out += '(?:';
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Compiles an author pattern with JavaScript's flags `m` (always, as reveal.js uses them) and
 * optionally `i`, to run in time linear in the text.
 * @throws UnsupportedRegexError when RE2 cannot run it (including JavaScript syntax errors)
 */
export function authorPattern(source: string, options: { ignoreCase?: boolean; multiline?: boolean } = {}): TextPattern {
  try {
    new RegExp(source); // JavaScript's syntax is the contract: only compiled here, never run
  } catch (e) {
    throw new UnsupportedRegexError((e as Error).message, 'write a JavaScript regular expression, as reveal-md reads it');
  }
  let re: RE2JS;
  try {
    const flags =
      RE2JS.LOOKBEHINDS | (options.multiline === false ? 0 : RE2JS.MULTILINE) | (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    re = RE2JS.compile(toRe2Source(source), flags);
  } catch (e) {
    if (e instanceof UnsupportedRegexError) throw e;
    const detail = (e as Error).message.replace(/^error parsing regexp: /, '');
    throw new UnsupportedRegexError(`the linear-time engine (RE2) cannot run it: ${detail}`, 'repeat counts go up to 1000');
  }
  if (re.programSize() > MAX_PATTERN_SIZE) {
    throw new UnsupportedRegexError(
      `it is too large to run on every character (${re.programSize()} steps, at most ${MAX_PATTERN_SIZE})`,
      'use smaller repeat counts such as `{1,20}`, or `+` and `*`',
    );
  }
  return {
    *matches(text) {
      // One matcher per text: it carries the lookbehinds' state, so the whole scan stays linear.
      const m = re.matcher(text);
      while (m.find()) {
        if (m.end() > m.start()) yield { index: m.start(), text: m.group() ?? '' };
      }
    },
    test: (text) => re.test(text),
  };
}
