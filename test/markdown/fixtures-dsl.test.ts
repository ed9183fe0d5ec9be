// The fixture DSL itself: it must fail on wrong expectations, or the fixture files prove nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixtures, runFixture, type FixtureCase } from './fixtures.js';

const fixture = (input: string, ...expectations: string[]): FixtureCase => ({ title: 't', line: 1, input, expectations });
const failuresOf = (input: string, ...expectations: string[]): string[] => runFixture(fixture(input, ...expectations)).failures;

const DECK = '<!-- .slide: class="s" -->\n# A {.t}\n\n- x\n- y\n\nNote: n\n\n----\n\n[l](https://l.example)\n';

describe('fixture DSL', () => {
  it('passes right expectations', () => {
    expect(
      failuresOf(
        DECK,
        'li => count 2',
        'li => texts ["x","y"]',
        'h1.t => text "A"',
        'h1 => attr class "t"',
        'h1 => attr class',
        'li => no-attr class',
        'li => distinct nothing-here-so-fails',
      ),
    ).toEqual([expect.stringContaining('distinct nothing-here-so-fails')]);
    expect(
      failuresOf(
        DECK,
        'slide => attr class "s"',
        'slide 2 => empty',
        'slide => equals {"class":"s"}',
        'notes => text "n"',
        'notes 2 => empty',
        'title => text "A"',
        'title 2 => empty',
        'slides => stacks [2]',
        'slides => count 2',
        'slides => ranges ["1-7","11-11"]',
        'links => match [{"href":"https://l.example"}]',
        'links 1 => empty',
        'diagnostics => empty',
        'meta => match {"title":"A","lang":"en"}',
        'section => count 0',
        'aside.notes => count 1',
      ),
    ).toEqual([]);
  });

  it.each([
    'li => count 3',
    'li => texts ["y","x"]',
    'li => text "x"',
    'h2 => text "A"',
    'h1 => attr class "u"',
    'h1 => attr id',
    'h1 => no-attr class',
    'slide => attr class "t"',
    'slide => no-attr class',
    'slide => equals {}',
    'notes => text "m"',
    'notes => empty',
    'title 2 => text "A"',
    'title 3 => empty',
    'slides => stacks [1,1]',
    'slides => ranges ["1-1","11-11"]',
    'links => match []',
    'links => match [{"href":"https://other.example"}]',
    'meta => match {"lang":"nb"}',
    'error => match {}',
    'li => frobnicate',
    'no arrow here',
  ])('fails on %s', (expectation) => {
    expect(failuresOf(DECK, expectation)).toHaveLength(1);
  });

  it('reports a thrown parse as a failure, unless the case expects it', () => {
    expect(failuresOf('---\ntitle: T\n', 'p => count 0')).toEqual([expect.stringContaining('front-matter')]);
    expect(failuresOf('---\ntitle: T\n', 'error => match {"code":"front-matter","line":1}')).toEqual([]);
  });

  it('reads fixture files, with <U+XXXX> escapes, and refuses malformed ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deckmark-fixtures-'));
    try {
      const good = path.join(dir, 'good.txt');
      fs.writeFileSync(
        good,
        'comment\n### first\n.\na<U+000D>\nb\n.\n// a comment\np => count 1\n\n.\n\n### second\n.\nx\n.\np => count 1\n.\n',
      );
      const cases = readFixtures(good);
      expect(cases.map((c) => [c.title, c.line, c.input, c.expectations])).toEqual([
        ['first', 2, 'a\r\nb\n', ['p => count 1']],
        ['second', 12, 'x\n', ['p => count 1']],
      ]);
      const bad = path.join(dir, 'bad.txt');
      fs.writeFileSync(bad, '### unclosed\n.\ninput\n.\np => count 1\n');
      expect(() => readFixtures(bad)).toThrow(/not closed/);
      fs.writeFileSync(bad, '### empty\n.\ninput\n.\n.\n');
      expect(() => readFixtures(bad)).toThrow(/no expectations/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
