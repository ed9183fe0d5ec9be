// `deckmark pptx [INPUT]`: builds each deck and writes an editable PowerPoint file beside it,
// `<out>/<slug>/<slug>.pptx` (or the given file), atomically. A browser only for Mermaid diagrams
// the cache lacks, display math and raw HTML parts (drawn as pictures).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeckError } from '../../model/deck-error.js';
import { buildDeck, type BuildOptions } from '../../build/build-deck.js';
import { pptxName, shownPath } from '../../build/deck-files.js';
import { writeIndex } from '../../build/build-site.js';
import { findDecks } from '../../build/find-decks.js';
import { writeFileAtomic } from '../../build/write-atomic.js';
import { defaultJobs, inParallel } from '../../build/build-pool.js';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../export/browser/launch.js';
import { openDiagramDrawer } from '../../export/diagrams.js';
import { drawMathPictures } from '../../export/math-pictures.js';
import { drawPartPictures } from '../../export/part-pictures.js';
import { renderPptx } from '../../export/pptx/write-pptx.js';
import type { PptxCommandOptions } from '../main.js';
import { folderFlags } from '../folder-flags.js';
import { log, printDiagnostics } from '../report.js';

export async function runPptx(input: string, flags: PptxCommandOptions): Promise<void> {
  const { jobs, shard } = folderFlags(flags);
  const decks = await findDecks(input, shard);
  const toFile = flags.out !== undefined && /\.pptx$/i.test(flags.out);
  if (toFile && decks.length > 1) throw new DeckError('usage', '-o FILE.pptx needs a single deck; give a folder with -o DIR for several');
  const outDir = toFile ? await mkdtemp(path.join(os.tmpdir(), 'deckmark-pptx-')) : path.resolve(flags.out ?? 'dist');
  // One browser, started only for diagrams the cache lacks, display math or raw HTML parts (drawn as pictures).
  let browser: Promise<Browser> | undefined;
  const sharedBrowser = (): Promise<Browser> => (browser ??= launchBrowser());
  const diagrams = openDiagramDrawer({ browser: sharedBrowser });
  const buildOptions: BuildOptions = {
    outDir,
    separator: flags.separator,
    verticalSeparator: flags.verticalSeparator,
    drawDiagrams: diagrams.draw,
  };
  try {
    // Several decks at once overlap their reading and writing; the slides themselves are laid out on this one thread.
    await inParallel(decks, jobs ?? defaultJobs(), async (file) => {
      const started = performance.now();
      // The page offers the file only once it exists (as for the PDF).
      const built = await buildDeck(file, buildOptions);
      printDiagnostics(built.diagnostics);
      const deckDir = path.dirname(built.output);
      const themeCss = await readFile(path.join(deckDir, 'assets', 'theme.css'), 'utf8').catch(() => '');
      const result = await renderPptx(built.deck, deckDir, themeCss, {
        drawMath: (formulas) => drawMathPictures(sharedBrowser, formulas),
        drawParts: (parts) => drawPartPictures(sharedBrowser, built.output, built.deck, parts),
      });
      printDiagnostics(result.diagnostics);
      const target = toFile ? path.resolve(flags.out!) : path.join(deckDir, pptxName(built.slug));
      await writeFileAtomic(target, Buffer.from(result.bytes));
      if (!toFile && built.manifest.pptx === undefined) await buildDeck(file, buildOptions); // now with the link
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const kb = Math.round((await stat(target)).size / 1024);
      if (!flags.quiet || result.diagnostics.length > 0)
        log(`wrote ${shownPath(target)} (${result.slides} slides, ${kb} kB, ${seconds} s)`);
    });
    if (!toFile) await writeIndex(outDir);
  } finally {
    await diagrams.close();
    await browser?.then((b) => b.close()).catch(() => undefined);
    if (toFile) await rm(outDir, { recursive: true, force: true });
  }
}
