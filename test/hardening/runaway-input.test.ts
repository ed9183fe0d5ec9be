// Issue 20, findings 6 and 15: small inputs that expanded without bound. Each runs the CLI in a
// child Node with a 512 MB heap and a deadline: the fix answers in seconds with file:line.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/compile/front-matter.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { deckErrorOf } from '../helpers/deck-error.js';
import { runCliCapped } from './capped.js';
import { makeProject } from './helpers.js';

/** A `reveal:` alias bomb: each level is nine aliases of the one before (9^levels values). */
function aliasBomb(levels: number): string {
  const lines = ['---', 'title: Bomb', 'reveal:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let previous = 'a';
  for (let i = 1; i < levels; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  return [...lines, '---', '# Slide', ''].join('\n');
}

function buildCapped(name: string, text: string) {
  const { dir, slides, out } = makeProject();
  writeFileSync(path.join(slides, name), text);
  return {
    ...runCliCapped(['build', path.join(slides, name), '-o', out, '--no-image'], { cwd: dir, heapMb: 512, timeoutMs: 50_000 }),
    out,
  };
}

describe('YAML alias bombs (finding 6)', () => {
  it.each([
    ['the 349-byte bomb (269 MB of HTML before)', 7],
    ['the 385-byte bomb ("Invalid string length" before)', 8],
  ])(
    '%s: an error on the line of its key, in seconds',
    (_, levels) => {
      const text = aliasBomb(levels);
      expect(text.length).toBeLessThan(420);
      const r = buildCapped('bomb.md', text);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /bomb\.md:3:1: error: invalid YAML in front matter: `reveal` expands through its aliases \(`\*name`\) to over 1024 kB; write the values out \(front-matter\)/,
      );
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.ms).toBeLessThan(15_000);
    },
    30_000,
  );

  it('keeps the aliases and merge keys a settings block needs', () => {
    const fm = readFrontMatter(
      ['---', 'base: &base { transition: fade, controls: false }', 'reveal:', '  <<: *base', '  hash: true', '---'].join('\n'),
    );
    expect(fm.data.reveal).toEqual({ transition: 'fade', controls: false, hash: true });
    expect(fm.keyLines).toEqual({ base: 2, reveal: 3 });
  });

  it('bounds the size aliases expand to, not their number: a long text aliased a thousand times', () => {
    const long = 'x'.repeat(10_000);
    const uses = (n: number) =>
      ['---', `text: &t "${long}"`, 'many:', ...Array.from({ length: n }, (_, i) => `  k${i}: *t`), '---'].join('\n');
    expect(Object.keys(readFrontMatter(uses(50)).data.many as object)).toHaveLength(50);
    expect(deckErrorOf(() => readFrontMatter(uses(1000), 'd.md'))).toMatchObject({ code: 'front-matter', file: 'd.md', line: 3 });
  });

  it('reads a reveal-md description whose quoted lines are not indented, as js-yaml does', () => {
    const fm = readFrontMatter(['---', 'description: "one', 'two', '', 'three"', 'title: T', '---'].join('\n'));
    expect(fm.data).toEqual({ description: 'one two\nthree', title: 'T' });
  });
});

describe('math expansion (finding 15)', () => {
  it('1.6 MB of `$a` (159 MB of HTML at 2.2 GB before) stays near its size, with one warning', () => {
    const r = buildCapped('math.md', `# Math\n\n${'$a'.repeat(800_000)}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /math\.md:3:1: warning: the deck's math makes over 10 MB of HTML: from here on it is shown as written \(math-limit\)/,
    );
    expect(r.stderr.match(/math-limit/g)).toHaveLength(1);
    const size = statSync(path.join(r.out, 'math/index.html')).size;
    expect(size).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);

  it('one formula over 10,000 characters is shown as written, with its line', () => {
    const deck = parseDeck(`# M\n\nSmall $x^2$ and\n\n$$${'x+'.repeat(6000)}x$$\n`, {
      file: 'm.md',
      math: (tex) => `<span class="katex">${tex}</span>`,
    });
    expect(deck.diagnostics).toMatchObject([{ code: 'math-limit', line: 5, severity: 'warning' }]);
    expect(deck.slides[0].html).toContain('<span class="katex">x^2</span>');
    expect(deck.slides[0].html).toContain('$$x+x+');
  });
});
