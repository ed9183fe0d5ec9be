// Finding 4 of issue 20: the author's separators are regular expressions; a catastrophic-backtracking
// one (`(a+)+$`) hung build and check. They now run on a linear-time engine (RE2) with JavaScript's
// meaning, and what RE2 cannot run is an `invalid-option` error on the option's line.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorPattern } from '../../src/compile/author-regex.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { makeProject } from './helpers.js';
import { runCliIsolated, runIsolated } from './isolated.js';

const HOSTILE = '(a+)+$';
const DECK_65 = `${'a'.repeat(64)}!`;

describe('a catastrophic-backtracking separator', () => {
  it('splits a deck in linear time, in a child process that is killed after 45 s (a hang, not a slow machine)', async () => {
    const r = await runIsolated(
      `import { parseDeck } from './src/compile/parse-deck.ts';
       const body = ${JSON.stringify(DECK_65)}.repeat(2000);
       for (const key of ['separator', 'verticalSeparator', 'notesSeparator']) {
         const deck = parseDeck(body, { [key]: ${JSON.stringify(HOSTILE)} });
         console.log(key, deck.slides.length);
       }`,
      { timeoutMs: 45_000 },
    );
    expect(r.timedOut, r.stderr).toBe(false);
    expect(r.stdout).toBe('separator 1\nverticalSeparator 1\nnotesSeparator 1\n');
  }, 60_000);

  it('builds and checks with the separator in the front matter or as a flag', async () => {
    const { dir, slides, out } = makeProject();
    const deck = path.join(slides, 'talk.md');
    writeFileSync(deck, `---\nnotesSeparator: "${HOSTILE}"\n---\n${DECK_65}\n`);
    const build = await runCliIsolated(['build', deck, '-o', out, '--no-image', '--separator', HOSTILE], { timeoutMs: 60_000, cwd: dir });
    expect(build.timedOut).toBe(false);
    expect(build.code, build.stderr).toBe(0);
    const check = await runCliIsolated(['check', deck, '--separator', HOSTILE], { timeoutMs: 60_000, cwd: dir });
    expect(check.timedOut).toBe(false);
    expect(check.stderr).not.toMatch(/internal error/);
  }, 150_000);
});

describe('patterns the linear-time engine cannot run', () => {
  const deck = (key: string, value: string): string => `---\ntitle: T\n${key}: ${JSON.stringify(value)}\n---\n# A\n`;

  it.each([
    ['separator', '^---(?=\\n)', /lookahead/],
    ['verticalSeparator', '(?!x)--', /lookahead/],
    ['notesSeparator', '^(N)ote:\\1', /backreference/],
    ['separator', '(?<s>-)\\k<s>', /backreference/],
    ['separator', 'a{2000}', /repeat count/],
    ['separator', '(.*){1,999}#', /too large/],
  ])('%s %s is invalid-option on its front-matter line, with a hint', (key, value, message) => {
    let error: unknown;
    try {
      parseDeck(deck(key, value), { file: 'talk.md' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid-option', file: 'talk.md', line: 3 });
    expect((error as Error).message).toMatch(message);
    expect((error as { hint?: string }).hint).toMatch(/RE2|repeat/);
  });

  it('names the flag when the pattern came from --separator', () => {
    expect(() => parseDeck('# A', { separator: 'x(?=y)' })).toThrow(/--separator .*lookahead/);
  });
});

describe('author patterns keep their JavaScript meaning', () => {
  // Each pattern, with the flags reveal.js gives it (`gm`), must find what V8 finds.
  const cases: [string, string][] = [
    ['\\s+', 'a \u00a0\u2003\ufeff b\t\n'],
    ['\\S+', 'x\u00a0y z'],
    ['a.b', 'a\u2028b a\rb axb a\u00e9b'],
    ['[^]', 'a\nb'],
    ['x[]|y', 'xy'],
    ['[[]+', 'a[[b'],
    ['[]a]', 'a]'],
    ['\\e\\/\\-', 'e/-'],
    ['\\u0041\\x42\\cJ', 'AB\n'],
    ['[\\b]', 'a\bb'],
    ['\\bword\\b', 'a word, swords'],
    ['(?<name>ab)+', 'ababab'],
    ['(?<=(?:^|\\n)[ \\t]*\\n)---$', 'a\n\n---\nb\n---'],
    ['(?<=(x))y', 'xy zy'],
    ['^Note:', 'a\nNote: b\nnote: c'],
    ['\\r?\\n---\\r?\\n', 'a\n---\nb\r\n---\r\nc'],
    ['a{', 'a{'],
    ['a{2,}', 'aaa a'],
    ['^$', 'a\n\nb'],
    ['\\0', 'a\u0000'],
  ];

  it.each(cases)('%s', (source, text) => {
    const native = [...text.matchAll(new RegExp(source, 'gm'))].filter((m) => m[0] !== '').map((m) => [m.index, m[0]]);
    const linear = [...authorPattern(source).matches(text)].map((m) => [m.index, m.text]);
    expect(linear).toEqual(native);
  });

  it('is case-insensitive for the notes separator, as reveal.js makes it', () => {
    expect([...authorPattern('^notes?:', { ignoreCase: true }).matches('x\nNOTES: y')].map((m) => m.index)).toEqual([2]);
  });
});
