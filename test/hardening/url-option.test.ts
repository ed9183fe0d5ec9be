// Issue 20, finding 7: a `url:` that is not an absolute http(s) URL ended in "internal error:
// Invalid URL" without file or line. It is an option like any other: `invalid-option` on its line.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { runCli } from '../helpers/cli.js';
import { deckErrorOf } from '../helpers/deck-error.js';
import { makeProject } from './helpers.js';

const deck = (url: string) => `---\ntitle: Talk\nurl: ${url}\n---\n# Talk\n`;

describe('`url:` is validated as an option', () => {
  it.each([
    'example.org/talk',
    'mailto:me@example.org',
    'javascript:alert(1)',
    'https://',
    '"https:///talk"',
    'http:example.org',
    'ftp://example.org/talk',
  ])('%s is an invalid-option error on its line', (url) => {
    const err = deckErrorOf(() => parseDeck(deck(url), { file: 'talk.md' }));
    expect(err).toMatchObject({ code: 'invalid-option', file: 'talk.md', line: 3, column: 1 });
    expect(err.message).toMatch(/`url` must be .*absolute http\(s\) URL/);
  });

  it.each(['https://example.org/talk/', 'http://localhost:8000/talk', 'https://[::1]/x', 'https://slides.example.org'])(
    '%s is accepted',
    (url) => {
      expect(parseDeck(deck(url), { file: 'talk.md' }).meta.url).toBe(url);
    },
  );

  it.each([['build'], ['check'], ['pdf']])(
    '%s exits 1 with file:line, not an internal error',
    async (command) => {
      process.env.PUPPETEER_EXECUTABLE_PATH ??= '/usr/bin/chromium';
      const { slides, out } = makeProject();
      const file = path.join(slides, 'talk.md');
      writeFileSync(file, deck('example.org/talk'));
      const args: Record<string, string[]> = { build: ['-o', out, '--no-image'], check: [], pdf: ['-o', out, '--quiet'] };
      const r = await runCli(command, file, ...args[command]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr + r.stdout).toMatch(/talk\.md:3:1: error: `url` must be .* \(invalid-option\)/);
      expect(r.stderr).not.toMatch(/internal error/);
    },
    30_000,
  );
});
