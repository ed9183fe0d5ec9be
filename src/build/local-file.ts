// Reading a file a deck names (a theme, a stylesheet, a font it uses): only a regular file
// inside the folders allowed, and only up to a size limit, so a deck cannot publish
// /proc/self/environ or read /dev/zero until the process runs out of memory.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isInside } from './project-root.js';

export type LocalFileProblem = 'missing' | 'outside-project' | 'folder' | 'not-a-file' | 'too-large';

export type LocalFile = { data: Buffer; real: string } | { problem: LocalFileProblem };

/** What a problem means, after the file's name: `style.css` + ` is a folder`. */
export function describeProblem(problem: LocalFileProblem, maxBytes: number): string {
  return {
    missing: ' not found',
    'outside-project': ' is outside the project folder',
    folder: ' is a folder, not a file',
    'not-a-file': ' is not a regular file (a device, a pipe or a socket)',
    'too-large': ` is larger than ${maxBytes / 1024 / 1024} MB`,
  }[problem];
}

function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Where `file` really is, when (symlinks followed) it is a regular file under one of `roots` of at most `maxBytes`. */
export function checkLocalFile(file: string, roots: readonly string[], maxBytes: number): { real: string } | { problem: LocalFileProblem } {
  const real = realOrUndefined(file);
  if (!real) return { problem: 'missing' };
  if (!roots.some((root) => isInside(realOrUndefined(root) ?? root, real))) return { problem: 'outside-project' };
  const stat = statSync(real);
  if (stat.isDirectory()) return { problem: 'folder' };
  if (!stat.isFile()) return { problem: 'not-a-file' };
  if (stat.size > maxBytes) return { problem: 'too-large' };
  return { real };
}

/** Reads `file` when {@link checkLocalFile} accepts it; never more than `maxBytes` + 1 bytes. */
export function readLocalFile(file: string, roots: readonly string[], maxBytes: number): LocalFile {
  const checked = checkLocalFile(file, roots, maxBytes);
  if ('problem' in checked) return checked;
  // O_NONBLOCK: were it swapped for a pipe since, opening it must not wait for a writer.
  const fd = openSync(checked.real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return { problem: 'not-a-file' };
    // A file that grew since it was checked is still refused, not read whole.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) return { problem: 'too-large' };
    }
    return { data: Buffer.concat(chunks, length), real: checked.real };
  } finally {
    closeSync(fd);
  }
}
