// Line and area charts: a line per series through its values, each point marked with a shape of
// its own (circle, square, triangle, …) and the series named at the line's end, so colour is
// never the only cue; with one or two series every point carries its value too.
import type { ChartData } from './chart-data.js';
import { LABEL_SIZE, labelStep, tickWidth, valueAxis, valuePosition, type Plot } from './plot.js';
import { linearScale } from './scale.js';
import { el, fit, seriesColour, text, textWidth } from './svg.js';

export interface LineLayout {
  area: boolean;
  min?: number;
  max?: number;
  decimal: string;
}

/** A point's marker: a different shape for each series. */
function marker(shape: number, x: number, y: number, colour: string): string {
  const r = 5;
  const style = `fill:${colour}`;
  switch (shape % 4) {
    case 0:
      return el('circle', { cx: x, cy: y, r, style });
    case 1:
      return el('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, style });
    case 2:
      return el('path', { d: `M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`, style });
    default:
      return el('path', { d: `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`, style });
  }
}

export function renderLines(data: ChartData, area: Plot, layout: LineLayout): string {
  const n = data.categories.length;
  const scale = linearScale(
    data.series.flatMap((s) => s.values),
    layout,
  );
  const nameRoom = Math.min(180, Math.max(...data.series.map((s) => textWidth(s.name, LABEL_SIZE)))) + 14;
  const plot: Plot = { x0: area.x0 + tickWidth(scale, layout.decimal) + 12, x1: area.x1 - nameRoom, y0: area.y0 + 24, y1: area.y1 - 30 };
  const at = valuePosition(plot, scale, false);
  const band = (plot.x1 - plot.x0) / n;
  const xOf = (i: number): number => plot.x0 + band * (i + 0.5);
  const labelled = data.series.length <= 2 && band >= 28;
  const out: string[] = [valueAxis(plot, scale, false, layout.decimal)];
  data.series.forEach((s, k) => {
    const colour = seriesColour(k);
    const points = s.values.map((v, i) => `${Math.round(xOf(i) * 10) / 10} ${Math.round(at(v) * 10) / 10}`);
    if (layout.area) {
      const base = Math.round(at(Math.max(scale.min, Math.min(0, scale.max))) * 10) / 10;
      out.push(
        el('path', {
          d: `M${points.join('L')}L${Math.round(xOf(n - 1) * 10) / 10} ${base}L${Math.round(xOf(0) * 10) / 10} ${base}Z`,
          style: `fill:${colour};fill-opacity:0.2`,
        }),
      );
    }
    out.push(el('path', { d: `M${points.join('L')}`, style: `fill:none;stroke:${colour};stroke-width:3;stroke-linejoin:round` }));
    s.values.forEach((v, i) => {
      out.push(marker(k, xOf(i), at(v), colour));
      // Of two series, the higher point's value above it, the lower's below, clear of the other line.
      const other = data.series[1 - k]?.values[i];
      const above = other === undefined || v > other || (v === other && k === 0);
      if (labelled) out.push(text(xOf(i), above ? at(v) - 12 : at(v) + 12 + LABEL_SIZE * 0.7, s.labels[i], { anchor: 'middle', size: 14 }));
    });
    out.push(text(xOf(n - 1) + 12, at(s.values[n - 1]) + 5, fit(s.name, nameRoom - 14, LABEL_SIZE), { colour }));
  });
  const step = labelStep(band, Math.min(160, Math.max(...data.categories.map((c) => textWidth(c, LABEL_SIZE)))));
  data.categories.forEach((category, i) => {
    if (i % step === 0) out.push(text(xOf(i), plot.y1 + 22, fit(category, band * step - 6, LABEL_SIZE), { anchor: 'middle' }));
  });
  return out.join('');
}
