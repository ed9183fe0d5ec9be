// Pathological input: the core must finish and produce a deck. (No timing assertions: the bench measures speed.)
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';

const N = 5000;

describe('pathological input', () => {
  it.each([
    ['deeply nested fenced divs', ':'.repeat(3) + '\n' + Array.from({ length: 200 }, (_, i) => ':'.repeat(203 - i) + ' d').join('\n')],
    ['many unclosed fenced divs', '::: a\n'.repeat(N)],
    ['many unclosed HTML comments', '<!-- .element: class="x"\n'.repeat(N)],
    ['many attribute comments', 'Text <!-- .element: class="x" -->\n'.repeat(N)],
    ['a long attribute list', `<!-- .slide: ${'a=b '.repeat(N)} -->`],
    ['a long run of = and quotes', `<!-- .slide: ${'="'.repeat(N)} -->`],
    ['many unclosed fences', '```\n\n---\n\n'.repeat(N)],
    ['many slides', '# S\n\n---\n\n'.repeat(N)],
    ['many vertical slides', 'S\n\n----\n\n'.repeat(N)],
    ['many notes markers', 'Note: x\n'.repeat(N)],
    ['a very long line of dashes', '-'.repeat(100_000)],
    ['many blank lines', '\n'.repeat(100_000)],
    ['nested brackets', '['.repeat(N) + ']('.repeat(N)],
    ['nested lists', Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['a huge highlight range', '```js [1-999999999|2-999999999]\na\n```'],
    ['many footnotes', Array.from({ length: 1000 }, (_, i) => `x[^${i}]\n\n[^${i}]: y`).join('\n\n')],
    ['many CRs', 'a\r'.repeat(N)],
  ])('%s', (_, text) => {
    const deck = parseDeck(text);
    expect(deck.slides.length).toBeGreaterThan(0);
  });
});
