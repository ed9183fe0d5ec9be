// Bar charts: bars side by side per category (`bar`, `hbar`), or stacked (`stacked`, `hstacked`),
// each with its value written at its end (inside a stacked segment, with the total at the end),
// and each series after the first patterned as in the legend, so colour is never the only cue.
import type { ChartData } from './chart-data.js';
import type { SeriesFills } from './patterns.js';
import { LABEL_SIZE, labelStep, tickWidth, valueAxis, valuePosition, type Plot } from './plot.js';
import { formatTick, linearScale } from './scale.js';
import { el, fit, seriesColour, text, textWidth } from './svg.js';

export interface BarLayout {
  horizontal: boolean;
  stacked: boolean;
  min?: number;
  max?: number;
  decimal: string;
  fills: SeriesFills;
}

/** The positive and negative running totals of a stacked category, segment by segment. */
function stackOf(values: number[]): Array<[number, number]> {
  let up = 0;
  let down = 0;
  return values.map((v) => (v >= 0 ? [up, (up += v)] : [down, (down += v)]));
}

/** Text on a bar of series `k`: the background colour, on a patch of the series' colour over its pattern. */
const inBar = (k: number) => ({ colour: 'var(--dm-bg)', plate: seriesColour(k) });

export function renderBars(data: ChartData, area: Plot, layout: BarLayout): string {
  const { horizontal, stacked, fills } = layout;
  const n = data.categories.length;
  const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + s.values[i], 0));
  const values = stacked
    ? data.categories.flatMap((_, i) => stackOf(data.series.map((s) => s.values[i])).flat())
    : data.series.flatMap((s) => s.values);
  const scale = linearScale(values, layout);
  const totalLabels = totals.map((t) => formatTick(Number(t.toPrecision(12)), layout.decimal));
  const valueLabels = stacked ? totalLabels : data.series.flatMap((s) => s.labels);
  const labelRoom = Math.max(...valueLabels.map((l) => textWidth(l, LABEL_SIZE))) + 8;
  const categoryWidth = Math.max(...data.categories.map((c) => textWidth(c, LABEL_SIZE)));
  const plot: Plot = horizontal
    ? { x0: area.x0 + Math.min(240, categoryWidth) + 10, x1: area.x1 - labelRoom, y0: area.y0, y1: area.y1 - 30 }
    : { x0: area.x0 + tickWidth(scale, layout.decimal) + 12, x1: area.x1, y0: area.y0 + 24, y1: area.y1 - 30 };
  const at = valuePosition(plot, scale, horizontal);
  const band = (horizontal ? plot.y1 - plot.y0 : plot.x1 - plot.x0) / n;
  const bandStart = (i: number): number => (horizontal ? plot.y0 : plot.x0) + i * band;
  const slots = stacked ? 1 : data.series.length;
  const thickness = (band * 0.8) / slots;
  const out: string[] = [valueAxis(plot, scale, horizontal, layout.decimal)];

  /** A bar across `thickness` at `offset` in its band, from value `from` to `to`. */
  const bar = (offset: number, from: number, to: number, fill: string): string => {
    const [a, b] = [at(from), at(to)].sort((p, q) => p - q);
    const rect = horizontal
      ? { x: a, y: offset, width: b - a, height: thickness - 1 }
      : { x: offset, y: a, width: thickness - 1, height: b - a };
    return el('rect', { ...rect, style: `fill:${fill}` });
  };
  // One size for every value, the largest at which the longest fits across its bar.
  const longest = Math.max(1, ...valueLabels.map((l) => l.length));
  const size = Math.min(LABEL_SIZE, horizontal ? thickness * 0.8 : (thickness / longest) * 1.8);
  /**
   * A value beyond the end of its bar; a negative bar's value that would fall outside the plot
   * (onto the category names) goes inside the bar's end instead, in the background colour on a
   * patch of series `k`'s colour (the bar's end may be patterned).
   */
  const endLabel = (centre: number, value: number, label: string, k: number): string => {
    if (size < 9) return '';
    const p = at(value);
    if (horizontal) {
      const inside = value < 0 && p - 6 - textWidth(label, size) < plot.x0;
      const x = value < 0 && !inside ? p - 6 : p + 6;
      const anchor = value < 0 && !inside ? 'end' : 'start';
      return text(x, centre + size * 0.35, label, { anchor, size, ...(inside ? inBar(k) : {}) });
    }
    const inside = value < 0 && p + size + 4 > plot.y1;
    const y = value < 0 && !inside ? p + size + 4 : p - 6;
    return text(centre, y, label, { anchor: 'middle', size, ...(inside ? inBar(k) : {}) });
  };

  data.categories.forEach((_, i) => {
    const start = bandStart(i) + band * 0.1;
    if (stacked) {
      const stack = stackOf(data.series.map((s) => s.values[i]));
      data.series.forEach((s, k) => {
        const [from, to] = stack[k];
        out.push(bar(start, from, to, fills.fill(k)));
        // The segment's value inside it, in the background colour, where it fits.
        const length = Math.abs(at(to) - at(from));
        const label = s.labels[i];
        const fits = horizontal
          ? length > textWidth(label, LABEL_SIZE) + 6 && thickness > LABEL_SIZE + 4
          : length > LABEL_SIZE + 4 && thickness > textWidth(label, LABEL_SIZE) + 4;
        if (!fits) return;
        const mid = (at(from) + at(to)) / 2;
        const centre = start + thickness / 2;
        out.push(
          horizontal
            ? text(mid, centre + 6, label, { anchor: 'middle', ...inBar(k) })
            : text(centre, mid + 6, label, { anchor: 'middle', ...inBar(k) }),
        );
      });
      // The total at the stack's end on its side of zero: the segment reaching furthest.
      const ends = stack.map(([, to]) => (totals[i] < 0 ? -to : to));
      const last = ends.indexOf(Math.max(...ends));
      out.push(
        endLabel(start + thickness / 2, totals[i] < 0 ? Math.min(0, stack[last][1]) : Math.max(0, stack[last][1]), totalLabels[i], last),
      );
    } else {
      data.series.forEach((s, k) => {
        const offset = start + k * thickness;
        out.push(bar(offset, 0, s.values[i], fills.fill(k)), endLabel(offset + thickness / 2, s.values[i], s.labels[i], k));
      });
    }
  });

  // The categories along the band axis: beside each bar (horizontal) or under, thinned to fit.
  const step = horizontal ? labelStep(band, LABEL_SIZE) : labelStep(band, Math.min(categoryWidth, 160));
  data.categories.forEach((category, i) => {
    if (i % step !== 0) return;
    const centre = bandStart(i) + band / 2;
    out.push(
      horizontal
        ? text(plot.x0 - 8, centre + 5, fit(category, plot.x0 - area.x0 - 8, LABEL_SIZE), { anchor: 'end' })
        : text(centre, plot.y1 + 22, fit(category, band * step - 6, LABEL_SIZE), { anchor: 'middle' }),
    );
  });
  return out.join('');
}
