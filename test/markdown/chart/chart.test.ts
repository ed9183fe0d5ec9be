// `::: chart` around a Markdown table: the SVG it draws, its description, the table it keeps,
// and the warnings (with the line) when a table cannot be drawn.
import { describe, expect, it } from 'vitest';
import { checkDensity } from '../../../src/check/slide-rules.js';
import { parseDeck } from '../../../src/compile/parse-deck.js';
import { MAX_CATEGORIES } from '../../../src/markdown/plugins/chart/chart.js';
import { CHART_TYPES } from '../../../src/markdown/plugins/chart/chart-words.js';
import { parseNumber } from '../../../src/markdown/plugins/chart/chart-data.js';
import { linearScale } from '../../../src/markdown/plugins/chart/scale.js';

const FOLLOWERS = `| Kanal | I dag | Mål |
|-------|-------|-----|
| Facebook | 1 200 | 2000 |
| Instagram | 800 | 1500 |
| LinkedIn | 300 | 600 |`;

function build(body: string, lang = 'en', safe = false) {
  const deck = parseDeck(`---\ntitle: T\nlang: ${lang}\n---\n\n## Chart\n\n${body}\n`, { file: 'deck.md', safe });
  return { html: deck.slides[0].html, diagnostics: deck.diagnostics };
}

const svgOf = (html: string): string => /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';

/** The SVG without its pattern definitions: what is drawn. */
const drawnOf = (svg: string): string => svg.replace(/<defs>[\s\S]*?<\/defs>/, '');

/** The x, y, width, height and fill of each drawn rectangle. */
const rectsOf = (svg: string) =>
  [...drawnOf(svg).matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" style="fill:([^"]+)"/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    fill: m[5],
  }));

const THREE_SERIES = `| Kanal | Q1 | Q2 | Q3 |
|-------|----|----|----|
| Facebook | 120 | 140 | 90 |
| X | 45 | 60 | 30 |`;

describe('::: chart', () => {
  it('draws a bar chart with a value label per bar and keeps the table, visually hidden', () => {
    const { html, diagnostics } = build(`::: chart {type=bar title="Følgere per kanal"}\n${FOLLOWERS}\n:::`);
    expect(diagnostics).toEqual([]);
    const svg = svgOf(html);
    expect(svg).toMatch(/role="img"/);
    expect(drawnOf(svg).match(/<rect /g)?.length).toBe(6 + 2); // six bars, two legend swatches
    for (const label of ['1 200', '2000', '800', '1500', '300', '600', 'Facebook', 'Følgere per kanal'])
      expect(svg).toContain(`>${label}<`);
    // The options are not HTML attributes of their own, but data-chart-* ones (the .pptx reads them).
    expect(html).toMatch(/<div class="dm-chart chart" data-chart-type="bar" data-chart-title="Følgere per kanal">/);
    expect(html).toMatch(/<div class="dm-chart-data">\s*<table>/);
  });

  it('describes the chart in the deck language, every value in it', () => {
    const svg = svgOf(build(`::: chart {type=bar unit=følgere}\n${FOLLOWERS}\n:::`, 'nb').html);
    expect(svg).toContain(
      'aria-label="Stolpediagram: Facebook: I dag 1 200, Mål 2000; Instagram: I dag 800, Mål 1500; LinkedIn: I dag 300, Mål 600 (følgere)"',
    );
    const single = svgOf(build('::: chart {type=pie}\n| Kanal | Følgere |\n|---|---|\n| Facebook | 1200 |\n| X | 300 |\n:::').html);
    expect(single).toContain('aria-label="Pie chart: Facebook 1200, X 300"');
    expect(single).toContain('>Facebook 1200 (80 %)<');
  });

  it.each(CHART_TYPES.map((t) => [t]))(
    'draws type=%s as self-contained SVG: no script, no on* attributes, no external reference',
    (type) => {
      const table = type === 'pie' || type === 'donut' ? '| Kanal | Nå |\n|---|---|\n| A <script> | 3 |\n| B" onload="x | 1 |' : FOLLOWERS;
      const { html, diagnostics } = build(`::: chart {type=${type} title="<img onerror=alert(1)>"}\n${table}\n:::`);
      expect(diagnostics).toEqual([]);
      const svg = svgOf(html);
      expect(svg).toMatch(/^<svg class="dm-chart-svg"/);
      expect(svg).not.toMatch(/<script|<foreignObject|<image|<use|<a\b/i);
      const names = [...svg.matchAll(/<\w+((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)].flatMap((tag) =>
        [...tag[1].matchAll(/([\w:-]+)="/g)].map((a) => a[1]),
      );
      expect(names.length).toBeGreaterThan(10);
      expect(names.filter((name) => /^on/i.test(name))).toEqual([]);
      expect(svg).not.toMatch(/href|@import/i);
      // The only references are to the chart's own patterns, defined in this SVG.
      const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      for (const [, ref] of svg.matchAll(/url\(([^)]*)\)/g)) expect(ids).toContain(ref.replace(/^#/, ''));
      expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|data:/);
      expect(svg).toMatch(/var\(--dm-chart-1\)/);
    },
  );

  it('is drawn under --safe too (it is our own markup), raw HTML in a cell stays text', () => {
    const { html, diagnostics } = build(
      '::: chart {onclick=x}\n| Kanal | Nå |\n|---|---|\n| <b onmouseover=x>A</b> | 3 |\n:::',
      'en',
      true,
    );
    expect(diagnostics).toEqual([]);
    expect(svgOf(html)).toContain('role="img"');
    expect(html).not.toMatch(/<b |onclick|<[^>]*onmouseover/);
  });

  it('draws a bullet chart: a bar for the actual value, a mark at the target, both values written', () => {
    const { html, diagnostics } = build(`::: chart {type=bullet}\n${FOLLOWERS}\n:::`, 'nb');
    expect(diagnostics).toEqual([]);
    const svg = svgOf(html);
    expect(svg).toContain('aria-label="Resultat mot mål: Facebook: I dag 1 200, Mål 2000;');
    for (const pair of ['1 200 / 2000', '800 / 1500', '300 / 600']) expect(svg).toContain(`>${pair}<`);
    expect(svg.match(/style="fill:var\(--dm-fg\)"\/>/g)).toHaveLength(1 + 3); // the legend's mark and one per row
  });

  it('draws type=hstacked: each category one bar of segments left to right, each segment’s value in it, the total at the end', () => {
    const { html, diagnostics } = build(`::: chart {type=hstacked}\n${THREE_SERIES}\n:::`, 'nb');
    expect(diagnostics).toEqual([]);
    const svg = svgOf(html);
    expect(svg).toContain('aria-label="Liggende stablet stolpediagram: Facebook: Q1 120, Q2 140, Q3 90; X: Q1 45, Q2 60, Q3 30"');
    const bars = rectsOf(svg).slice(3); // after the three legend swatches
    expect(bars).toHaveLength(6);
    for (const row of [bars.slice(0, 3), bars.slice(3)]) {
      // One row: the same height and top, each segment starting where the one before ends.
      expect(new Set(row.map((r) => `${r.y} ${r.height}`)).size).toBe(1);
      for (let k = 1; k < 3; k++) expect(row[k].x).toBeCloseTo(row[k - 1].x + row[k - 1].width, 0);
    }
    expect(bars[0].x).toBe(bars[3].x);
    expect(bars[3].y).toBeGreaterThan(bars[0].y + bars[0].height); // Facebook above X
    // Longer for the larger value: 140 against 60.
    expect(bars[1].width / bars[4].width).toBeCloseTo(140 / 60, 1);
    for (const label of ['120', '140', '90', '350', '135']) expect(svg).toContain(`>${label}<`);
    expect(build(`::: chart {type=hstacked}\n${THREE_SERIES}\n:::`).html).toContain('aria-label="Horizontal stacked bar chart:');
  });

  it.each(['stacked', 'hstacked', 'bar', 'hbar'])(
    'patterns every series after the first in type=%s, the legend swatches the same as the bars',
    (type) => {
      const svg = svgOf(build(`::: chart {type=${type}}\n${THREE_SERIES}\n:::`).html);
      const fills = rectsOf(svg).map((r) => r.fill);
      const [first, second, third] = ['var(--dm-chart-1)', 'url(#dm-s1-chart3-fill1)', 'url(#dm-s1-chart3-fill2)'];
      expect(fills.slice(0, 3)).toEqual([first, second, third]); // the legend
      expect(fills.slice(3).sort()).toEqual([first, first, second, second, third, third].sort());
      // Each pattern: its series' colour under marks in the background colour, a different kind of mark each.
      const patterns = [...svg.matchAll(/<pattern id="([^"]+)"[^>]*>([\s\S]*?)<\/pattern>/g)];
      expect(patterns.map((m) => m[1])).toEqual(['dm-s1-chart3-fill1', 'dm-s1-chart3-fill2']);
      expect(patterns[0][2]).toMatch(/^<rect width="8" height="8" style="fill:var\(--dm-chart-2\)"\/>.*fill:var\(--dm-bg\)/);
      expect(patterns[1][2]).toMatch(/^<rect width="8" height="8" style="fill:var\(--dm-chart-3\)"\/>.*fill:var\(--dm-bg\)/);
      expect(patterns[0][0].replace(/chart-2|fill1/g, '')).not.toBe(patterns[1][0].replace(/chart-3|fill2/g, ''));
    },
  );

  it('patterns the slices of a pie after the first; lines and bullet charts have none', () => {
    const pie = svgOf(build('::: chart {type=donut}\n| Kanal | Nå |\n|---|---|\n| A | 3 |\n| B | 2 |\n| C | 1 |\n:::').html);
    const slices = [...pie.matchAll(/<path d="[^"]*" style="fill:([^;]+);/g)].map((m) => m[1]);
    expect(slices).toEqual(['var(--dm-chart-1)', 'url(#dm-s1-chart3-fill1)', 'url(#dm-s1-chart3-fill2)']);
    for (const type of ['line', 'area', 'bullet'])
      expect(svgOf(build(`::: chart {type=${type}}\n${FOLLOWERS}\n:::`).html)).not.toMatch(/<defs>|url\(/);
  });

  it('writes a segment’s value on a patch of its colour over its pattern, once', () => {
    const svg = svgOf(build(`::: chart {type=stacked}\n${THREE_SERIES}\n:::`).html);
    // The patch just before the value, centred on it.
    const patch =
      /<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" rx="3" style="fill:var\(--dm-chart-2\)"\/><text x="([\d.]+)"[^>]*style="fill:var\(--dm-bg\)">140</;
    const [, left, width, x] = patch.exec(svg) ?? [];
    expect(Number(left) + Number(width) / 2).toBeCloseTo(Number(x), 0);
    expect(svg.match(/>140</g)).toHaveLength(1);
  });

  it('gives every chart of a deck ids of its own, its notes’ charts too', () => {
    const chart = `::: chart {type=stacked}\n${THREE_SERIES}\n:::`;
    const deck = parseDeck(`## One\n\n${chart}\n\n${chart}\n\n---\n\n## Two\n\n${chart}\n\nNote:\n\n${chart}\n`, { file: 'deck.md' });
    expect(deck.diagnostics).toEqual([]);
    const pages = deck.slides.flatMap((slide) => [slide.html, slide.notes ?? '']).join('\n');
    const ids = [...pages.matchAll(/ id="(dm-[^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(4 * 2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays a table, with a warning on the cell’s line, when a cell is not a number', () => {
    const { html, diagnostics } = build('::: chart\n| Kanal | Nå |\n|---|---|\n| Facebook | 1200 |\n| X | mange |\n:::');
    expect(html).not.toContain('<svg');
    expect(html).toMatch(/<table>[\s\S]*mange/);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'chart-data',
        file: 'deck.md',
        line: 12,
        message: expect.stringContaining('column "Nå" is "mange", not a number'),
      }),
    ]);
  });

  it.each([
    ['an empty table', '::: chart\n| Kanal | Nå |\n|---|---|\n:::', 'no rows of data', 9],
    ['no table', '::: chart\nJust text\n:::', 'one Markdown table, found 0', 8],
    ['a table of one column', '::: chart\n| Kanal |\n|---|\n| A |\n:::', 'at least one column of numbers', 9],
    ['an unknown type', `::: chart {type=radar}\n${FOLLOWERS}\n:::`, 'unknown type "radar"', 8],
    ['a pie of two series', `::: chart {type=pie}\n${FOLLOWERS}\n:::`, 'a pie chart shows one column of numbers, the table has 2', 8],
    [
      'a bullet chart of one series',
      '::: chart {type=bullet}\n| Kanal | Nå |\n|---|---|\n| A | 3 |\n:::',
      'two columns of numbers, actual and target',
      8,
    ],
    ['min above max', `::: chart {min=10 max=5}\n${FOLLOWERS}\n:::`, 'min (10) must be below max (5)', 8],
    ['an empty cell', '::: chart\n| Kanal | Nå |\n|---|---|\n| A |  |\n:::', 'is empty', 11],
  ])('warns on %s, on its line, and shows the content as it is', (_what, body, message, line) => {
    const { html, diagnostics } = build(body);
    expect(html).not.toContain('<svg');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'chart-data', file: 'deck.md', message: expect.stringContaining(message) });
    expect(diagnostics[0].line).toBe(line);
  });

  it('draws at most MAX_CATEGORIES of 1,000 rows, quickly, with a warning; the table keeps them all', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `| Row ${i} | ${i} |`).join('\n');
    const started = performance.now();
    const { html, diagnostics } = build(`::: chart {type=line}\n| Rad | Verdi |\n|---|---|\n${rows}\n:::`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'chart-capped', line: 8, message: expect.stringContaining(`first ${MAX_CATEGORIES} of 1000 rows`) }),
    ]);
    expect(svgOf(html).match(/<circle /g)).toHaveLength(MAX_CATEGORIES);
    expect(html).toContain('<td>Row 999</td>');
  });

  it('counts the words the audience sees, not those of the hidden table (dense-slide)', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `| Kommune ${i} | ${i} |`).join('\n');
    const deck = parseDeck(`## Innbyggere\n\n::: chart\n| Kommune | Innbyggere |\n|---|---|\n${rows}\n:::\n`);
    expect(checkDensity(deck)).toEqual([]);
    const asTable = parseDeck(`## Innbyggere\n\n| Kommune | Innbyggere |\n|---|---|\n${rows}\n`);
    expect(checkDensity(asTable)).toHaveLength(1);
  });

  it('draws negative bars down from zero; a value that would fall on the category names goes inside its bar', () => {
    const svg = svgOf(build('::: chart\n| År | Resultat |\n|---|---|\n| 2022 | -3,5 |\n| 2023 | -0,8 |\n| 2024 | 4 |\n:::', 'nb').html);
    expect(svg).toMatch(/style="fill:var\(--dm-bg\)">-3,5</);
    expect(svg).toMatch(/style="fill:var\(--dm-fg\)">-0,8</);
    expect(svg).toContain('>−4<'); // the axis reaches below the lowest value, with a true minus sign
  });

  it('writes axis numbers with the deck’s decimal comma', () => {
    const svg = svgOf(build('::: chart {type=line}\n| År | Andel |\n|---|---|\n| 2024 | 0,2 |\n| 2025 | 0,9 |\n:::', 'nb').html);
    expect(svg).toContain('>0,4<');
  });
});

describe('parseNumber', () => {
  it.each([
    ['1200', 1200],
    ['1 200', 1200],
    ['1\u202f200', 1200],
    ['-3,5', -3.5],
    ['−2', -2],
    ['12.5', 12.5],
    ['45 %', 45],
    ['abc', undefined],
    ['', undefined],
    ['1.2.3', undefined],
  ])('%s → %s', (cell, value) => expect(parseNumber(cell)).toBe(value));
});

describe('linearScale', () => {
  it('covers the data and zero with round ticks', () => {
    expect(linearScale([1200, 2000]).ticks).toEqual([0, 500, 1000, 1500, 2000]);
    expect(linearScale([-3, 7]).ticks).toEqual([-4, -2, 0, 2, 4, 6, 8]);
    expect(linearScale([0.1, 0.3]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('keeps the author’s min and max, and a flat series drawable', () => {
    const scale = linearScale([40, 60], { min: 0, max: 100 });
    expect([scale.min, scale.max]).toEqual([0, 100]);
    expect(scale.at(150)).toBe(1);
    expect(linearScale([0, 0]).ticks.length).toBeGreaterThan(1);
  });
});
