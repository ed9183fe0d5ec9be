// A watcher event can come while an editor is still saving: between truncating the file and
// writing it (vitejs/vite#610 saw empty reads), or between moving the old file away and putting
// the new one in place. The dev server builds as soon as a save is seen, so before it reads a
// deck file that is empty or missing it waits a little for the editor to finish.
import { stat } from 'node:fs/promises';

const POLL_MS = 10;
const POLLS = 10;

/** False while the file is missing or empty. */
async function hasContent(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}

/**
 * Resolves at once for a file with content; for an empty or missing one, once it has content
 * or after ~100 ms, when it is taken to be empty or deleted on purpose.
 */
export async function untilWritten(file: string): Promise<void> {
  for (let i = 0; i < POLLS && !(await hasContent(file)); i++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
