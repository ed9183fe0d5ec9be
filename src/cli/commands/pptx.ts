// `deckmark pptx [INPUT]`: builds each deck and writes an editable PowerPoint file beside it,
// `<out>/<slug>/<slug>.pptx` (or the given file), atomically. No browser.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeckError } from '../../model/deck-error.js';
import { buildDeck, type BuildOptions } from '../../build/build-deck.js';
import { pptxName, shownPath } from '../../build/deck-files.js';
import { writeIndex } from '../../build/build-site.js';
import { findDecks } from '../../build/find-decks.js';
import { writeFileAtomic } from '../../build/write-atomic.js';
import { renderPptx } from '../../export/pptx/write-pptx.js';
import type { PptxCommandOptions } from '../main.js';
import { log, printDiagnostics } from '../report.js';

export async function runPptx(input: string, flags: PptxCommandOptions): Promise<void> {
  const decks = await findDecks(input);
  const toFile = flags.out !== undefined && /\.pptx$/i.test(flags.out);
  if (toFile && decks.length > 1) throw new DeckError('usage', '-o FILE.pptx needs a single deck; give a folder with -o DIR for several');
  const outDir = toFile ? await mkdtemp(path.join(os.tmpdir(), 'deckmark-pptx-')) : path.resolve(flags.out ?? 'dist');
  const buildOptions: BuildOptions = { outDir, separator: flags.separator, verticalSeparator: flags.verticalSeparator };
  try {
    for (const file of decks) {
      const started = performance.now();
      // The page offers the file only once it exists (as for the PDF).
      let built = await buildDeck(file, buildOptions);
      printDiagnostics(built.diagnostics);
      const deckDir = path.dirname(built.output);
      const themeCss = await readFile(path.join(deckDir, 'assets', 'theme.css'), 'utf8').catch(() => '');
      const result = await renderPptx(built.deck, deckDir, themeCss);
      printDiagnostics(result.diagnostics);
      const target = toFile ? path.resolve(flags.out!) : path.join(deckDir, pptxName(built.slug));
      await writeFileAtomic(target, Buffer.from(result.bytes));
      if (!toFile && built.manifest.pptx === undefined) built = await buildDeck(file, buildOptions); // now with the link
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const kb = Math.round((await stat(target)).size / 1024);
      if (!flags.quiet || result.diagnostics.length > 0)
        log(`wrote ${shownPath(target)} (${result.slides} slides, ${kb} kB, ${seconds} s)`);
    }
    if (!toFile) await writeIndex(outDir);
  } finally {
    if (toFile) await rm(outDir, { recursive: true, force: true });
  }
}
