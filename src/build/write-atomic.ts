// Writing outputs so that a failure never leaves a half-written file or folder in place:
// everything goes to a temporary name first and is renamed when complete.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
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
    await rm(temp, { force: true }).catch(() => undefined);
    throw unwritable(target, error);
  }
}

/** What this process last wrote into each folder: relative path → a signature of its content. */
const written = new Map<string, Map<string, string>>();

function signature(content: OutputFile): string {
  if (typeof content === 'object' && 'copyFrom' in content) {
    const info = statSync(content.copyFrom);
    return `copy:${content.copyFrom}:${info.size}:${info.mtimeMs}`;
  }
  return `data:${createHash('sha1').update(content).digest('base64')}`;
}

/**
 * Writes a folder atomically: built beside the target, then swapped in. Files named in
 * `keep` that the old folder has (such as an exported PDF) are carried over.
 */
async function replaceFolder(target: string, files: Map<string, OutputFile>, keep: string[]): Promise<void> {
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
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw unwritable(target, error);
  } finally {
    // Cleaning up must not hide the error: under a path that is a file, even rm fails (ENOTDIR).
    await rm(old, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Updates a folder this process wrote before: only the files that changed, each atomically,
 * assets before the pages that use them, then files no longer used are removed.
 */
async function updateFolder(
  target: string,
  files: Map<string, OutputFile>,
  before: Map<string, string>,
  after: Map<string, string>,
  keep: string[],
): Promise<void> {
  const changed = [...files.keys()].filter((rel) => before.get(rel) !== after.get(rel) || !existsSync(path.join(target, rel)));
  const pages = changed.filter((rel) => rel.endsWith('.html'));
  for (const rel of [...changed.filter((r) => !r.endsWith('.html')), ...pages])
    await writeFileAtomic(path.join(target, rel), files.get(rel)!);
  for (const rel of before.keys()) {
    if (!files.has(rel) && !keep.includes(rel)) await rm(path.join(target, rel), { force: true });
  }
}

/**
 * Writes the folder `target` so that it holds exactly `files` (plus the `keep` files it has).
 * The first time, the whole folder is built aside and swapped in; later writes by the same
 * process (the dev server's rebuilds) change only the files whose content changed.
 */
export async function writeFolderAtomic(target: string, files: Map<string, OutputFile>, keep: string[] = []): Promise<void> {
  const after = new Map([...files].map(([rel, content]) => [rel, signature(content)]));
  const before = written.get(target);
  written.delete(target);
  if (before && existsSync(target)) await updateFolder(target, files, before, after, keep);
  else await replaceFolder(target, files, keep);
  written.set(target, after);
}
