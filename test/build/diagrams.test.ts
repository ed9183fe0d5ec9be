// Mermaid diagrams in a real build: drawn by Mermaid in Chromium, one of each kind deckmark
// promises, safe to inline, in the theme's colours (inverse slides dark), cached so a rebuild
// needs no browser, and shown as code with a warning when a diagram is bad or no browser is found.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDeck } from '../../src/api/build.js';
import { diagramThemeOf } from '../../src/build/diagram-theme.js';
import { unsafeSvgReason } from '../../src/build/safe-svg.js';
import { DIAGRAM_KINDS, mermaidFence } from '../fixtures/diagrams/kinds.js';
import { tempDir } from '../helpers/cli.js';

/** Every kind on a slide of its own; then two alike on one slide, an inverse slide, a bad diagram. */
const DECK =
  '---\ntitle: Diagrams\nlang: en\n---\n\n' +
  DIAGRAM_KINDS.map(([kind, , source]) => `## ${kind}\n\n${mermaidFence(source)}`).join('\n---\n\n') +
  `\n---\n\n## To like\n\n${mermaidFence(DIAGRAM_KINDS[0][2])}\n${mermaidFence(DIAGRAM_KINDS[0][2])}` +
  `\n---\n\n<!-- .slide: class="inverse" -->\n## Mørk\n\n${mermaidFence(DIAGRAM_KINDS[0][2])}` +
  `\n---\n\n## Feil\n\n${mermaidFence('flowchart LR\n  A -->')}`;

/** The line of the bad diagram's fence. */
const BAD_LINE = DECK.split('\n').indexOf('## Feil') + 3;

let dir: string;
let deckFile: string;
let cacheDir: string;

async function build(out: string, options: { singleFile?: boolean; safe?: boolean } = {}) {
  const { decks } = await buildDeck(deckFile, { out: path.join(dir, out), image: false, jobs: 1, ...options });
  return { html: readFileSync(decks[0].output, 'utf8'), diagnostics: decks[0].diagnostics };
}

const svgsOf = (html: string): string[] =>
  cheerio
    .load(html)('figure.dm-diagram > svg')
    .map((_, e) => cheerio.load(html).html(e))
    .get();

describe('Mermaid diagrams at build time (Chromium)', () => {
  let first: { html: string; diagnostics: Array<{ code: string; line: number; message: string }> };

  beforeAll(async () => {
    dir = tempDir('deckmark-diagrams-');
    writeFileSync(path.join(dir, 'package.json'), '{}');
    deckFile = path.join(dir, 'deck.md');
    writeFileSync(deckFile, DECK);
    cacheDir = path.join(dir, 'cache');
    vi.stubEnv('DECKMARK_CACHE_DIR', cacheDir);
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', '/usr/bin/chromium');
    first = await build('site');
    vi.unstubAllEnvs();
  }, 120_000);

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('draws every kind as inline SVG named for screen readers', () => {
    const $ = cheerio.load(first.html);
    DIAGRAM_KINDS.forEach(([kind, label], i) => {
      const svg = $('section').eq(i).find('figure.dm-diagram > svg');
      expect(svg, kind).toHaveLength(1);
      expect(svg.attr('role'), kind).toBe('img');
      expect(svg.attr('aria-label'), kind).toBe(label);
      expect(svg.find('text').text().length, `${kind} has its labels as SVG text`).toBeGreaterThan(0);
    });
    expect($('section').eq(0).find('svg text').text()).toContain('Kundesenter');
  });

  it('inlines nothing that runs or loads: no script, no on* attribute, no outside reference, no HTML inside', () => {
    const svgs = svgsOf(first.html);
    expect(svgs).toHaveLength(DIAGRAM_KINDS.length + 3);
    for (const svg of svgs) {
      expect(svg).not.toMatch(/<script|<foreignObject|<iframe|<a[\s>]/i);
      expect(svg).not.toMatch(/\son\w+\s*=/i);
      expect(svg).not.toMatch(/href="(?!#)/i);
      expect(svg).not.toMatch(/url\(\s*['"]?(?!#)/i);
      expect(svg).not.toMatch(/@import/i);
      expect(unsafeSvgReason(svg)).toBeUndefined();
    }
  });

  it('gives every diagram ids of its own, also two alike on one slide', () => {
    const $ = cheerio.load(first.html);
    const ids = $('figure.dm-diagram [id]')
      .map((_, e) => $(e).attr('id'))
      .get();
    expect(ids.length).toBeGreaterThan(DIAGRAM_KINDS.length * 3);
    expect(new Set(ids).size).toBe(ids.length);
    const twins = $('section').eq(DIAGRAM_KINDS.length).find('figure.dm-diagram > svg');
    expect(twins).toHaveLength(2);
    twins.each((_, svg) => {
      const id = $(svg).attr('id')!;
      // Its style and markers point at its own ids.
      expect($(svg).find('style').text()).toContain(`#${id} `);
      for (const ref of $(svg)
        .html()!
        .matchAll(/url\(#([^)]+)\)/g))
        expect(ref[1].startsWith(id)).toBe(true);
    });
  });

  it('draws in the theme: its font and colours, the inverse colours on an inverse slide', () => {
    const theme = diagramThemeOf(readFileSync(path.resolve('themes/default.css'), 'utf8'), {});
    const light = String(theme.light.themeVariables.background);
    const dark = String(theme.dark.themeVariables.background);
    expect([light, dark]).toEqual(['#ffffff', '#0f1d33']);
    const $ = cheerio.load(first.html);
    const plain = $('section').eq(0).find('svg').html()!;
    const inverse = $('section')
      .eq(DIAGRAM_KINDS.length + 1)
      .find('svg')
      .html()!;
    expect(plain).toContain('Source Sans 3');
    expect(plain).toContain(String(theme.light.themeVariables.primaryColor)); // node fill: the theme's --dm-accent-soft
    expect(inverse).toContain(String(theme.dark.themeVariables.primaryColor));
    expect(inverse).not.toContain(String(theme.light.themeVariables.primaryColor));
  });

  it('shows a diagram that does not parse as code, with a warning at its fence', () => {
    const $ = cheerio.load(first.html);
    expect($('section').last().find('pre code.language-mermaid').text()).toContain('A -->');
    expect($('section').last().find('svg')).toHaveLength(0);
    expect(first.diagnostics).toEqual([
      expect.objectContaining({
        code: 'diagram-error',
        line: BAD_LINE,
        message: expect.stringMatching(/^mermaid diagram "flowchart LR" is shown as code: Parse error/),
      }),
    ]);
  });

  it('rebuilds from the cache: no browser needed, the same drawings, --single-file and --safe too', async () => {
    const cached = readFileSync(path.join(cacheDir, 'diagrams.json'), 'utf8');
    vi.stubEnv('DECKMARK_CACHE_DIR', cacheDir);
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(dir, 'no-browser-here')); // a launch would fail
    const again = await build('site');
    expect(again.diagnostics.map((d) => d.code)).toEqual(['diagram-error']); // no diagram-not-drawn
    expect(svgsOf(again.html)).toEqual(svgsOf(first.html));
    expect(readFileSync(path.join(cacheDir, 'diagrams.json'), 'utf8')).toBe(cached); // nothing drawn, nothing stored
    const single = await build('single', { singleFile: true });
    expect(svgsOf(single.html)).toHaveLength(DIAGRAM_KINDS.length + 3);
    const safe = await build('safe', { safe: true });
    expect(svgsOf(safe.html)).toEqual(svgsOf(first.html));
  }, 60_000);

  it('without a browser: one warning at the first diagram, every diagram shown as code, the build goes on', async () => {
    vi.stubEnv('DECKMARK_CACHE_DIR', path.join(dir, 'empty-cache'));
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(dir, 'no-browser-here'));
    const { html, diagnostics } = await build('nobrowser');
    const notDrawn = diagnostics.filter((d) => d.code === 'diagram-not-drawn');
    expect(notDrawn).toEqual([
      expect.objectContaining({
        line: 8,
        message: expect.stringMatching(
          /^the deck's mermaid diagrams are shown as code: no Chrome or Chromium found \(fix or unset PUPPETEER_EXECUTABLE_PATH\)$/,
        ),
      }),
    ]);
    expect(svgsOf(html)).toEqual([]);
    expect(cheerio.load(html)('pre code.language-mermaid')).toHaveLength(DIAGRAM_KINDS.length + 4);
  }, 60_000);

  it('a browser that does not start is the same: one warning, the diagrams as code, the build goes on', async () => {
    vi.stubEnv('DECKMARK_CACHE_DIR', path.join(dir, 'empty-cache-2'));
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', '/bin/true'); // an executable that is no browser
    const { html, diagnostics } = await build('notabrowser');
    expect(diagnostics.filter((d) => d.code === 'diagram-not-drawn')).toEqual([
      expect.objectContaining({
        line: 8,
        message: expect.stringMatching(/^the deck's mermaid diagrams are shown as code: Could not start the browser \/bin\/true/),
      }),
    ]);
    expect(svgsOf(html)).toEqual([]);
  }, 60_000);
});
