// Where the test data that lives outside the repository is: `<repo>/../shared/` (the reveal.js
// corpus, the seed). A fresh clone has none: its tests are skipped with one line saying why,
// unless DECKMARK_REQUIRE_CORPUS is set (as `.ci/run` does), which makes its absence an error.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './cli.js';

export const CORPUS_DECKS = path.resolve(REPO, '../shared/corpus/decks');

/** True when the corpus is beside the repository; says once why its tests are skipped when not. */
export function corpusAvailable(): boolean {
  if (existsSync(CORPUS_DECKS)) return true;
  if (process.env.DECKMARK_REQUIRE_CORPUS) {
    throw new Error(`the corpus is missing: ${CORPUS_DECKS} (DECKMARK_REQUIRE_CORPUS is set, as in CI)`);
  }
  console.log(`skipped: the corpus tests need ${CORPUS_DECKS}, which is not beside this clone`);
  return false;
}
