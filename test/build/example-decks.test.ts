// The example decks: their model (snapshot) and the contract the issue gives for them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { SLIDES } from '../helpers/cli.js';

const parse = (name: string) => parseDeck(readFileSync(path.join(SLIDES, name), 'utf8'), { file: `slides/${name}` });

/** Separator lines outside code fences, counted naively by line (fences tracked by their markers). */
function separatorCount(text: string): number {
  let inFence = false;
  let count = 0;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (/^(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    else if (!inFence && /^----?\s*$/.test(line) && i > 0 && lines[i - 1].trim() === '' && i > 8) count++;
  });
  return count;
}

describe('slides/strategi-sosiale-medier.md', () => {
  const deck = parse('strategi-sosiale-medier.md');
  const all = deck.slides.flatMap((s) => [s, ...s.children]);

  it('is a Norwegian deck of 20+ slides, notes on most, no problems', () => {
    expect(deck.meta.lang).toBe('nb');
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(all.filter((s) => s.notes).length / all.length).toBeGreaterThan(0.75);
    expect(deck.diagnostics).toEqual([]);
  });

  it('has as many slides as separators + 1', () => {
    const text = readFileSync(path.join(SLIDES, 'strategi-sosiale-medier.md'), 'utf8');
    // `sources: true` adds the sources slide after the last one.
    expect(all.length).toBe(separatorCount(text) + 1 + (deck.meta.sources ? 1 : 0));
  });

  it('matches its model snapshot (titles, lines, structure)', () => {
    const outline = deck.slides.map((s) => ({
      title: s.title,
      lines: `${s.range.start}-${s.range.end}`,
      notes: s.notes !== '',
      vertical: s.children.map((c) => c.title),
    }));
    expect({ meta: deck.meta, outline }).toMatchSnapshot();
  });
});

describe('slides/syntax-tour.md', () => {
  it('builds without problems and uses every syntax feature', () => {
    const deck = parse('syntax-tour.md');
    expect(deck.diagnostics).toEqual([]);
    const html = deck.slides
      .flatMap((s) => [s, ...s.children])
      .map((s) => s.html)
      .join('\n');
    for (const feature of ['class="columns"', 'class="fragment"', 'data-line-numbers="1-2"', 'class="footnotes"', '<img']) {
      expect(html, feature).toContain(feature);
    }
  });
});
