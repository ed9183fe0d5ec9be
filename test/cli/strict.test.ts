// `--strict` means one thing in every command that has it: every warning is an error, the exit
// code is 1, and no deck is written with one.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { serve } from '../server/fixture.js';

/** A deck that builds with two warnings: an unknown front matter key (line 3) and a slide without a title (line 10). */
function deckWithWarnings(): { dir: string; deck: string } {
  const dir = tempDir('deckmark-strict-');
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const deck = path.join(dir, 'talk.md');
  writeFileSync(deck, '---\ntitle: T\ncolour: red\n---\n\n# One\n\n---\n\nJust text\n');
  return { dir, deck };
}

const FIRST_AS_ERROR =
  /talk\.md:3:1: error: unknown front matter key `colour` \(ignored\) \(strict\)\n {2}hint: unknown-key is a warning; --strict makes every warning an error \(1 more in this deck: `deckmark check` lists them all\)/;

describe('--strict', () => {
  it('build: warnings are printed and the deck is built; with --strict the first is an error, exit 1, nothing written', async () => {
    const { dir, deck } = deckWithWarnings();
    const plain = await runCli('build', deck, '-o', path.join(dir, 'out'), '--no-image');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toContain('talk.md:3:1: warning: unknown front matter key `colour` (ignored) (unknown-key)');
    expect(plain.stderr).toMatch(/talk\.md:10:1: warning: .*\(no-title\)/);

    const strict = await runCli('build', deck, '-o', path.join(dir, 'strict-out'), '--no-image', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(FIRST_AS_ERROR);
    expect(strict.stderr).not.toContain('built ');
    expect(existsSync(path.join(dir, 'strict-out'))).toBe(false);
  });

  it('check: every warning is reported as an error, exit 1', async () => {
    const { deck } = deckWithWarnings();
    const plain = await runCli('check', deck, '--format', 'json');
    expect(plain.code).toBe(0);
    const found = (out: string) =>
      (JSON.parse(out) as { rule: string; severity: string; line: number }[]).map((e) => `${e.line} ${e.severity} ${e.rule}`);
    expect(found(plain.stdout)).toEqual(['3 warning unknown-key', '10 warning no-title']);

    const strict = await runCli('check', deck, '--format', 'json', '--strict');
    expect(strict.code).toBe(1);
    expect(found(strict.stdout)).toEqual(['3 error unknown-key', '10 error no-title']);
    expect(strict.stderr).toContain('1 deck checked: 2 errors, 0 warnings');
  });

  it('serve: the deck is not built but shown as its error, and the server keeps running', async () => {
    const { dir } = deckWithWarnings();
    const { server, printed } = await serve(dir, { build: { strict: true } });
    try {
      const page = await fetch(new URL('talk/', server.url));
      expect(page.status).toBe(500);
      expect(await page.text()).toMatch(/talk\.md:3:1: error: unknown front matter key `colour` \(ignored\) \(strict\)/);
      expect(printed.join('\n')).toMatch(FIRST_AS_ERROR);
    } finally {
      await server.close();
    }
  });

  it('present: the deck is not served, exit 1', async () => {
    const { deck } = deckWithWarnings();
    const { code, stderr } = await runCli('present', deck, '--port', '0', '--strict');
    expect(code).toBe(1);
    expect(stderr).toMatch(FIRST_AS_ERROR);
    expect(stderr).not.toContain('presenter:');
  });
});
