// Where deckmark keeps what it can make again (highlighted code, subset fonts): the project's
// `node_modules/.cache/deckmark`, as other build tools do, else the temp folder.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function deckmarkCacheDir(projectRoot: string): string {
  return (
    process.env.DECKMARK_CACHE_DIR ??
    (existsSync(path.join(projectRoot, 'node_modules'))
      ? path.join(projectRoot, 'node_modules/.cache/deckmark')
      : path.join(os.tmpdir(), 'deckmark-cache'))
  );
}
