// How the in-process compile (parseDeck + renderDeck) grows with deck size, 10 → 10,000 slides,
// on the bench decks (decks.ts). It must be linear: ms per slide stays flat. `npx tsx bench/compile-growth.ts`
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openHighlightCache } from '../src/build/highlight.js';
import { parseDeck } from '../src/compile/parse-deck.js';
import { renderDeck } from '../src/compile/render-deck.js';
import { deckText } from './decks.js';
import { stats, timeInProcess } from './measure.js';

const SIZES = [10, 100, 1000, 10_000];

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'deckmark-growth-'));
  process.env.DECKMARK_CACHE_DIR = work; // read by openHighlightCache: keep the cache here
  try {
    const highlighter = openHighlightCache(work);
    const compile = (text: string) => () =>
      renderDeck(
        parseDeck(text, {
          file: 'deck.md',
          highlight: highlighter.highlight,
          resolveAsset: (src) => ({ url: `assets/${path.basename(src)}` }),
        }),
        { styles: [{ href: 'assets/deckmark.css' }], scripts: [{ src: 'assets/deckmark.js' }] },
      );
    // Highlight every bench deck's code once, so no run pays for shiki; then warm the JIT.
    compile(deckText(SIZES.at(-1)!))();
    await highlighter.fill();
    await timeInProcess(compile(deckText(500)), { warmup: 5, minRuns: 0, maxRuns: 0, budgetMs: 0 });
    const rows: string[] = [];
    let first: number | undefined;
    for (const slides of SIZES) {
      const run = compile(deckText(slides));
      const times = await timeInProcess(run, { warmup: 2, minRuns: 3, maxRuns: 30, budgetMs: slides >= 10_000 ? 0 : 2000 });
      const median = stats(times).median;
      const perSlide = median / slides;
      first ??= perSlide;
      rows.push(
        `| ${slides.toLocaleString('en')} | ${median.toFixed(1)} | ${perSlide.toFixed(3)} | ${(perSlide / first).toFixed(2)}× | ${times.length} |`,
      );
      process.stderr.write(`compile ${slides}: ${median.toFixed(1)} ms\n`);
    }
    console.log('| slides | ms (median) | ms/slide | vs 10 | runs |\n|---:|---:|---:|---:|---:|');
    console.log(rows.join('\n'));
  } finally {
    delete process.env.DECKMARK_CACHE_DIR;
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
