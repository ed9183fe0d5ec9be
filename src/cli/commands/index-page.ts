// `deckmark index DIR`: the gallery page of the decks built into DIR, rewritten from their
// deck.json files (after the shards of a matrix build are merged into one folder).
import { shownPath } from '../../build/deck-files.js';
import { buildIndex } from '../../api/build.js';
import { log } from '../report.js';

export async function runIndex(dir: string): Promise<void> {
  const listed = await buildIndex(dir);
  log(`wrote ${shownPath(`${dir}/index.html`)} (${listed} deck${listed === 1 ? '' : 's'})`);
}
