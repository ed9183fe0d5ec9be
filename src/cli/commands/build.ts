// `deckmark build [INPUT]`: decks to HTML in the output folder.
import path from 'node:path';
import { buildSite } from '../../build/build-site.js';
import { shownPath } from '../../build/build-deck.js';
import { log, printDiagnostics } from '../report.js';

export interface BuildCommandOptions {
  out: string;
  singleFile?: boolean;
  strict?: boolean;
  separator?: string;
  verticalSeparator?: string;
}

export async function runBuild(input: string, options: BuildCommandOptions): Promise<void> {
  const started = performance.now();
  const outDir = path.resolve(options.out);
  const built = await buildSite(input, { ...options, outDir }, (deck) => {
    printDiagnostics(deck.diagnostics);
    log(`built ${shownPath(deck.output)} (${deck.manifest.slideCount} slides)`);
  });
  const ms = Math.round(performance.now() - started);
  log(`${built.length} deck${built.length === 1 ? '' : 's'} in ${ms} ms → ${shownPath(outDir)}`);
}
