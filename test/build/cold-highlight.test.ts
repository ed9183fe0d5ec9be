// A cold build highlights the code it guesses from the deck's text before the first parse; the
// guess may be wrong (fences in quotes, lists, tabs), and the build must still come out exactly as
// a build from a full cache does.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import { guessCode } from '../../src/build/guess-code.js';
import { tempDir } from '../helpers/cli.js';

describe('guessCode', () => {
  it('reads top-level fences with a language: code, language, steps and indentation like CommonMark', () => {
    const text = [
      '# Slide',
      '',
      '```js [1|2]',
      'const a = 1;',
      '  const b = 2;',
      '```',
      '',
      '  ~~~~python',
      '  print(1)',
      '    print(2)',
      ' print(3)',
      '  ~~~~',
      '',
      '```',
      'no language',
      '```',
      '',
      '```mermaid',
      'graph TD; A-->B',
      '```',
      '',
      '```ts',
      'let open = true;',
    ].join('\n');
    expect(guessCode(text)).toEqual([
      { code: 'const a = 1;\n  const b = 2;', lang: 'js' },
      { code: 'print(1)\n  print(2)\nprint(3)', lang: 'python' },
      { code: 'let open = true;', lang: 'ts' },
    ]);
  });

  it('finds nothing in a deck without fences', () => {
    expect(guessCode('# Title\n\nText with `code`.\n')).toEqual([]);
  });
});

/** Builds a deck twice in a fresh project (its own highlight cache): cold, then warm. */
async function coldAndWarm(deck: string): Promise<{ cold: string; warm: string }> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  mkdirSync(path.join(dir, 'node_modules')); // the cache goes into the project's node_modules/.cache
  const file = path.join(dir, 'deck.md');
  writeFileSync(file, deck);
  const build = async (out: string) => readFileSync((await buildDeck(file, { outDir: path.join(dir, out) })).output, 'utf8');
  const cold = await build('cold');
  return { cold, warm: await build('warm') };
}

const shikiSpans = (html: string) => html.match(/--shiki-light:/g)?.length ?? 0;

describe('cold build with guessed code', { timeout: 60_000 }, () => {
  it('is the warm build, also for fences the guess misses or gets wrong', async () => {
    const deck = [
      '---',
      'title: Code',
      '---',
      '',
      '```js [1|2]',
      'const answer = 42;',
      'console.log(answer);',
      '```',
      '',
      '---',
      '',
      '> ```python',
      '> print("quoted")',
      '> ```',
      '',
      '- a list',
      '',
      '  ```ts',
      '  let listed: number = 1;',
      '  ```',
      '',
      '\t```css',
      '\ta { color: red }',
      '\t```',
      '',
    ].join('\n');
    const { cold, warm } = await coldAndWarm(deck);
    expect(cold).toBe(warm);
    for (const word of ['answer', 'print', 'listed'])
      expect(cold).toMatch(new RegExp(`<span style="[^"]*--shiki-light:[^"]*">[^<]*${word}`));
  });

  it('is the warm build for a deck with its own code palette', async () => {
    const { cold, warm } = await coldAndWarm('---\ntitle: Code\nhighlightTheme: monokai\n---\n\n```js\nconst answer = 42;\n```\n');
    expect(cold).toBe(warm);
    expect(cold).toContain('--shiki-deck:');
    expect(shikiSpans(cold)).toBeGreaterThan(0);
  });
});
