// Local files a deck uses: resolved next to the deck, refused outside the project, and
// named by content hash in the output (or inlined as data URLs for a single-file deck).
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AssetResolution, AssetResolver } from '../markdown/env.js';
import { isInside } from './project-root.js';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.css': 'text/css',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function contentHash(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/** The output name of an asset: its name with a content hash, under `assets/`. */
export function hashedName(file: string, data: Buffer): string {
  const ext = path.extname(file);
  const base =
    path
      .basename(file, ext)
      .replace(/[^\w.-]+/g, '-')
      .slice(0, 40) || 'asset';
  return `assets/${base}-${contentHash(data)}${ext.toLowerCase()}`;
}

export interface AssetCollector {
  resolve: AssetResolver;
  /** Output path (relative to the deck's folder) → source file. */
  files: Map<string, string>;
}

export function createAssetCollector(deckFile: string, projectRoot: string, inline: boolean): AssetCollector {
  const deckDir = path.dirname(path.resolve(deckFile));
  const root = realpathSync(projectRoot);
  const files = new Map<string, string>();
  const cache = new Map<string, AssetResolution>();
  const resolve: AssetResolver = (src) => {
    const cached = cache.get(src);
    if (cached) return cached;
    let result: AssetResolution;
    const file = path.resolve(deckDir, src);
    let real: string | undefined;
    try {
      real = realpathSync(file);
    } catch {
      real = undefined;
    }
    // Missing first: refusing files outside the project is about not copying what is there.
    if (!real || !statSync(real).isFile()) result = { problem: 'missing' };
    else if (!isInside(root, real)) result = { problem: 'outside-project' };
    else {
      const data = readFileSync(real);
      if (inline) result = { url: `data:${mimeType(real)};base64,${data.toString('base64')}` };
      else {
        const name = hashedName(real, data);
        files.set(name, real);
        result = { url: name };
      }
    }
    cache.set(src, result);
    return result;
  };
  return { resolve, files };
}
