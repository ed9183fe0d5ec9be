// Maps a request's URL to a file inside the served folder, refusing every way of climbing out.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../build/project-root.js';

export type ResolvedPath =
  | { file: string; size: number; mtimeMs: number }
  /** A folder asked for without its trailing slash: relative links in its index.html need one. */
  | { redirect: string }
  | { status: 400 | 403 | 404 };

/** Follows symlinks; undefined when nothing is there. */
async function realFile(file: string): Promise<string | undefined> {
  try {
    return await realpath(file);
  } catch {
    return undefined;
  }
}

/**
 * Resolves `rawUrl` (the request target exactly as sent) against `root`, which must already be
 * a real path. Checked on the raw text first, because an encoded `/` or `\` or a NUL byte
 * never names one of our files, then on the decoded segments, then once more after following
 * symlinks, so a link inside the folder cannot lend out a file outside it.
 */
export async function resolveRequestPath(root: string, rawUrl: string): Promise<ResolvedPath> {
  // Only origin-form targets (`/path`): absolute-form and `*` have no business with a dev server.
  if (!rawUrl.startsWith('/')) return { status: 403 };
  const queryAt = rawUrl.search(/[?#]/);
  const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
  if (/%(2f|5c|00)/i.test(rawPath) || rawPath.includes('\\') || rawPath.includes('\0')) return { status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.includes('\0'))) return { status: 403 };
  // Dot names are the build's temporary folders (and nothing a deck links to).
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };

  const wanted = path.join(root, ...segments);
  if (!isInside(root, wanted)) return { status: 403 };
  let real = await realFile(wanted);
  if (!real) return { status: 404 };
  if (!isInside(root, real)) return { status: 403 };
  let info = await stat(real);
  if (info.isDirectory()) {
    // Rebuilt from the segments: echoing the raw path could redirect `//host` to another site.
    const query = queryAt < 0 ? '' : rawUrl.slice(queryAt);
    if (!rawPath.endsWith('/')) return { redirect: `/${segments.map(encodeURIComponent).join('/')}/${query}` };
    real = await realFile(path.join(real, 'index.html'));
    if (!real) return { status: 404 };
    if (!isInside(root, real)) return { status: 403 };
    info = await stat(real);
  }
  if (!info.isFile()) return { status: 404 };
  return { file: real, size: info.size, mtimeMs: info.mtimeMs };
}
