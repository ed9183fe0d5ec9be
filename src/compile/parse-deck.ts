// parseDeck(): deck text → Deck model. Pure: no file system, no browser; the caller passes
// what needs the outside world (the asset resolver, the highlighter) in the options.
import type { Deck, Diagnostic, Slide } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { createMarkdown } from '../markdown/create-markdown.js';
import { createSlideEnv, useAsset, type AssetResolver } from '../markdown/env.js';
import type { Highlighter } from '../markdown/plugins/code-blocks.js';
import { isRemote } from '../markdown/urls.js';
import { mathReading, type MathRenderer } from '../markdown/plugins/math.js';
import type { DiagramLookup } from '../markdown/plugins/mermaid.js';
import { authorPattern, UnsupportedRegexError } from './author-regex.js';
import { balanceHtml } from './balance-html.js';
import { readDeckOptions } from './deck-options.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { withProjectSettings } from './project-config.js';
import { slideTitle } from './slide-title.js';
import { useSlideMemo, type RenderedSlide, type SlideMemo } from './slide-memo.js';
import { readSlideSources, sourcesSlides, type SlideSources } from './sources-slide.js';
import { REVEAL_MD_SEPARATORS, splitSlides, type Separators, type SlideSource } from './split-slides.js';
import { uiStrings } from './ui-strings.js';

export interface ParseOptions extends Separators {
  /** The deck's path, for messages. */
  file?: string;
  /** Title when neither front matter nor a heading gives one (e.g. the file's slug). */
  fallbackTitle?: string;
  highlight?: Highlighter;
  /** Renders TeX (KaTeX, loaded by the build only for decks with math). */
  math?: MathRenderer;
  /** The drawings of ```mermaid fences (the build draws them in a browser and caches them). */
  diagrams?: DiagramLookup;
  resolveAsset?: AssetResolver;
  /** `--safe`: for decks from people you don't trust (see createMarkdown). @defaultValue false */
  safe?: boolean;
  /** The project's settings (its config file, checked already): the front matter wins over them. */
  settings?: Record<string, unknown>;
  /** Slides of the last parse of this deck, reused where nothing they were made from changed (slide-memo.ts; the dev server's). */
  memo?: SlideMemo;
}

/** Slide attributes that name a local file the deck must carry. */
const BACKGROUND_FILES = ['data-background', 'data-background-image', 'data-background-video'];

/** Drops a BOM and turns CRLF and lone CR line breaks into LF. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function separatorsOf(fm: FrontMatter, options: ParseOptions): Separators {
  const seps: Separators = {};
  const check = (key: keyof Separators, source: string, what: string): void => {
    try {
      authorPattern(source);
    } catch (e) {
      if (!(e instanceof UnsupportedRegexError)) throw e;
      const fromFlag = options[key] !== undefined;
      throw new DeckError('invalid-option', `${what}: ${e.message}`, {
        file: options.file,
        line: fromFlag ? undefined : (fm.keyLines[key] ?? 1),
        column: fromFlag ? undefined : 1,
        hint: e.hint,
      });
    }
  };
  for (const key of ['separator', 'verticalSeparator', 'notesSeparator'] as const) {
    const value = options[key] ?? fm.data[key];
    if (value === undefined || value === null || value === '') continue;
    const where = { file: options.file, line: fm.keyLines[key] ?? 1, column: 1 };
    if (typeof value !== 'string') throw new DeckError('invalid-option', `\`${key}\` must be a regular expression as text`, where);
    const name = options[key] !== undefined ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : `\`${key}\``;
    check(key, value, `${name} is not a regular expression deckmark can run`);
    seps[key] = value;
  }
  // reveal.js joins the two slide separators (reveal-md's default for one not given) into one
  // pattern, which must compile too.
  if (seps.separator || seps.verticalSeparator) {
    check(
      seps.verticalSeparator ? 'verticalSeparator' : 'separator',
      `${seps.separator ?? REVEAL_MD_SEPARATORS.separator}|${seps.verticalSeparator ?? REVEAL_MD_SEPARATORS.verticalSeparator}`,
      '`separator` and `verticalSeparator` do not combine into one regular expression',
    );
  }
  return seps;
}

export function parseDeck(input: string, options: ParseOptions = {}): Deck {
  const text = normalizeText(input);
  const fm = withProjectSettings(readFrontMatter(text, options.file), options.settings);
  const stacks = splitSlides(fm.body, separatorsOf(fm, options), fm.bodyLine);
  const diagnostics: Diagnostic[] = [];
  const incremental = fm.data.incremental === true;
  // The words on video stills, in the deck's language (a wrong `lang` is reported by readDeckOptions).
  const ui = uiStrings(typeof fm.data.lang === 'string' ? fm.data.lang : 'en');
  const videoText = { watch: ui.watchVideo, videoOn: ui.videoOn, file: ui.videoFile, qrCode: ui.qrCode };
  const reading = mathReading(fm.data.math, fm.body); // one reading for the whole deck
  const memo = useSlideMemo(
    options.math ? undefined : options.memo,
    JSON.stringify([fm.data, reading, options.file, options.fallbackTitle, options.safe]),
    { highlight: options.highlight, diagrams: options.diagrams, resolveAsset: options.resolveAsset },
  );
  const md = createMarkdown({
    highlight: memo.world.highlight,
    math: options.math,
    diagrams: memo.world.diagrams,
    gapLabels: ui,
    chartWords: ui.chart,
    diagramKinds: ui.diagramKinds,
    safe: options.safe,
  });
  const sources = new Map<Slide, SlideSources>(); // what each slide cites, for `sources: true`
  let count = 0;

  const renderSlide = (source: SlideSource, docId: string): RenderedSlide => {
    const env = createSlideEnv({
      file: options.file,
      line: source.body.line,
      docId,
      incremental,
      resolveAsset: memo.world.resolveAsset,
      videoText,
      mathReading: reading,
    });
    const tokens = md.parse(source.body.text, env);
    const html = md.renderer.render(tokens, md.options, env);
    const cited = readSlideSources(tokens, (inner) => md.renderer.render(inner, md.options, env));
    let notes = '';
    if (source.notes) {
      env.line = source.notes.line;
      env.inNotes = true; // a video link in the notes stays a link
      notes = md.render(source.notes.text.trim(), env);
    }
    notes += env.notes.join('');
    // The author's raw HTML stays inside its slide (--safe shows it as text).
    const raw = !options.safe && (source.body.text.includes('<') || !!source.notes?.text.includes('<'));
    for (const key of BACKGROUND_FILES) {
      const src = env.slideAttributes[key];
      if (!src || isRemote(src) || /^(#|rgb|hsl)/i.test(src) || !/\.\w{2,5}$/.test(src)) continue;
      const kind = key === 'data-background-video' ? 'video' : 'image';
      const url = useAsset(env, src, kind, source.range.start, `background ${kind} "${src}"`);
      if (url) env.slideAttributes[key] = url;
    }
    const slide: Slide = {
      range: source.range,
      title: slideTitle(tokens),
      html: raw ? balanceHtml(html) : html,
      notes: raw ? balanceHtml(notes) : notes,
      attributes: env.slideAttributes,
      assets: env.assets,
      images: env.images,
      embeds: env.embeds,
      links: env.links,
      videos: env.videos,
      children: [],
    };
    return { slide, cited, diagnostics: env.diagnostics };
  };

  const slideOf = (source: SlideSource): Slide => {
    const docId = `s${++count}`;
    const key = JSON.stringify([docId, source]);
    const { slide, cited, diagnostics: found } = memo.reuse(key) ?? memo.render(key, () => renderSlide(source, docId));
    diagnostics.push(...found);
    sources.set(slide, cited);
    return slide;
  };

  const slides = stacks.map((stack) => {
    const [first, ...rest] = stack.map(slideOf);
    first.children = rest;
    return first;
  });
  memo.finish();

  const firstHeading = slides.flatMap((s) => [s, ...s.children]).find((s) => s.title)?.title ?? '';
  const meta = readDeckOptions(
    fm,
    { file: options.file, fallbackTitle: options.fallbackTitle ?? 'Untitled deck', firstHeading },
    diagnostics,
  );
  // reveal.js loads the scripts listed in `dependencies`: a safe deck runs only its own.
  if (options.safe) for (const key of ['dependencies', 'plugins']) delete meta.reveal[key];
  if (meta.sources) {
    const lastLine = Math.max(fm.bodyLine, ...slides.flatMap((s) => [s, ...s.children]).map((s) => s.range.end));
    slides.push(...sourcesSlides(slides, sources, ui.sources, lastLine));
  }
  const textAboveSeparators = stacks.flat().flatMap((s) => (s.textAboveSeparator === undefined ? [] : [s.textAboveSeparator]));
  return { file: options.file, meta, metaLines: fm.keyLines, slides, textAboveSeparators, diagnostics };
}
