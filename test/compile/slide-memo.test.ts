// The dev server's slide memo (src/compile/slide-memo.ts): a deck edited at random, round after
// round, parsed with the memo of the rounds before and without one — the two decks are the same,
// warnings included, while the outside world's answers change too (an image appears, code gets
// highlighted, the front matter changes); and the memo does reuse the unchanged slides.
import { describe, expect, it } from 'vitest';
import { parseDeck, type ParseOptions } from '../../src/compile/parse-deck.js';
import { createSlideMemo } from '../../src/compile/slide-memo.js';
import type { AssetResolution } from '../../src/markdown/env.js';
import { seededRandom } from '../helpers/random.js';

const SLIDES = [
  '# Strategi {.tittel}\n\nFor **banken** i 2027.',
  '## Mål\n\n- Flere kunder[^1]\n- Bedre svar\n\n[^1]: Kundeundersøkelsen 2026.',
  '## Kode\n\n```js [1|2]\nconst a = 1;\nconst b = a + 1;\n```',
  '## Bilde\n\n![Graf](graf.png)\n\nNote: Si noe om grafen.',
  '<!-- .slide: data-background-image="bakgrunn.png" -->\n\n## Bakgrunn',
  '## Stabel\n\nØverst\n\n----\n\n## Under\n\nNederst',
  '::: cards\n\n### Facebook\n\nNå\n\n### LinkedIn\n\nSenere\n\n:::',
  '## Tabell\n\n| Kanal | Følgere |\n|---|---:|\n| Facebook | 12000 |',
  '## Film\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ',
  '## Lenke\n\nSe [forrige](#/1) og <span class="x">rå HTML</span>.',
];

/** The outside world of one round: which files exist, which code the highlighter has. */
interface World {
  files: Set<string>;
  highlighted: Set<string>;
}

function optionsOf(world: World): ParseOptions {
  return {
    file: 'deck.md',
    resolveAsset: (src): AssetResolution => (world.files.has(src) ? { url: `assets/${src}` } : { problem: 'missing' }),
    highlight: (code, lang) =>
      world.highlighted.has(code) ? code.split('\n').map((line) => `<span class="${lang}">${line}</span>`) : undefined,
  };
}

describe('the slide memo', () => {
  it('after random edits, a parse with the memo equals one without, and reuses the unchanged slides', () => {
    const next = seededRandom(7);
    const pick = (n: number) => Math.floor(next() * n);
    const slides = [...SLIDES];
    let front = 'title: Prøve\nlang: nb';
    const world: World = { files: new Set(['graf.png']), highlighted: new Set() };
    const memo = createSlideMemo();
    const edits = [
      () => (slides[pick(slides.length)] += ` endret ${pick(100)}`),
      () => slides.splice(pick(slides.length), 0, `## Ny ${pick(100)}\n\nTekst.`),
      () => slides.splice(pick(slides.length), 1),
      () => (slides[pick(slides.length)] = `\n\n${slides[pick(slides.length)]}`),
      () => world.files.add('bakgrunn.png'),
      () => world.highlighted.add('const a = 1;\nconst b = a + 1;'),
      () => (front = front === 'title: Prøve\nlang: nb' ? 'title: Prøve\nlang: en\nincremental: true' : 'title: Prøve\nlang: nb'),
      () => world.files.delete('graf.png'),
      () => slides.push(slides[pick(slides.length)]),
    ];
    let reused = 0;
    for (let round = 0; round < 40; round++) {
      const what = round === 0 ? 'first parse' : `round ${round}`;
      if (round > 0) edits[round <= edits.length ? round - 1 : pick(edits.length)]();
      const text = `---\n${front}\n---\n\n${slides.join('\n\n---\n\n')}\n`;
      const before = new Set(memo.slides.values());
      const withMemo = parseDeck(text, { ...optionsOf(world), memo });
      const fresh = parseDeck(text, optionsOf(world));
      expect(withMemo, what).toEqual(fresh);
      reused += [...memo.slides.values()].filter((kept) => before.has(kept)).length;
    }
    // Most slides of most rounds: an edit changes one slide, or moves the lines of those below it.
    expect(reused).toBeGreaterThan(40 * 4);
  });

  it('renders a slide again when the answer to one of its questions changes, and none when nothing changed', () => {
    const world: World = { files: new Set(), highlighted: new Set() };
    const memo = createSlideMemo();
    const text = '# Bilde\n\n![Graf](graf.png)\n\n---\n\n# Tekst\n';
    const first = parseDeck(text, { ...optionsOf(world), memo });
    expect(first.diagnostics.map((d) => d.code)).toEqual(['missing-image']);
    world.files.add('graf.png');
    const second = parseDeck(text, { ...optionsOf(world), memo });
    expect(second.diagnostics).toEqual([]);
    expect(second.slides[0].html).toContain('assets/graf.png');
    const kept = [...memo.slides.values()];
    parseDeck(text, { ...optionsOf(world), memo });
    expect([...memo.slides.values()]).toEqual(kept);
    expect([...memo.slides.values()].every((k, i) => k === kept[i])).toBe(true);
  });
});
