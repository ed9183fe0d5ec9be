// Finding 5 of issue 20: `<!--` repeated without `-->` made the compile quadratic (100k lines in
// 10 s) — the attribute-comment regex rescanned to the end for each opener, and balanceHtml did
// the same for each `<a` of `<a <a …` with no `>` after it. Measured as a property: 4× the input
// may take at most 8× the time (linear code takes ~4×, quadratic ~16×).
import { describe, expect, it } from 'vitest';
import { balanceHtml } from '../../src/compile/balance-html.js';
import { parseDeck } from '../../src/compile/parse-deck.js';

/**
 * The fastest of five runs, in ms of this process's CPU time: the machine's other work (tests
 * run beside each other on two cores) and a garbage collection must not look like growth.
 */
function bestOf5(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * Time for 4× the repeats over time for 1×. The repeats start at `repeats` and double (at most
 * 4 times) until 1× takes 25 ms, so that timer noise cannot pass for growth.
 */
function growth(work: (repeats: number) => void, repeats: number): number {
  let n = repeats;
  work(n); // warm up the JIT
  let small = bestOf5(() => work(n));
  for (let i = 0; i < 4 && small < 25; i++) {
    n *= 2;
    small = bestOf5(() => work(n));
  }
  return bestOf5(() => work(4 * n)) / small;
}

describe('unclosed HTML comments compile in linear time', () => {
  it.each([
    ['`<!--` on every line', '<!--\n'],
    ['`<!-- ` on one line', '<!-- '],
    ['text then `<!--`', 'a <!-- b\n'],
    ['unclosed slide attribute comments', '<!-- .slide: \n'],
    ['unclosed element attribute comments', 'x <!-- .element: \n'],
  ])('%s', { timeout: 60_000 }, (_name, unit) => {
    expect(growth((n) => parseDeck(unit.repeat(n)), 5_000)).toBeLessThan(8);
  });

  it('keeps whole attribute comments around an unclosed one', () => {
    const deck = parseDeck('<!-- .slide: class="a" -->\n\n# T <!-- .element: class="b" -->\n\n<!-- never closed\n');
    expect(deck.slides[0].attributes.class).toBe('a');
    expect(deck.slides[0].html).toContain('<h1 class="b"');
  });
});

describe('balanceHtml on a `<` that starts no complete tag', () => {
  it.each([
    ['`<a ` with no `>` after it', '<a ', ''],
    ['`<!--` never closed', '<!-- ', ''],
  ])('%s', { timeout: 60_000 }, (_name, unit, tail) => {
    expect(growth((n) => balanceHtml(unit.repeat(n) + tail), 20_000)).toBeLessThan(8);
  });
});
