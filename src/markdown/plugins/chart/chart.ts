// `::: chart {type=bar title="…" unit="…" min=0 max=100}` around a Markdown table: the table
// drawn as an SVG chart at build time, the table kept (visually hidden) for screen readers.
// A table that cannot be drawn is a warning on its line, and stays a table.
//
//     ::: chart {type=bar title="Følgere per kanal"}
//     | Kanal     | I dag | Mål  |
//     |-----------|-------|------|
//     | Facebook  | 1200  | 2000 |
//     :::
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { fileLine, warn, type SlideEnv } from '../../env.js';
import { DIV_OPEN } from '../fenced-divs.js';
import { blocksOf, layoutName, matchingClose, tag, tokensOf } from '../layouts/layout-tokens.js';
import { readChartTable, type ChartData } from './chart-data.js';
import { readChartOptions, type ChartOptions } from './chart-options.js';
import { ENGLISH_CHART_WORDS, type ChartWords } from './chart-words.js';
import { describeChart } from './describe.js';
import { renderChartSvg } from './render-chart.js';

/** Categories drawn at most: more would not be readable on a slide, and a huge table must not hang the build. */
export const MAX_CATEGORIES = 100;

type Drawn = { tokens: Token[]; options: ChartOptions } | { problem: string; map: [number, number] | null };

/**
 * The options as `data-chart-*` attributes of the chart's div, for readers of the built HTML
 * (the PowerPoint export draws a native chart from them and the hidden table).
 */
function optionAttributes(options: ChartOptions): Array<[string, string]> {
  return Object.entries(options).map(([name, value]) => [`data-chart-${name}`, String(value)]);
}

/** Why a pie cannot show this data, if it cannot. */
function pieProblem(data: ChartData): string | undefined {
  if (data.series.length !== 1) return `a pie chart shows one column of numbers, the table has ${data.series.length}`;
  if (data.series[0].values.some((v) => v < 0)) return 'a pie chart cannot show negative numbers';
  if (data.series[0].values.every((v) => v === 0)) return 'a pie chart needs a number above zero';
  return undefined;
}

/** The chart's own id in the deck's page: its slide's (speaker notes apart) and its place there. */
function chartId(env: SlideEnv, index: number): string {
  return `dm-${env.docId}${env.inNotes ? 'n' : ''}-chart${index}`;
}

function draw(state: StateCore, open: Token, inner: Token[], words: ChartWords, id: string): Drawn {
  const options: ChartOptions | { problem: string } = readChartOptions(open);
  if ('problem' in options) return { problem: options.problem, map: open.map };
  const blocks = blocksOf(inner);
  const tables = blocks.filter((b) => inner[b.start].type === 'table_open');
  if (tables.length !== 1) return { problem: `it needs one Markdown table, found ${tables.length}`, map: open.map };
  const table = tokensOf(inner, tables[0]);
  const read = readChartTable(table, MAX_CATEGORIES);
  if ('problem' in read) return read;
  const { data, capped } = read;
  if (options.type === 'pie' || options.type === 'donut') {
    const problem = pieProblem(data);
    if (problem) return { problem: problem.replace('pie', options.type), map: open.map };
  }
  if (options.type === 'bullet' && data.series.length !== 2) {
    return {
      problem: `a bullet chart takes two columns of numbers, actual and target; the table has ${data.series.length}`,
      map: open.map,
    };
  }
  if (capped > 0) {
    const env = state.env as SlideEnv;
    const rows = data.categories.length + capped;
    warn(
      env,
      'chart-capped',
      `\`::: chart\`: only the first ${MAX_CATEGORIES} of ${rows} rows are drawn (the table keeps them all)`,
      fileLine(env, open.map),
    );
  }
  const svg = new state.Token('html_block', '', 0);
  svg.content = `${renderChartSvg(data, options, describeChart(data, options, words), words.decimal, id)}\n`;
  svg.block = true;
  const out: Token[] = [];
  for (const block of blocks) {
    if (block !== tables[0]) out.push(...tokensOf(inner, block));
    else out.push(svg, tag(state, 'div', 1, { class: 'dm-chart-data' }), ...table, tag(state, 'div', -1));
  }
  return { tokens: out, options };
}

export function chartPlugin(md: MarkdownIt, words: ChartWords = ENGLISH_CHART_WORDS): void {
  md.core.ruler.push('deckmark_chart', (state) => {
    const tokens = state.tokens;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const open = tokens[i];
      if (open.type !== DIV_OPEN || layoutName(open) !== 'chart') continue;
      const close = matchingClose(tokens, i);
      const drawn = draw(state, open, tokens.slice(i + 1, close), words, chartId(state.env as SlideEnv, i));
      if ('problem' in drawn) {
        const env = state.env as SlideEnv;
        warn(env, 'chart-data', `\`::: chart\`: ${drawn.problem}; the table is shown as a table`, fileLine(env, drawn.map));
        continue;
      }
      open.attrJoin('class', 'dm-chart');
      for (const [name, value] of optionAttributes(drawn.options)) open.attrSet(name, value);
      tokens.splice(i + 1, close - i - 1, ...drawn.tokens);
    }
  });
}
