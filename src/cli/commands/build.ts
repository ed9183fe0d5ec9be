// `deckmark build [INPUT]`: the API's buildDeck, printing each deck's problems and where it went.
import { shownPath } from '../../build/deck-files.js';
import { buildDeck } from '../../api/build.js';
import type { BuildCommandOptions } from '../main.js';
import { folderFlags } from '../folder-flags.js';
import { log, printDiagnostics } from '../report.js';

export async function runBuild(input: string, options: BuildCommandOptions): Promise<void> {
  const started = performance.now();
  const { outDir, decks } = await buildDeck(input, {
    ...options,
    ...folderFlags(options),
    log,
    onDeck: (deck) => {
      printDiagnostics(deck.diagnostics);
      log(`built ${shownPath(deck.output)} (${deck.slideCount} slides)`);
    },
  });
  const ms = Math.round(performance.now() - started);
  log(`${decks.length} deck${decks.length === 1 ? '' : 's'} in ${ms} ms → ${shownPath(outDir)}`);
}
