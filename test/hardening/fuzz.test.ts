// Fuzzing the compiler: a fixed seed and a bounded count of generated and mutated decks (from
// the syntax fixtures, the example decks and the corpus decks, read where they are) through
// parseDeck and renderDeck. Each must throw nothing but a DeckError, finish within a time
// bound (super-linear behaviour, not a speed budget: `npm run bench` measures speed), and give
// whole HTML with the model's slides. DECKMARK_FUZZ_SEED / DECKMARK_FUZZ_COUNT replay or widen a run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMathRenderer } from '../../src/build/math.js';
import { parseDeck, type ParseOptions } from '../../src/compile/parse-deck.js';
import { renderDeck } from '../../src/compile/render-deck.js';
import type { Separators } from '../../src/compile/split-slides.js';
import { DeckError } from '../../src/model/deck-error.js';
import type { Deck } from '../../src/model/deck.js';
import { REPO } from '../helpers/cli.js';
import { CORPUS_DECKS, corpusAvailable } from '../helpers/corpus.js';
import { fixtureParseOptions, readFixtures } from '../markdown/fixtures.js';
import { tagProblems } from './helpers.js';
import { seededRandom } from '../helpers/random.js';

const SEED = Number(process.env.DECKMARK_FUZZ_SEED ?? 20261126);
const COUNT = Number(process.env.DECKMARK_FUZZ_COUNT ?? 3000);
/**
 * Per input, parse + render: 1 s plus 10 ms per KB of this process's CPU time (the README's
 * figure). CPU time, not wall time: CI runs this beside browser tests on two cores, and a busy
 * machine stretches the clock but not the work. Typical inputs take a tenth of it (a 70 KB deck
 * ~150 ms, up to ~750 ms with the garbage collector of a loaded run); a quadratic blow-up of a
 * 100 KB input takes seconds.
 */
const timeBound = (text: string): number => 1000 + (10 * text.length) / 1024;

/** Milliseconds of CPU this process spent on `work`. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
/** Mutated sources are cut to a window of this many lines, so that the run stays short. */
const WINDOW = 80;

const readDecks = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => readFileSync(path.join(dir, file), 'utf8'));

/** The repository's own sources: the syntax fixtures and the example decks (the same in every clone). */
function projectSources(): string[] {
  const syntax = path.join(REPO, 'test/fixtures/syntax');
  const fixtures = readdirSync(syntax)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) => readFixtures(path.join(syntax, file)).map((c) => c.input));
  return [...fixtures, ...readDecks(path.join(REPO, 'slides'))];
}

/** Pieces of deck syntax, whole and broken, that generation and mutation insert. */
const SNIPPETS = [
  '---',
  '----',
  '\n---\n',
  '---\ntitle: T\nlang: nb\n---',
  '---\nsize: [1\n---',
  // Alias-heavy YAML (issue 20): bombs nine wide, four deep (6,561 values) and seven deep (4.8
  // million: refused), and aliases a settings block may use.
  '---\nreveal:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---',
  '---\nreveal:\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n  g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n---',
  '---\nbase: &base { transition: fade, hash: true }\nreveal:\n  <<: *base\n  again: *base\npdf: *undefined\n---',
  '# Heading',
  '## Title {#id .cls data-x="1"}',
  'Setext\n---',
  '- a\n  - b\n    - c',
  '1. one\n2. two',
  '> quote\n> > nested',
  '```js [1-2|3]\nlet a = 1;\n---\nNote: not notes\n```',
  '```',
  '~~~',
  '::: columns\n::: column {width=40%}\nLeft\n:::\n:::',
  ':::: columns',
  '::: notes\nsecret\n:::',
  ':::',
  '::: incremental\n- a\n- b\n:::',
  '::: definition\n### Term\n> Meaning\n\n— Source, https://example.org\n:::',
  '::: goals\n1. Goal\n   - strategy\n:::',
  '::: channels\n### Facebook\nText\n### Blogg\n:::',
  '::: gap\n### I dag\na\n### I morgen\nb\n### Tiltak\nc\n:::',
  '::: callout-tip\nTip\n:::',
  '::: timeline\n- **Q1** start\n:::',
  '<!-- .slide: data-background-color="#123" class="x" -->',
  '<!-- .slide: data-background-image="img/missing.png" -->',
  '<!-- .element: class="fragment" data-fragment-index="2" -->',
  '<!-- .slide:',
  '<!-- unclosed',
  '<!-- <!-- <!-- .element: <!--',
  '<!-- .slide: class="a"\n<!--\n',
  '-->',
  '{.fragment}',
  '{onclick="alert(1)" href="javascript:alert(1)"}',
  '<div class="x">raw <b>html</b></div>',
  '<script>alert(1)</script>',
  '</section></div>',
  '<span>',
  'Note: speaker notes',
  'notes:',
  'https://www.youtube.com/watch?v=reBGK5isnco {start=90}',
  '![Film](https://vimeo.com/76979871)',
  '![clip](img/clip.webm){poster=img/missing.jpg}',
  '[Film](https://youtu.be/xxx){video}',
  '![alt](img/pic.png)',
  '![alt](../outside.png)',
  '[link](https://example.org) and [^1]\n\n[^1]: A footnote',
  '$E = mc^2$ and $$\\frac{1}{2}$$',
  '$$\n\\begin{x}\n$$',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  'Text with *emphasis*, **strong**, `code` and æøå',
  '\\',
  '\r\n',
  '\r',
  '\t',
  '\uFEFF',
  '\u2028',
  '[',
  '](',
  '{',
  '}',
  '"',
  "'",
  '<',
  '>',
  '&amp;',
  '*',
  '_',
];

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function generate(rand: Rand): string {
  // Now and then one piece many times over: quadratic code shows up as a slow input.
  // Known and left upstream: markdown-it-attrs is quadratic in the `{…}` of one paragraph
  // (4,000 `[a](b){.c}` in a row take seconds), so those pieces repeat less.
  if (rand() < 0.1) {
    const piece = pick(rand, SNIPPETS);
    return piece.repeat((piece.includes('{') ? 100 : 500) + Math.floor(rand() * (piece.includes('{') ? 200 : 2500)));
  }
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 25);
  for (let i = 0; i < n; i++) parts.push(pick(rand, SNIPPETS));
  return parts.join(pick(rand, ['\n', '\n\n', '\n\n', ' ', '']));
}

/** A window of at most WINDOW lines of `text`. */
function window(rand: Rand, text: string): string {
  const lines = text.split('\n');
  if (lines.length <= WINDOW) return text;
  const start = Math.floor(rand() * (lines.length - WINDOW));
  return lines.slice(start, start + WINDOW).join('\n');
}

function mutate(rand: Rand, text: string, other: string): string {
  let out = window(rand, text);
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(rand() * (out.length + 1));
    const len = Math.floor(rand() * 40);
    switch (Math.floor(rand() * 7)) {
      case 0: // insert syntax
        out = out.slice(0, at) + pick(rand, SNIPPETS) + out.slice(at);
        break;
      case 1: // delete a range
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 2: // duplicate a range
        out = out.slice(0, at) + out.slice(at, at + len).repeat(1 + Math.floor(rand() * 20)) + out.slice(at);
        break;
      case 3: {
        // swap two lines
        const lines = out.split('\n');
        const [i, j] = [Math.floor(rand() * lines.length), Math.floor(rand() * lines.length)];
        [lines[i], lines[j]] = [lines[j], lines[i]];
        out = lines.join('\n');
        break;
      }
      case 4: // splice in another source
        out = out.slice(0, at) + window(rand, other).slice(0, 400) + out.slice(at);
        break;
      case 5: // truncate
        out = out.slice(0, at);
        break;
      default: // a special character
        out = out.slice(0, at) + pick(rand, ['\r', '\r\n', '\0', '\uFFFD', '\u00e6', '`', ':', '-', '>', '<', '{', '$']) + out.slice(at);
    }
  }
  return out;
}

/** Separators an attacker might write: catastrophic backtracking, empty matches, big repeats (RE2 runs them in linear time). */
const HOSTILE_SEPARATORS: Separators[] = [
  { separator: '(x+x+)+y', notesSeparator: '(a+)+$' }, // rarely a match: many slides would only measure the compile's speed
  { verticalSeparator: '(\\s*)*$', notesSeparator: '^' },
  { separator: '(?<=(-+)*)-', verticalSeparator: '(.*){1,20}#' },
];

const options = (safe: boolean, math: ParseOptions['math'], seps: Separators): ParseOptions => ({
  ...fixtureParseOptions,
  ...seps,
  safe,
  math,
});

interface Finding {
  kind: string;
  detail: string;
  input: string;
}

/** Problems with one input; 'deck-error' when the compiler refused it (as it may). */
function checkOne(text: string, safe: boolean, math: ParseOptions['math'], seps: Separators): Finding | 'deck-error' | undefined {
  let deck: Deck | undefined;
  let html = '';
  let ms: number;
  try {
    ms = cpuMs(() => {
      deck = parseDeck(text, options(safe, math, seps));
      html = renderDeck(deck, { styles: [{ href: 'a.css' }], scripts: [{ src: 'a.js' }], safe });
    });
  } catch (e) {
    if (e instanceof DeckError) return 'deck-error';
    return { kind: 'throw', detail: (e as Error).stack ?? String(e), input: text };
  }
  if (!deck) throw new Error('unreachable: parseDeck returned nothing');
  if (ms > timeBound(text)) {
    // Once more, to tell a garbage collection from slow code.
    const retry = cpuMs(() => renderDeck(parseDeck(text, options(safe, math, seps)), { styles: [], scripts: [], safe }));
    if (retry > timeBound(text)) return { kind: 'slow', detail: `${ms.toFixed(0)} ms, then ${retry.toFixed(0)} ms of CPU`, input: text };
  }
  const $ = load(html);
  const stacks = $('.reveal > .slides > section');
  if (stacks.length !== deck.slides.length) {
    return { kind: 'structure', detail: `${stacks.length} sections for ${deck.slides.length} slides`, input: text };
  }
  if ($('#deckmark-config').length !== 1) return { kind: 'structure', detail: 'the end of the document was swallowed', input: text };
  // Raw HTML is the author's own without --safe, and may leave elements open: check tags only when it cannot.
  if (safe || !/<[a-zA-Z/!]/.test(text)) {
    const problems = tagProblems(html);
    if (problems.length) return { kind: 'tags', detail: problems.join('; '), input: text };
  }
  if (safe && $('.slides script, .slides [onclick], .slides [onerror], .slides [onload]').length) {
    return { kind: 'safe', detail: 'a script or event handler in a --safe deck', input: text };
  }
  return undefined;
}

describe('fuzzing parseDeck and renderDeck', () => {
  let math: ParseOptions['math'];
  beforeAll(async () => {
    math = await loadMathRenderer('$x$');
  });

  /** Runs `count` decks from `seed`: generated ones (unless `generated` is 0) and mutations of `sources`. */
  function fuzz(label: string, seed: number, count: number, sources: string[], generated: number): void {
    const rand = seededRandom(seed);
    const findings: Finding[] = [];
    const started = performance.now();
    let errors = 0;
    for (let i = 0; i < count; i++) {
      const text = rand() < generated ? generate(rand) : mutate(rand, pick(rand, sources), pick(rand, sources));
      const safe = rand() < 0.5;
      const seps = rand() < 0.05 ? pick(rand, HOSTILE_SEPARATORS) : {};
      const finding = checkOne(text, safe, math, seps);
      if (finding === 'deck-error') errors++;
      else if (finding) findings.push({ ...finding, kind: `${finding.kind}${safe ? ' (safe)' : ''}` });
      if (findings.length >= 5) break;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz (${label}): seed ${seed}, ${count} decks from ${sources.length} sources, ${errors} DeckErrors, ${findings.length} findings, ${seconds} s`,
    );
    for (const [n, f] of findings.entries()) {
      const file = path.join(os.tmpdir(), `deckmark-fuzz-${label}-${seed}-${n}.md`);
      writeFileSync(file, f.input);
      console.log(`fuzz finding (${f.kind}): ${f.detail.split('\n').slice(0, 4).join(' | ')} — input in ${file}`);
    }
    expect(findings.map((f) => `${f.kind}: ${f.detail.split('\n')[0]}`)).toEqual([]);
  }

  // The same decks for a seed in every clone: only the repository's own sources.
  it(`${COUNT} generated and mutated decks, seed ${SEED}`, { timeout: 120_000 }, () => {
    fuzz('project', SEED, COUNT, projectSources(), 0.3);
  });

  // Mutations of the reveal.js corpus, where it lies beside the clone (CI always has it).
  it.skipIf(!corpusAvailable())(`${Math.ceil(COUNT / 3)} mutated corpus decks, seed ${SEED}`, { timeout: 120_000 }, () => {
    fuzz('corpus', SEED, Math.ceil(COUNT / 3), readDecks(CORPUS_DECKS), 0);
  });
});
