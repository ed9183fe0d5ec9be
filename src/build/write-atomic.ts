// Writing outputs so that a failure never leaves a half-written file or folder in place:
// everything goes to a temporary name first and is renamed when complete. A folder is swapped
// in three renames (complete → `.ready`, old → `.old`, `.ready` → target), so that a kill at
// any instant leaves the old or the new folder under one of those names; the next run puts it
// back (recoverFolder) and removes what killed runs left.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { copyFile, cp, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeckError } from '../model/deck-error.js';
import { madeByDeadProcess, tempTag } from './stale-temps.js';

/**
 * File contents, or the path of a file to copy. `link`: the file is deckmark's own (its runtime,
 * the themes' fonts), never changed in place, so a hard link to it serves instead of a copy —
 * creating files is most of a folder build's time (200 decks: ~14,000 font and script copies).
 */
export type OutputFile = string | Buffer | { copyFrom: string; link?: boolean };

/** `tmp`: being written; `ready`: complete, about to replace the target; `old`: the target it replaced. */
type TempKind = 'tmp' | 'ready' | 'old';

function tempName(target: string, kind: TempKind = 'tmp', tag = tempTag()): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${kind}-${tag}`);
}

/** A temporary's name: `.<target name>.<kind>-<pid>-<hex>` (or `-<hex>`, from older versions). */
const TEMP_NAME = /^\.(.+)\.(tmp|ready|old)-((?:\d+-)?[0-9a-f]{8})$/;

/** The temporaries in `dir` that killed runs left (for the target named `only`, or any). */
async function staleTemps(dir: string, only?: string): Promise<{ name: string; target: string; kind: TempKind }[]> {
  const names = await readdir(dir).catch(() => []);
  return names.flatMap((name) => {
    const m = TEMP_NAME.exec(name);
    if (!m || (only !== undefined && m[1] !== only) || madeByDeadProcess(m[3]) === false) return [];
    return [{ name, target: m[1], kind: m[2] as TempKind }];
  });
}

/** Removes the temporaries killed runs left in `dir` and the folders below it. */
async function removeStaleTemps(dir: string): Promise<void> {
  for (const temp of await staleTemps(dir)) await rm(path.join(dir, temp.name), { recursive: true, force: true });
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await removeStaleTemps(path.join(dir, e.name));
}

/** What this process last wrote into each folder: relative path → a signature of its content. */
const written = new Map<string, Map<string, string>>();

/**
 * Undoes what a killed run left of `target` (a file or folder): a folder killed mid-swap is put
 * back — the complete new one (`.ready`) if there is one, else the old one — then the other
 * temporaries of killed runs, beside it and inside it, are removed. Cheap when there are none.
 */
export async function recoverFolder(target: string): Promise<void> {
  // Written by this process, so recovered before: the dev server's rebuilds skip the scan.
  if (written.has(target)) return;
  const dir = path.dirname(target);
  const temps = await staleTemps(dir, path.basename(target));
  if (!existsSync(target)) {
    const newest = async (kind: TempKind): Promise<string | undefined> => {
      const found = await Promise.all(
        temps.filter((t) => t.kind === kind).map(async (t) => ({ name: t.name, mtime: (await stat(path.join(dir, t.name))).mtimeMs })),
      );
      return found.sort((a, b) => b.mtime - a.mtime)[0]?.name;
    };
    const back = (await newest('ready')) ?? (await newest('old'));
    if (back) await rename(path.join(dir, back), target);
  }
  for (const temp of temps) await rm(path.join(dir, temp.name), { recursive: true, force: true });
  if (existsSync(target) && (await stat(target)).isDirectory()) await removeStaleTemps(target);
}

/** Removes what killed runs left in an output folder's top level (the index page's temporaries). */
export async function removeStaleFiles(dir: string, name: string): Promise<void> {
  for (const temp of await staleTemps(dir, name)) await rm(path.join(dir, temp.name), { recursive: true, force: true });
}

function unwritable(target: string, error: unknown): DeckError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new DeckError('output-unwritable', `cannot write ${target} (${reason})`, { file: target });
}

async function writeOne(file: string, content: OutputFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (typeof content === 'object' && 'copyFrom' in content) {
    const copy = () => copyFile(content.copyFrom, file);
    // Another file system, or one without hard links: a copy — never through a link left by the
    // failed attempt, which would write into deckmark's own file.
    if (content.link) await link(content.copyFrom, file).catch(() => rm(file, { force: true }).then(copy));
    else await copy();
  } else await writeFile(file, content);
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

/** What tells one version of an output file from another: its content's hash, or the copied file's path and stamp. */
export function contentSignature(content: OutputFile): string {
  if (typeof content === 'object' && 'copyFrom' in content) {
    const info = statSync(content.copyFrom);
    return `copy:${content.copyFrom}:${info.size}:${info.mtimeMs}`;
  }
  return `data:${createHash('sha1').update(content).digest('base64')}`;
}

/**
 * Writes a folder atomically: built beside the target, then swapped in. Files named in
 * `keep` that the old folder has (such as an exported PDF or the PNGs' folder) are carried over.
 */
async function replaceFolder(target: string, files: Map<string, OutputFile>, keep: string[]): Promise<void> {
  const tag = tempTag();
  const temp = tempName(target, 'tmp', tag);
  const ready = tempName(target, 'ready', tag);
  const old = tempName(target, 'old', tag);
  try {
    await mkdir(temp, { recursive: true });
    await Promise.all([...files].map(([rel, content]) => writeOne(path.join(temp, rel), content)));
    for (const name of keep) {
      // A kept folder (the PNG export's `png/`) is copied whole.
      if (!files.has(name)) await cp(path.join(target, name), path.join(temp, name), { recursive: true }).catch(() => undefined);
    }
    await rename(temp, ready); // complete: from here on, a killed run's next start puts it in place
    await rename(target, old).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rename(ready, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    await rm(ready, { recursive: true, force: true }).catch(() => undefined);
    if (!existsSync(target)) await rename(old, target).catch(() => undefined);
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
  const write = (rels: string[]) => Promise.all(rels.map((rel) => writeFileAtomic(path.join(target, rel), files.get(rel)!)));
  await write(changed.filter((r) => !r.endsWith('.html')));
  await write(pages);
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
  const after = new Map([...files].map(([rel, content]) => [rel, contentSignature(content)]));
  const before = written.get(target);
  written.delete(target);
  if (!before) await recoverFolder(target);
  if (before && existsSync(target)) await updateFolder(target, files, before, after, keep);
  else await replaceFolder(target, files, keep);
  written.set(target, after);
}
