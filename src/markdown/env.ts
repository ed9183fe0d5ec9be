// The env object: the one channel between our markdown-it rules and the caller, per slide.
import type { AssetRef, Diagnostic, LinkRef } from '../model/deck.js';

/** What the caller's asset resolver says about a local file. */
export type AssetResolution = { url: string } | { problem: 'missing' | 'outside-project' };

/** Maps a local path as written in the deck to the URL the built deck uses. */
export type AssetResolver = (src: string, kind: AssetRef['kind']) => AssetResolution;

export interface SlideEnv {
  file?: string;
  /** 0-based file line of the parsed text's first line: token.map lines are relative to it. */
  line: number;
  /** Prefix that keeps footnote ids unique across the deck (read by markdown-it-footnote). */
  docId: string;
  /** Lists appear item by item (front matter `incremental`). */
  incremental: boolean;
  resolveAsset?: AssetResolver;
  slideAttributes: Record<string, string>;
  /** Speaker notes from `::: notes` blocks, as HTML. */
  notes: string[];
  assets: AssetRef[];
  links: LinkRef[];
  diagnostics: Diagnostic[];
}

export function createSlideEnv(init: Pick<SlideEnv, 'file' | 'line' | 'docId' | 'incremental' | 'resolveAsset'>): SlideEnv {
  return { ...init, slideAttributes: {}, notes: [], assets: [], links: [], diagnostics: [] };
}

/** 1-based file line of a block token's first line. */
export function fileLine(env: SlideEnv, map: [number, number] | null | undefined): number {
  return env.line + (map ? map[0] : 0) + 1;
}

export function warn(env: SlideEnv, code: string, message: string, line: number, severity: Diagnostic['severity'] = 'warning'): void {
  env.diagnostics.push({ severity, code, message, file: env.file, line, column: 1 });
}
