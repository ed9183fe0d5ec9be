// The dev server parses a deck again after every save, most often with one slide changed. A
// slide is rendered from its text, its place in the deck (lines, index), the deck's settings, and
// what the outside world answered while it was rendered: the asset resolver, the highlighter and
// the diagram cache (each answer may also leave a side effect there: a file to copy, code to
// highlight later). The memo keeps each slide with those questions and answers; the next parse
// gives it back when its text and place are the same and asking the same questions again (which
// repeats their side effects) gets the same answers. Decks with math are always parsed whole: the
// math plugin keeps a budget for the whole deck (plugins/math.ts).
import type { Diagnostic, Slide } from '../model/deck.js';
import type { AssetResolver } from '../markdown/env.js';
import type { Highlighter } from '../markdown/plugins/code-blocks.js';
import type { DiagramLookup } from '../markdown/plugins/mermaid.js';
import type { SlideSources } from './sources-slide.js';

/** What a slide's rendering asked outside the core, by name. */
interface OutsideWorld {
  highlight?: Highlighter;
  diagrams?: DiagramLookup;
  resolveAsset?: AssetResolver;
}

type Question = [name: keyof OutsideWorld, args: unknown[], answer: string];

/** A rendered slide, as the parse made it, and what its rendering asked. */
export interface RenderedSlide {
  slide: Slide;
  cited: SlideSources;
  diagnostics: Diagnostic[];
}

interface Kept extends RenderedSlide {
  questions: Question[];
}

/** Slides of the last parse of one deck, for the next (the caller keeps one per deck). */
export interface SlideMemo {
  /** The deck's settings the slides were rendered with. */
  context?: string;
  slides: Map<string, Kept>;
}

export function createSlideMemo(): SlideMemo {
  return { slides: new Map() };
}

/** A parse's use of a memo: the outside world it records, and the slides it reuses and keeps. */
export interface MemoSession {
  /** The outside world to render with: its answers are recorded for the slide being rendered. */
  world: OutsideWorld;
  /** The slide kept under this key, when asking its questions again gets the same answers. */
  reuse(key: string): RenderedSlide | undefined;
  /** Renders a slide, recording what it asks, and keeps it under `key`. */
  render(key: string, fn: () => RenderedSlide): RenderedSlide;
  /** Keeps only this parse's slides (an entry per slide of the deck as it is now). */
  finish(): void;
}

const clone = (rendered: RenderedSlide): RenderedSlide => structuredClone(rendered);

/** Starts a parse with `memo` (or without one: every slide rendered, nothing recorded). */
export function useSlideMemo(memo: SlideMemo | undefined, context: string, world: OutsideWorld): MemoSession {
  if (memo && memo.context !== context) {
    memo.context = context;
    memo.slides.clear();
  }
  const next = new Map<string, Kept>();
  let questions: Question[] | undefined; // those of the slide being rendered
  const recorded = <F extends (...args: never[]) => unknown>(name: keyof OutsideWorld, fn: F | undefined): F | undefined =>
    fn &&
    (((...args: Parameters<F>) => {
      const answer = fn(...args);
      questions?.push([name, args, JSON.stringify(answer) ?? 'undefined']);
      return answer;
    }) as F);
  const live: OutsideWorld = {
    highlight: recorded('highlight', world.highlight),
    diagrams: recorded('diagrams', world.diagrams),
    resolveAsset: recorded('resolveAsset', world.resolveAsset),
  };
  const sameAnswers = (kept: Kept): boolean =>
    kept.questions.every(([name, args, answer]) => {
      const fn = world[name] as ((...a: unknown[]) => unknown) | undefined;
      return fn !== undefined && (JSON.stringify(fn(...args)) ?? 'undefined') === answer;
    });

  return {
    world: memo ? live : world,
    reuse(key) {
      const kept = memo?.slides.get(key);
      if (!kept || !sameAnswers(kept)) return undefined;
      next.set(key, kept);
      return clone(kept);
    },
    render(key, fn) {
      if (!memo) return fn();
      questions = [];
      try {
        const rendered = fn();
        next.set(key, { ...clone(rendered), questions });
        return rendered;
      } finally {
        questions = undefined;
      }
    },
    finish() {
      if (memo) memo.slides = next;
    },
  };
}
