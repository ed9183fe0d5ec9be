// `deckmark png [INPUT]`: builds each deck and writes one PNG per slide, from the PDF's print
// view, to `<out>/<slug>/png/01.png …` (the folder swapped in whole, so it never mixes two runs).
import path from 'node:path';
import { buildDeck, type BuildOptions } from '../../build/build-deck.js';
import { PNG_FOLDER, shownPath } from '../../build/deck-files.js';
import { writeIndex } from '../../build/build-site.js';
import { findDecks } from '../../build/find-decks.js';
import { writeFolderAtomic, type OutputFile } from '../../build/write-atomic.js';
import { defaultJobs, inParallel } from '../../build/build-pool.js';
import { launchBrowser } from '../../export/browser/launch.js';
import { openDiagramDrawer } from '../../export/diagrams.js';
import { renderPngs } from '../../export/render-png.js';
import type { PngCommandOptions } from '../main.js';
import { folderFlags } from '../folder-flags.js';
import { log, printDiagnostics } from '../report.js';

/** `01.png`, `02.png` … padded to the width of the last number, so the names sort as the slides do. */
export function pngNames(count: number): string[] {
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => `${String(i + 1).padStart(width, '0')}.png`);
}

export async function runPng(input: string, flags: PngCommandOptions): Promise<void> {
  const scale = Number(flags.scale);
  const { jobs, shard } = folderFlags(flags);
  const decks = await findDecks(input, shard);
  const outDir = path.resolve(flags.out);
  const buildOptions: BuildOptions = { outDir, separator: flags.separator, verticalSeparator: flags.verticalSeparator };
  const progress = !flags.quiet && process.stderr.isTTY;
  const launching = launchBrowser({ browserWsEndpoint: flags.browserWsEndpoint });
  launching.catch(() => undefined); // awaited below; a build error may come first
  buildOptions.drawDiagrams = openDiagramDrawer({ browser: () => launching, browserWsEndpoint: flags.browserWsEndpoint }).draw; // Mermaid diagrams in the same browser
  try {
    await inParallel(decks, jobs ?? defaultJobs(), async (file) => {
      const started = performance.now();
      const built = await buildDeck(file, buildOptions);
      printDiagnostics(built.diagnostics);
      const browser = await launching;
      const showSteps = progress && built.manifest.slideCount > 20;
      const result = await renderPngs(browser, built.output, built.deck, { scale, fragments: flags.fragments ?? false }, (done, total) => {
        if (showSteps) process.stderr.write(`\r\x1b[K${built.slug}: image ${done + 1}/${total}…`);
      });
      if (showSteps) process.stderr.write('\r\x1b[K');
      printDiagnostics(result.diagnostics);
      const names = pngNames(result.images.length);
      const files = new Map<string, OutputFile>(names.map((name, i) => [name, Buffer.from(result.images[i])]));
      const target = path.join(outDir, built.slug, PNG_FOLDER);
      await writeFolderAtomic(target, files);
      const { width, height } = built.deck.meta.size;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`wrote ${shownPath(target)}/ (${names.length} images, ${width * scale}×${height * scale} px, ${seconds} s)`);
    });
    await writeIndex(outDir);
  } finally {
    await launching.then((browser) => browser.close()).catch(() => undefined);
  }
}
