// `::: chart` as a native PowerPoint chart, its data editable in PowerPoint: the type and options
// from the chart div's `data-chart-*` attributes (markdown/plugins/chart), the series from the
// table the deck keeps visually hidden beside the SVG, the colours the theme's chart colours on
// this slide. The bullet chart has no native type: it is clustered horizontal bars, actual
// beside target. Every bar, point and slice carries its value, so colour is never the only cue.
import { MAX_CATEGORIES } from '../../markdown/plugins/chart/chart.js';
import { parseNumber } from '../../markdown/plugins/chart/chart-data.js';
import { CHART_TYPES, type ChartType } from '../../markdown/plugins/chart/chart-words.js';
import { HEIGHT, WIDTH } from '../../markdown/plugins/chart/svg.js';
import type { Block, SlideContext } from './block.js';
import type { Box, Canvas } from './canvas.js';
import { Element, collapsedText, elements, hasClass } from './html.js';
import type { ChartName, ChartOptions, ChartSeries } from './pptxgen.js';
import { pt } from './text.js';
import { chartColours } from './theme.js';

/** At most as high as the theme sets a chart (as its picture was). */
const MAX_HEIGHT = 470;

interface NativeKind {
  name: ChartName;
  options: ChartOptions;
}

const KINDS: Record<ChartType, NativeKind> = {
  bar: { name: 'bar', options: { barDir: 'col', barGrouping: 'clustered' } },
  hbar: { name: 'bar', options: { barDir: 'bar', barGrouping: 'clustered' } },
  stacked: { name: 'bar', options: { barDir: 'col', barGrouping: 'stacked', barOverlapPct: 100 } },
  hstacked: { name: 'bar', options: { barDir: 'bar', barGrouping: 'stacked', barOverlapPct: 100 } },
  bullet: { name: 'bar', options: { barDir: 'bar', barGrouping: 'clustered' } },
  line: { name: 'line', options: { lineDataSymbol: 'circle', lineDataSymbolSize: 8, lineSize: 2 } },
  // Filled at the deck's 20%: the axis's grid and the labels show through.
  area: { name: 'area', options: { chartColorsOpacity: 20 } },
  pie: { name: 'pie', options: {} },
  donut: { name: 'doughnut', options: { holeSize: 50 } },
};

/**
 * Horizontal bars drawn top down, as the deck draws them: PowerPoint puts the first category at
 * the bottom and, in a group of bars side by side, the first series lowest. So the rows run the
 * other way, and side-by-side series too, each keeping its colour. (Reversing the category axis
 * instead moves the value axis to the top in LibreOffice.)
 */
function topDown(series: ChartSeries[], colours: string[], stacked: boolean): { series: ChartSeries[]; colours: string[] } {
  const rows = series.map((s) => ({ ...s, labels: [...(s.labels as string[])].reverse(), values: [...(s.values ?? [])].reverse() }));
  return stacked ? { series: rows, colours } : { series: rows.reverse(), colours: [...colours].reverse() };
}

/** The series of the chart's table (header first: categories, then one series per column), or undefined when a cell is not a number. */
function readTable(table: Element): ChartSeries[] | undefined {
  const rows: string[][] = [];
  const walk = (node: Element): void => {
    for (const c of elements(node)) {
      if (c.name === 'tr') rows.push(elements(c).map(collapsedText));
      else walk(c);
    }
  };
  walk(table);
  const [header, ...body] = rows;
  if (!header || header.length < 2 || body.length === 0) return undefined;
  // The rows the SVG draws (the table keeps them all).
  const kept = body.slice(0, MAX_CATEGORIES);
  const labels = kept.map((row) => row[0] ?? '');
  const series = header.slice(1).map((name, c) => ({ name, labels, values: kept.map((row) => parseNumber(row[c + 1] ?? '')) }));
  if (series.some((s) => s.values.some((v) => v === undefined))) return undefined;
  return series as ChartSeries[];
}

/** The chart's options written on its div. */
function chartOptions(div: Element): { type: ChartType; title?: string; unit?: string; min?: number; max?: number } | undefined {
  const a = div.attribs;
  const type = a['data-chart-type'] as ChartType;
  if (!CHART_TYPES.includes(type)) return undefined;
  const number = (v: string | undefined): number | undefined => (v === undefined ? undefined : parseNumber(v));
  return {
    type,
    title: a['data-chart-title'],
    unit: a['data-chart-unit'],
    min: number(a['data-chart-min']),
    max: number(a['data-chart-max']),
  };
}

class ChartBlock implements Block {
  constructor(
    readonly kind: NativeKind,
    readonly series: ChartSeries[],
    /** Options at the chart's full size; sizes (pt) scale with the chart. */
    readonly options: (textScale: number) => ChartOptions,
  ) {}

  private size(width: number, scale: number): { w: number; h: number } {
    const k = Math.min(width / WIDTH, (MAX_HEIGHT * scale) / HEIGHT);
    return { w: WIDTH * k, h: HEIGHT * k };
  }

  height(width: number, scale: number): number {
    return this.size(width, scale).h;
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    const { w, h } = this.size(box.w, scale);
    canvas.chart(this.kind.name, this.series, { x: box.x + (box.w - w) / 2, y: box.y, w, h }, this.options(w / WIDTH));
  }
}

/** A chart colour for each of `count` series or slices (pptxgenjs picks a random one past the end of its list). */
function colours(ctx: SlideContext, count: number): string[] {
  const six = chartColours(ctx.palette);
  return Array.from({ length: count }, (_, k) => six[k % six.length]);
}

/**
 * The chart SVG `svg` (inside its `div.dm-chart`, beside its hidden table) as a native chart;
 * undefined when it is not a chart the deck drew (another SVG) or its table cannot be read.
 */
export function nativeChart(ctx: SlideContext, svg: Element): Block | undefined {
  const div = svg.parent;
  if (!hasClass(svg, 'dm-chart-svg') || !(div instanceof Element) || !hasClass(div, 'dm-chart')) return undefined;
  const options = chartOptions(div);
  const table = elements(div).find((e) => hasClass(e, 'dm-chart-data'));
  const series = table && readTable(table);
  if (!options || !series) return undefined;
  const kind = KINDS[options.type];
  const pie = options.type === 'pie' || options.type === 'donut';
  const stacked = kind.options.barGrouping === 'stacked';
  const horizontal = kind.options.barDir === 'bar';
  const p = ctx.palette;
  const font = ctx.theme.fonts.body;
  // One colour a series (a slice of a pie): pptxgenjs colours one series' bars one by one when given more.
  const given = { series, colours: colours(ctx, pie ? (series[0].labels?.length ?? 0) : series.length) };
  const drawn = horizontal ? topDown(given.series, given.colours, stacked) : given;
  // Labels sit inside a stacked segment and a donut's ring (no office suite places a donut's
  // outside), in the background colour (the chart colours are 3:1 or more on it); elsewhere
  // beside their bar, point or slice (or on an area's light fill) in the text colour.
  const inside = stacked || options.type === 'donut';
  return new ChartBlock(kind, drawn.series, (k) => {
    const text = pt(16 * k);
    return {
      ...kind.options,
      altText: svg.attribs['aria-label'] ?? '',
      chartColors: drawn.colours,
      showTitle: Boolean(options.title),
      title: options.title,
      titleColor: p.fg,
      titleFontFace: font,
      titleFontSize: pt(24 * k),
      titleBold: true,
      showLegend: pie || series.length > 1,
      legendPos: 't',
      legendColor: p.fg,
      legendFontFace: font,
      legendFontSize: text,
      showValue: true,
      showLabel: options.type === 'pie',
      showPercent: false,
      dataLabelFormatCode: 'General',
      dataLabelColor: inside ? p.bg : p.fg,
      dataLabelFontFace: font,
      dataLabelFontSize: text,
      dataLabelPosition: inside ? 'ctr' : options.type === 'line' ? 't' : 'outEnd',
      catAxisLabelColor: p.fg,
      catAxisLabelFontFace: font,
      catAxisLabelFontSize: text,
      catAxisLineColor: p.border,
      valAxisLabelColor: p.muted,
      valAxisLabelFontFace: font,
      valAxisLabelFontSize: text,
      valAxisLineShow: false,
      valGridLine: { color: p.border, size: 0.75 },
      valAxisMinVal: options.min,
      valAxisMaxVal: options.max,
      showValAxisTitle: Boolean(options.unit) && !pie,
      valAxisTitle: options.unit,
      valAxisTitleColor: p.muted,
      valAxisTitleFontFace: font,
      valAxisTitleFontSize: text,
    };
  });
}
