// Writing outputs so that a failure never leaves a half-written file or folder in place:
// everything goes to a temporary name first and is renamed when complete.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeckError } from '../model/deck-error.js';

/** File contents, or the path of a file to copy. */
export type OutputFile = string | Buffer | { copyFrom: string };

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.tmp-${randomBytes(4).toString('hex')}`);
}

function unwritable(target: string, error: unknown): DeckError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new DeckError('output-unwritable', `cannot write ${target} (${reason})`, { file: target });
}

async function writeOne(file: string, content: OutputFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (typeof content === 'object' && 'copyFrom' in content) await copyFile(content.copyFrom, file);
  else await writeFile(file, content);
}

/** Writes one file atomically. */
export async function writeFileAtomic(target: string, content: OutputFile): Promise<void> {
  const temp = tempName(target);
  try {
    await writeOne(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw unwritable(target, error);
  }
}

/**
 * Writes a folder atomically: built beside the target, then swapped in. Files named in
 * `keep` that the old folder has (such as an exported PDF) are carried over.
 */
export async function writeFolderAtomic(target: string, files: Map<string, OutputFile>, keep: string[] = []): Promise<void> {
  const temp = tempName(target);
  const old = tempName(target);
  try {
    await mkdir(temp, { recursive: true });
    await Promise.all([...files].map(([rel, content]) => writeOne(path.join(temp, rel), content)));
    for (const name of keep) {
      if (!files.has(name)) await copyFile(path.join(target, name), path.join(temp, name)).catch(() => undefined);
    }
    await rename(target, old).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw unwritable(target, error);
  } finally {
    await rm(old, { recursive: true, force: true });
  }
}
