// `deckmark check` reports code lines wider than their block (they scroll on screen and wrap in
// the PDF) at the slide's line, and leaves code that fits alone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const file = path.relative(process.cwd(), path.join(REPO, 'test/fixtures/check/code-overflow.md'));

describe('deckmark check: code that does not fit', { timeout: 60_000 }, () => {
  it('warns about the wide line of a stepped block at its slide, quoting the line, and nothing else', async () => {
    const { code, stdout } = await runCli('check', file);
    const found = stdout
      .trim()
      .split('\n')
      .filter((l) => l.endsWith('(code-overflow)'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /code-overflow\.md:13:1: warning: a code line \("const long = 'a line of code f…"\) is \d+px wider than its block: it scrolls on screen and wraps in the PDF \(code-overflow\)$/,
    );
    expect(code).toBe(0); // a warning: the line can still be read by scrolling
  });
});
