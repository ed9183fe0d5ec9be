// Measures Mermaid diagrams at build time, in process (src/): a deck with one diagram of each of
// the ten kinds built with an empty cache (Chromium started, Mermaid loaded, every diagram
// drawn), the drawing alone per diagram once the browser is up, and the rebuild from the cache
// (no browser); beside it the same deck with the diagrams as plain code, the cost without any.
// Run: PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium npx tsx bench/diagrams.ts [runs]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDeck } from '../src/build/build-deck.js';
import { diagramThemeOf } from '../src/build/diagram-theme.js';
import { openDiagramDrawer } from '../src/export/diagrams.js';
import { DIAGRAM_KINDS, mermaidFence } from '../test/fixtures/diagrams/kinds.js';
import { stats } from './measure.js';

const RUNS = Number(process.argv[2] ?? 3);
const work = mkdtempSync(path.join(os.tmpdir(), 'deckmark-bench-diagrams-'));
writeFileSync(path.join(work, 'package.json'), '{}');
const slides = DIAGRAM_KINDS.map(([kind, , source]) => `## ${kind}\n\n${mermaidFence(source)}`);
const deck = path.join(work, 'diagrams.md');
writeFileSync(deck, `---\ntitle: Diagrams\n---\n\n${slides.join('\n---\n\n')}`);
const plain = path.join(work, 'plain.md');
writeFileSync(plain, `---\ntitle: Plain\n---\n\n${slides.join('\n---\n\n').replaceAll('```mermaid', '```text')}`);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const cold: number[] = [];
const warm: number[] = [];
const none: number[] = [];
for (let run = 0; run < RUNS; run++) {
  process.env.DECKMARK_CACHE_DIR = path.join(work, `cache-${run}`);
  const drawer = openDiagramDrawer();
  try {
    cold.push(await timed(() => buildDeck(deck, { outDir: path.join(work, 'out'), drawDiagrams: drawer.draw })));
  } finally {
    await drawer.close();
  }
  warm.push(await timed(() => buildDeck(deck, { outDir: path.join(work, 'out') })));
  none.push(await timed(() => buildDeck(plain, { outDir: path.join(work, 'out') })));
}

// The drawing alone: the browser up and Mermaid loaded by a first round, then every kind again.
const theme = diagramThemeOf(':root{--dm-bg:#ffffff;--dm-fg:#1d2433}', {});
const requests = DIAGRAM_KINDS.map(([, , source]) => ({ source, theme: theme.light }));
const perDiagram: number[] = [];
const drawer = openDiagramDrawer();
try {
  await drawer.draw(requests);
  for (let run = 0; run < RUNS; run++) perDiagram.push((await timed(() => drawer.draw(requests))) / requests.length);
} finally {
  await drawer.close();
}
rmSync(work, { recursive: true, force: true });

const ms = (values: number[]): string => {
  const s = stats(values);
  return `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
};
console.log(`| ${DIAGRAM_KINDS.length} diagrams, ${RUNS} runs | median (min–max) |`);
console.log('|---|---|');
console.log(`| build, empty cache (Chromium started, Mermaid loaded, all drawn) | ${ms(cold)} |`);
console.log(`| rebuild from the cache (no browser) | ${ms(warm)} |`);
console.log(`| the same deck with the diagrams as plain code | ${ms(none)} |`);
console.log(`| drawing one diagram, browser already up | ${ms(perDiagram)} |`);
