// Mermaid diagrams at build time: drawn SVG cached on disk by content (the diagram's source, the
// Mermaid theme made from the deck's theme, Mermaid's version), so a rebuild starts no browser.
// The drawing itself is passed in (src/export/diagrams.ts: Mermaid in headless Chromium); the
// build only asks for what the cache lacks, once per deck, and parses again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DiagramLookup, DrawnDiagram } from '../markdown/plugins/mermaid.js';
import { deckmarkCacheDir } from './cache-dir.js';
import type { DiagramTheme, MermaidTheme } from './diagram-theme.js';
import { unsafeSvgReason } from './safe-svg.js';
import { readEntries, writeEntries } from './entries-file.js';

/** Bump when what the drawer makes of a diagram changes, so old cache entries are not used. */
const FORMAT = 'mermaid-svg-3';
const MAX_ENTRIES = 500;

/** A deck holds a ```mermaid (or ~~~mermaid) fence: only then is its theme read and a browser asked for. */
export const MERMAID_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*mermaid\b/m;

export interface DiagramRequest {
  source: string;
  theme: MermaidTheme;
}

/**
 * The drawer's answer for one diagram: its drawing, or Mermaid's message when the source does not
 * parse; `retry` when the failure may not happen next time (Mermaid stopped, a busy machine), so it is not cached.
 */
export type DrawnOrError = DrawnDiagram | { error: string; retry?: boolean };

/** Draws diagrams, each answer in the order asked; `unavailable` (one line) when none can be drawn here, e.g. no browser. */
export type DiagramDrawer = (requests: DiagramRequest[]) => Promise<DrawnOrError[] | { unavailable: string }>;

/** Where Mermaid is installed, and its version (part of each cache key). */
export function mermaidPackage(): { dir: string; version: string } {
  const file = createRequire(import.meta.url).resolve('mermaid/package.json');
  return { dir: path.dirname(file), version: (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version };
}

interface Miss {
  request: DiagramRequest;
  line: number;
}

export interface DiagramCache {
  /** The synchronous lookup markdown-it calls: cached drawings only, misses recorded. */
  lookup: DiagramLookup;
  /** Draws from now on in this theme, forgetting earlier misses (none are recorded before). */
  useTheme(theme: DiagramTheme): void;
  /** The diagrams the last parse asked for that the cache lacks (with the first fence's line). */
  misses(): Miss[];
  /**
   * Draws the misses with `drawer` and remembers them. Returns why they could not be drawn
   * (no drawer or no browser): until the next fill they are shown as code.
   */
  fill(drawer: DiagramDrawer | undefined): Promise<string | undefined>;
  save(): Promise<void>;
}

type Entry = DrawnOrError;

export function openDiagramCache(projectRoot: string): DiagramCache {
  const file = path.join(deckmarkCacheDir(projectRoot), 'diagrams.json');
  const version = mermaidPackage().version;
  const entries = readEntries<Entry>(file);
  let theme: DiagramTheme | undefined;
  let missed = new Map<string, Miss>();
  /** Keys that could not be drawn in this build: shown as code, not stored. */
  const unavailable = new Set<string>();
  /** Failures of this build that the next may not have: shown, not stored. */
  const failed = new Map<string, Entry>();
  let changed = false;
  const keyOf = ({ source, theme: t }: DiagramRequest): string =>
    createHash('sha256')
      .update(`${FORMAT}\0${version}\0${JSON.stringify(t)}\0${source}`)
      .digest('base64url');
  return {
    useTheme: (next) => {
      theme = next;
      missed = new Map();
    },
    lookup: (source, dark, line) => {
      if (!theme) return undefined; // the first parse, before the deck's theme is known
      const request = { source, theme: dark ? theme.dark : theme.light };
      const key = keyOf(request);
      if (unavailable.has(key)) return { unavailable: true };
      const hit = failed.get(key) ?? entries.get(key);
      if (hit === undefined && !missed.has(key)) missed.set(key, { request, line });
      return hit;
    },
    misses: () => [...missed.values()],
    fill: async (drawer) => {
      const pending = [...missed];
      const keys = pending.map(([key]) => key);
      missed = new Map();
      const drawn = drawer ? await drawer(pending.map(([, miss]) => miss.request)) : undefined;
      if (!drawn || 'unavailable' in drawn) {
        for (const key of keys) unavailable.add(key);
        return drawn?.unavailable ?? 'no diagram renderer was given to this build';
      }
      keys.forEach((key, i) => {
        const answer = drawn[i];
        // The drawer sanitises; this scan is the gate that holds if it ever let something through.
        const unsafe = 'svg' in answer ? unsafeSvgReason(answer.svg) : undefined;
        if ('retry' in answer) failed.set(key, answer);
        else entries.set(key, unsafe ? { error: `its drawing was refused (${unsafe})` } : answer);
      });
      changed = true;
      return undefined;
    },
    save: async () => {
      if (changed) await writeEntries(file, entries, MAX_ENTRIES);
    },
  };
}
