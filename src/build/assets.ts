// Local files a deck uses: resolved next to the deck, refused outside the project, and
// named by content hash in the output (or inlined as data URLs for a single-file deck).
// With --safe only images and videos are published, known by their content, not their name.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AssetResolution, AssetResolver } from '../markdown/env.js';
import { mimeType } from './mime-types.js';
import { isInside } from './project-root.js';
import { looksLikeSvg, unsafeSvgReason } from './safe-svg.js';

export function contentHash(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/** The output name of an asset: its name with a content hash, under `assets/`. */
function hashedName(file: string, data: Buffer): string {
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
  /** With --safe: files resolved whose content is not known yet. Parse again after {@link inspect}. */
  uninspected(): number;
  /** Reads what those files are (image, video, or something else). */
  inspect(): Promise<void>;
}

/** What --safe found a file to be: a medium to publish (as this extension), or why not. */
type Inspection = { ext: string; mime: string } | { refused: string };

/** What a file is, by its content: an image or a video, a safe SVG, or why it is refused. */
async function inspectFile(file: string): Promise<Inspection> {
  const data = readFileSync(file);
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(data);
  if (type && /^(image|video)\//.test(type.mime)) return { ext: type.ext, mime: type.mime };
  // SVG is XML text: file-type says `application/xml` or nothing.
  const text = !type || type.mime === 'application/xml' ? data.toString('utf8') : undefined;
  if (text !== undefined && looksLikeSvg(text.slice(0, 4096))) {
    const reason = unsafeSvgReason(text);
    return reason ? { refused: `is an SVG that --safe does not publish: ${reason}` } : { ext: 'svg', mime: 'image/svg+xml' };
  }
  const what = type ? `${type.mime} data` : /[\u0000-\u0008\u000e-\u001f]/.test(text!.slice(0, 4096)) ? 'unknown data' : 'text';
  return { refused: `is not an image or video (its content is ${what}); --safe publishes only images and videos` };
}

/**
 * Resolves a deck's local files. With `safe`, a file is published only once {@link
 * AssetCollector.inspect} has found it to be an image or a video (named by what it is: a PNG
 * called `x.html` becomes `x-<hash>.png`), and until then resolves to a placeholder.
 */
export function createAssetCollector(deckFile: string, projectRoot: string, inline: boolean, safe = false): AssetCollector {
  const deckDir = path.dirname(path.resolve(deckFile));
  const root = realpathSync(projectRoot);
  const files = new Map<string, string>();
  const cache = new Map<string, AssetResolution>();
  const inspections = new Map<string, Inspection>();
  const pending = new Set<string>();
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
    const inspection = real && safe ? inspections.get(real) : undefined;
    // Missing first: refusing files outside the project is about not copying what is there.
    if (!real || !statSync(real).isFile()) result = { problem: 'missing' };
    else if (!isInside(root, real)) result = { problem: 'outside-project' };
    else if (safe && !inspection) {
      pending.add(real);
      return { url: '' }; // not cached: the parse after inspect() resolves it for real
    } else if (inspection && 'refused' in inspection) result = { problem: 'not-media', reason: inspection.refused };
    else {
      const data = readFileSync(real);
      const named = inspection ? `${real.slice(0, real.length - path.extname(real).length)}.${inspection.ext}` : real;
      if (inline) result = { url: `data:${inspection?.mime ?? mimeType(real)};base64,${data.toString('base64')}` };
      else {
        const name = hashedName(named, data);
        files.set(name, real);
        result = { url: name };
      }
    }
    cache.set(src, result);
    return result;
  };
  const inspect = async (): Promise<void> => {
    for (const file of pending) inspections.set(file, await inspectFile(file));
    pending.clear();
  };
  return { resolve, files, uninspected: () => pending.size, inspect };
}
