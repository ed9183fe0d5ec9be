// `deckmark check` measures reveal.js's r-fit-text and r-stretch as the deck shows them: a
// fitted heading and a stretched image fill the slide inside its padding, and are no overflow.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

const file = path.relative(process.cwd(), path.join(REPO, 'test/fixtures/check/reveal-sizing.md'));

describe('deckmark check: reveal.js sizing helpers', { timeout: 60_000 }, () => {
  it('finds no overflow on an r-fit-text heading or an r-stretch image', async () => {
    const { code, stdout } = await runCli('check', file);
    expect(stdout).not.toContain('(overflow)');
    expect(code).toBe(0);
  });
});
