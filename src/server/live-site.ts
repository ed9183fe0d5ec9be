// Keeps the served folder in step with the decks: builds a deck with buildDeck when it
// changes, keeps the last good build when a save breaks it, and tells pages what changed.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { buildDeck, type BuildOptions, type BuiltDeck, type RenderedPage } from '../build/build-deck.js';
import { contentSignature } from '../build/write-atomic.js';
import { cutAtSections } from '../compile/render-deck.js';
import { createSlideMemo, type SlideMemo } from '../compile/slide-memo.js';
import { deckSlug, shownPath } from '../build/deck-files.js';
import { writeIndex } from '../build/build-site.js';
import { findDecks } from '../build/find-decks.js';
import { deckInputs, inputsStamp } from './deck-inputs.js';
import { untilWritten } from './half-written.js';
import type { ChangedSections, ReloadMessage } from './messages.js';

/** How the server prints; the CLI passes its own formatters so terminal and page say the same. */
export interface Reporter {
  log(line: string): void;
  formatError(error: DeckError): string;
  formatDiagnostic(diagnostic: Diagnostic): string;
}

export interface LiveSiteOptions {
  /** The deck file or folder of decks, absolute. */
  input: string;
  inputIsFolder: boolean;
  outDir: string;
  build: Omit<BuildOptions, 'outDir' | 'singleFile'>;
  reporter: Reporter;
  send(message: ReloadMessage): void;
  /** Told the files each deck is made of after every build, to watch them. */
  watchInputs(deckFile: string, inputs: readonly string[]): void;
  /** Told of every good build (`serve --pdf` prints it). */
  onBuilt?(built: BuiltDeck): void;
}

export interface LiveSite {
  /** The first build of every deck; one that fails is reported and waits for a good save. */
  buildAll(): Promise<number>;
  /** Rebuilds these decks (added, changed or, in a folder, removed) and the index if needed. */
  rebuild(files: string[]): Promise<void>;
  /** What a page must hear as soon as it connects: the decks that are broken now. */
  greeting(): ReloadMessage[];
  /** The error of a deck that has never built, which gets a stand-in page. */
  unbuiltError(slug: string): string | undefined;
}

type ErrorMessage = Extract<ReloadMessage, { type: 'error' }>;

interface DeckState {
  slug: string;
  /** Hashes of the last good build's body and stylesheets; undefined before the first one. */
  slides?: string;
  styles?: string;
  manifest?: string;
  error?: ErrorMessage;
  /** The files the last build was made of, and their stamps when it started. */
  inputs: readonly string[];
  stamp?: string;
  /** Warnings already printed: each rebuild prints only new ones. */
  printed: Set<string>;
  /** The slides of the last parse, for the next (a save most often changes one slide). */
  memo: SlideMemo;
  /** The last good build's page cut at its slides (compile/render-deck.ts, cutAtSections). */
  cut?: { sections: string[]; rest: string };
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Splits a built page into what the client swaps separately: the slides (the body) and the
 * styles (the stylesheet links, inline styles and the content of each linked file, whose names
 * do not change when the theme file does).
 */
function fingerprint(html: string, files: RenderedPage['files']): { slides: string; styles: string } {
  const end = html.indexOf('</head>');
  const head = html.slice(0, end);
  const hrefs = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  const inline = [...head.matchAll(/<style>[\s\S]*?<\/style>/g)].map((m) => m[0]);
  const css = hrefs.map((href) => {
    const file = files.get(href);
    return file === undefined ? '' : contentSignature(file);
  });
  return { slides: hash(html.slice(end)), styles: hash(JSON.stringify([hrefs, inline, css])) };
}

/** The slides that changed between two builds, when nothing else on the page did and their number is the same. */
function changedSections(before: DeckState['cut'], after: DeckState['cut'], deck: BuiltDeck['deck']): ChangedSections | undefined {
  if (!before || !after || before.rest !== after.rest || before.sections.length !== after.sections.length) return undefined;
  const changed = after.sections.flatMap((html, i): Array<[number, string]> => (html === before.sections[i] ? [] : [[i, html]]));
  const shape = deck.slides.map((s) => (s.children.length > 0 ? s.children.length + 1 : 0)).join(',');
  return { shape, changed };
}

export function createLiveSite(options: LiveSiteOptions): LiveSite {
  const { reporter, outDir } = options;
  const decks = new Map<string, DeckState>();

  const fail = (state: DeckState, file: string, error: unknown): void => {
    const text =
      error instanceof DeckError
        ? reporter.formatError(error)
        : `${shownPath(file)}: internal error: ${error instanceof Error ? error.message : String(error)}`;
    reporter.log(text);
    const where = error instanceof DeckError ? error : undefined;
    state.error = { type: 'error', slug: state.slug, text, file: where?.file, line: where?.line };
    options.send(state.error);
  };

  const watch = (state: DeckState, file: string, inputs: readonly string[]): void => {
    state.inputs = inputs;
    options.watchInputs(file, inputs);
  };

  /** Builds one deck; true when the index page must change. */
  const buildOne = async (file: string): Promise<boolean> => {
    const slug = deckSlug(file);
    let state = decks.get(file);
    if (!state) {
      state = { slug, inputs: [], printed: new Set(), memo: createSlideMemo() };
      decks.set(file, state);
      // Until a build names its images, the deck file itself is what to watch.
      watch(state, file, [file]);
    }
    state.stamp = inputsStamp(state.inputs);
    const fixed = state.error !== undefined;
    /** This build's page, and whether the pages were told of it before its files were written. */
    let page: { next: ReturnType<typeof fingerprint>; cut: DeckState['cut']; slides: boolean; styles: boolean } | undefined;
    let told = false;
    const onPage = ({ html, deck, files }: RenderedPage): void => {
      const next = fingerprint(html, files);
      const cut = cutAtSections(html, deck);
      page = { next, cut, slides: next.slides !== state.slides, styles: next.styles !== state.styles };
      const sections = page.slides && !page.styles ? changedSections(state.cut, cut, deck) : undefined;
      if (!sections) return;
      // Slides the pages swap in from the message need nothing from disk: they go out now,
      // before the checks, the reading view and the writing, and are the pages' from here on.
      Object.assign(state, { slides: next.slides, cut });
      options.send({ type: 'update', slug, slides: true, styles: false, sections });
      told = true;
    };
    let built;
    try {
      built = await buildDeck(file, { ...options.build, outDir, slideMemo: state.memo, onPage });
    } catch (error) {
      fail(state, file, error);
      return false;
    }
    const inputs = deckInputs(built.deck, file);
    // The stamp must cover every input of this build, including those it just found.
    if (inputs.some((f) => !state.inputs.includes(f))) state.stamp = undefined;
    watch(state, file, inputs);
    const lines = built.diagnostics.map(reporter.formatDiagnostic);
    for (const line of lines) if (!state.printed.has(line)) reporter.log(line);
    state.printed = new Set(lines);

    const { next, cut, slides, styles } = page!;
    const manifest = JSON.stringify(built.manifest);
    const indexChanged = manifest !== state.manifest;
    Object.assign(state, next, { cut, manifest, error: undefined });
    options.onBuilt?.(built);
    // A fix that brings back the last good deck changes nothing, but the overlay must go.
    if (!told && (slides || styles || fixed)) options.send({ type: 'update', slug, slides, styles });
    return indexChanged;
  };

  const remove = async (file: string): Promise<boolean> => {
    const state = decks.get(file);
    if (!state) return false;
    decks.delete(file);
    watch(state, file, []);
    await rm(path.join(outDir, state.slug), { recursive: true, force: true });
    reporter.log(`removed ${shownPath(file)}`);
    options.send({ type: 'removed', slug: state.slug });
    return true;
  };

  return {
    async buildAll() {
      const files = await findDecks(options.input);
      for (const file of files) await buildOne(file);
      await writeIndex(outDir);
      return files.length;
    },

    async rebuild(files) {
      let indexChanged = false;
      for (const file of files) {
        await untilWritten(file);
        if (options.inputIsFolder && !existsSync(file)) {
          indexChanged = (await remove(file)) || indexChanged;
          continue;
        }
        const state = decks.get(file);
        // A second event for a save the last build already read (editors write twice) builds nothing.
        if (state && !state.error && state.stamp !== undefined && state.stamp === inputsStamp(state.inputs)) continue;
        const started = performance.now();
        const wasBroken = state?.error !== undefined;
        indexChanged = (await buildOne(file)) || indexChanged;
        if (decks.get(file)?.error === undefined) {
          const ms = Math.round(performance.now() - started);
          reporter.log(`${wasBroken ? 'fixed' : 'rebuilt'} ${shownPath(file)} in ${ms} ms`);
        }
      }
      if (indexChanged) {
        await writeIndex(outDir);
        options.send({ type: 'index' });
      }
    },

    greeting() {
      return [...decks.values()].flatMap((d) => (d.error ? [d.error] : []));
    },

    unbuiltError(slug) {
      const state = [...decks.values()].find((d) => d.slug === slug);
      return state?.error && state.slides === undefined ? state.error.text : undefined;
    },
  };
}
