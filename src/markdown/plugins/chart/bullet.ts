// A bullet chart of actual against target: a bar per category for the first column (actual)
// and a mark across it at the second (target), both values written after it ("1 200 / 2 500").
import type { ChartData } from './chart-data.js';
import { LABEL_SIZE, valueAxis, valuePosition, type Plot } from './plot.js';
import { linearScale } from './scale.js';
import { el, fit, seriesColour, text, textWidth } from './svg.js';

export function renderBullet(data: ChartData, area: Plot, layout: { min?: number; max?: number; decimal: string }): string {
  const [actual, target] = data.series;
  const scale = linearScale([...actual.values, ...target.values], layout);
  const pairs = data.categories.map((_, i) => `${actual.labels[i]} / ${target.labels[i]}`);
  const categoryWidth = Math.min(240, Math.max(...data.categories.map((c) => textWidth(c, LABEL_SIZE))));
  const labelRoom = Math.max(...pairs.map((p) => textWidth(p, LABEL_SIZE))) + 12;
  // The legend: the bar is the first column, the mark the second.
  const legend =
    el('rect', { x: area.x0, y: area.y0 + 3, width: 16, height: 16, style: `fill:${seriesColour(0)}` }) +
    text(area.x0 + 22, area.y0 + 16, fit(actual.name, 200, LABEL_SIZE)) +
    el('rect', { x: area.x0 + 250, y: area.y0, width: 4, height: 22, style: 'fill:var(--dm-fg)' }) +
    text(area.x0 + 262, area.y0 + 16, fit(target.name, 200, LABEL_SIZE));
  const plot: Plot = { x0: area.x0 + categoryWidth + 10, x1: area.x1 - labelRoom, y0: area.y0 + 34, y1: area.y1 - 30 };
  const at = valuePosition(plot, scale, true);
  const band = (plot.y1 - plot.y0) / data.categories.length;
  const out: string[] = [legend, valueAxis(plot, scale, true, layout.decimal)];
  const zero = at(Math.max(scale.min, Math.min(0, scale.max)));
  data.categories.forEach((category, i) => {
    const centre = plot.y0 + band * (i + 0.5);
    const thickness = band * 0.4;
    const end = at(actual.values[i]);
    const mark = at(target.values[i]);
    out.push(
      el('rect', { x: plot.x0, y: centre - band * 0.35, width: plot.x1 - plot.x0, height: band * 0.7, style: 'fill:var(--dm-surface)' }),
      el('rect', {
        x: Math.min(zero, end),
        y: centre - thickness / 2,
        width: Math.abs(end - zero),
        height: thickness,
        style: `fill:${seriesColour(0)}`,
      }),
      el('rect', { x: mark - 2, y: centre - band * 0.3, width: 4, height: band * 0.6, style: 'fill:var(--dm-fg)' }),
      text(plot.x0 - 8, centre + 5, fit(category, categoryWidth, LABEL_SIZE), { anchor: 'end' }),
      text(plot.x1 + 8, centre + 5, pairs[i]),
    );
  });
  return out.join('');
}
