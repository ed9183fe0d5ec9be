// The built bin, spawned as a user runs it (npm test rebuilds lib/ first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SLIDES, tempDir } from '../helpers/cli.js';

const BIN = path.join(REPO, 'bin/deckmark.js');

function run(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: REPO });
}

describe('bin/deckmark.js', () => {
  it('builds the example decks', () => {
    const out = tempDir();
    const r = run('build', SLIDES, '-o', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 decks in \d+ ms/); // strategi-sosiale-medier, layouts, syntax-tour
    expect(existsSync(path.join(out, 'strategi-sosiale-medier/index.html'))).toBe(true);
  });

  it("prints package.json's version", () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('exits 1 with one line for a missing deck, 2 for an unknown command', () => {
    const missing = run('build', 'missing.md', '-o', tempDir());
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual(['missing.md: error: no such file or folder: missing.md (input-not-found)']);
    expect(run('frobnicate').status).toBe(2);
  });

  it('prints no stack trace for an error, and one with --debug', () => {
    const dir = tempDir();
    const deck = path.join(dir, 'bad.md');
    writeFileSync(deck, '---\nlang: 42\n---\n# x\n');
    const plain = run('build', deck, '-o', dir);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/bad\.md:2:1: error: `lang` must be a language tag/);
    expect(plain.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(run('build', deck, '-o', dir, '--debug').stderr).toMatch(/\bat .*\.js:\d+/);
  });
});
