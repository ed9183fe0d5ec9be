// The env object: the one channel between our markdown-it rules and the caller, per slide.
import type { Env } from 'markdown-it';
import type { AssetRef, Diagnostic, EmbedRef, ImageRef, LinkRef, VideoRef } from '../model/deck.js';
import { diagnostic } from '../model/diagnostic.js';
import type { VideoText } from './plugins/video/video-html.js';

/** What the caller's asset resolver says about a local file; `not-media`: --safe does not publish it (why: `reason`). */
export type AssetResolution = { url: string } | { problem: 'missing' | 'outside-project' } | { problem: 'not-media'; reason: string };

/** Maps a local path as written in the deck to the URL the built deck uses. */
export type AssetResolver = (src: string, kind: AssetRef['kind']) => AssetResolution;

/** markdown-it's env (which its own rules and markdown-it-footnote use too), with deckmark's fields. */
export interface SlideEnv extends Env {
  file?: string;
  /** 0-based file line of the parsed text's first line: token.map lines are relative to it. */
  line: number;
  /** Prefix that keeps footnote ids unique across the deck (read by markdown-it-footnote). */
  docId: string;
  /** Lists appear item by item (front matter `incremental`). */
  incremental: boolean;
  resolveAsset?: AssetResolver;
  /** English when absent. */
  videoText?: VideoText;
  /** True while the speaker notes after `Note:` are parsed: video links stay links there. */
  inNotes?: boolean;
  /** How the deck's TeX is read (see plugins/math.ts, mathReading): as written, or Markdown first. @defaultValue 'tex' */
  mathReading?: 'tex' | 'markdown';
  slideAttributes: Record<string, string>;
  /** Speaker notes from `::: notes` blocks, as HTML. */
  notes: string[];
  assets: AssetRef[];
  /** The pictures of the slide's body (media-links: Markdown images; html-assets: raw `<img>`). */
  images: ImageRef[];
  /** The raw HTML tags with no text form (html-assets). */
  embeds: EmbedRef[];
  links: LinkRef[];
  videos: VideoRef[];
  diagnostics: Diagnostic[];
}

export function createSlideEnv(
  init: Pick<SlideEnv, 'file' | 'line' | 'docId' | 'incremental' | 'resolveAsset' | 'videoText' | 'mathReading'>,
): SlideEnv {
  return { ...init, slideAttributes: {}, notes: [], assets: [], images: [], embeds: [], links: [], videos: [], diagnostics: [] };
}

/** 1-based file line of a block token's first line. */
export function fileLine(env: SlideEnv, map: [number, number] | null | undefined): number {
  return env.line + (map ? map[0] : 0) + 1;
}

export function warn(env: SlideEnv, code: string, message: string, line: number, severity: Diagnostic['severity'] = 'warning'): void {
  env.diagnostics.push(diagnostic(severity, code, message, { file: env.file, line }));
}

/**
 * The one way a rule uses a local file (a picture, a poster, a video, a background): records it
 * as an asset of the slide (`src` as the author wrote it, decoded) and asks the resolver for its
 * URL in the built deck. Returns that URL; undefined when nothing resolves (the deck is parsed
 * without a build: keep the reference as written); null when the file is refused, after
 * reporting it on `line` — `what` names it (`poster "still.jpg"`): a missing file is a warning
 * (missing-image or missing-video), one outside the project or not a picture or video an error.
 */
const MISSING_CODE = { image: 'missing-image', video: 'missing-video', page: 'missing-file' } as const;

export function useAsset(
  env: SlideEnv,
  src: string,
  kind: 'image' | 'video' | 'page',
  line: number,
  what = `${kind} "${src}"`,
): string | null | undefined {
  env.assets.push({ kind, src, line });
  const resolution = env.resolveAsset?.(src, kind);
  if (!resolution) return undefined;
  if ('url' in resolution) return resolution.url;
  if (resolution.problem === 'not-media') warn(env, 'unsafe-asset', `${what} ${resolution.reason}`, line, 'error');
  else if (resolution.problem === 'outside-project')
    warn(env, 'asset-outside-project', `${what} is outside the project folder and is not copied`, line, 'error');
  else warn(env, MISSING_CODE[kind], `${what} not found`, line);
  return null;
}
