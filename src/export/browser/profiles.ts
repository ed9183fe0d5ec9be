// Fresh browser profile folders, and the ones killed runs left behind.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { madeByDeadProcess } from '../../build/stale-temps.js';

const PROFILE_PREFIX = 'deckmark-chrome-';
/** Profiles of versions that did not name the process: stale when untouched for this long. */
const UNNAMED_PROFILE_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the browser profiles that killed runs left in the temp folder (a SIGKILL runs no
 * clean-up): those of processes that are gone, and old ones from before profiles named theirs.
 */
async function removeStaleProfiles(): Promise<void> {
  const tmp = os.tmpdir();
  const names = (await readdir(tmp).catch(() => [])).filter((n) => n.startsWith(PROFILE_PREFIX));
  for (const name of names) {
    const dead = madeByDeadProcess(name.slice(PROFILE_PREFIX.length));
    const stale =
      dead ??
      (await stat(path.join(tmp, name)).then(
        (s) => Date.now() - s.mtimeMs > UNNAMED_PROFILE_AGE_MS,
        () => false,
      ));
    if (stale) await rm(path.join(tmp, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/** A new empty profile folder named after this process, after removing stale ones. */
export async function newProfileDir(): Promise<string> {
  await removeStaleProfiles();
  return mkdtemp(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
}
