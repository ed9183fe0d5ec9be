// `deckmark new NAME`: a starter deck in slides/ from the template.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DeckError } from '../../model/deck-error.js';
import { shownPath } from '../../build/deck-files.js';
import { TEMPLATES_DIR } from '../../build/paths.js';
import { writeFileAtomic } from '../../build/write-atomic.js';
import type { NewCommandOptions } from '../main.js';
import { log } from '../report.js';

export async function runNew(name: string, options: NewCommandOptions): Promise<void> {
  const slug = name.replace(/\.md$/i, '');
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._ -]*$/u.test(slug)) {
    throw new DeckError('usage', `"${name}" is not a usable deck name: use letters, digits, dashes and dots`);
  }
  const file = path.resolve(options.dir, `${slug}.md`);
  if (existsSync(file)) throw new DeckError('usage', `${shownPath(file)} already exists`, { file: shownPath(file) });
  const title = slug.replace(/[-_]+/g, ' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const template = await readFile(path.join(TEMPLATES_DIR, 'new-deck.md'), 'utf8');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, template.replaceAll('{{title}}', title).replaceAll('{{date}}', new Date().toISOString().slice(0, 10)));
  log(`created ${shownPath(file)} — build it with: deckmark build ${shownPath(file)}`);
}
