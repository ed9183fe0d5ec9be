// A watcher event can come while an editor is still saving: between truncating the file and
// writing it (vitejs/vite#610 saw empty reads), or between moving the old file away and putting
// the new one in place. The dev server builds as soon as a save is seen, so before it reads a
// deck file that is empty or missing it waits a little for the editor to finish.
import { stat } from 'node:fs/promises';

const POLL_MS = 10;
const POLLS = 10;

/** How the file is now: undefined when it is missing or empty, else its version. */
async function written(file: string): Promise<string | undefined> {
  try {
    const s = await stat(file);
    return s.size > 0 ? `${s.ino}:${s.size}:${s.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves at once for a file with content; for an empty or missing one, once it has content
 * or after ~100 ms, when it is taken to be empty or deleted on purpose.
 */
export async function untilWritten(file: string): Promise<void> {
  for (let i = 0; i < POLLS && (await written(file)) === undefined; i++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
