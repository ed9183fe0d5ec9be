// The chart's SVG: title, legend and the unit around the chart its type draws. The SVG holds no
// script, no event attributes and no external references; its colours are the theme's.
// Its width and height make it a picture of its own size where no deck CSS sizes it (the reading view).
// Its name is aria-label alone: an SVG <title> would be a second <title> in the page for tools that read it.
import { escapeHtml } from '../../html.js';
import { renderBars } from './bars.js';
import { renderBullet } from './bullet.js';
import type { ChartData } from './chart-data.js';
import type { ChartOptions } from './chart-options.js';
import type { ChartType } from './chart-words.js';
import { renderLines } from './lines.js';
import { seriesFills, type SeriesFills } from './patterns.js';
import { renderPie } from './pie.js';
import type { Plot } from './plot.js';
import { el, fit, HEIGHT, text, WIDTH } from './svg.js';

/** The series names with their swatches (colour and pattern, as the bars), in one row, left to right in the bars' order. */
function legend(data: ChartData, fills: SeriesFills, y: number): string {
  const width = (WIDTH - 32) / data.series.length;
  return data.series
    .map((s, k) => {
      const x = 16 + k * width;
      return (
        el('rect', { x, y: y - 15, width: 20, height: 20, style: `fill:${fills.fill(k)}` }) + text(x + 26, y, fit(s.name, width - 34, 16))
      );
    })
    .join('');
}

const BAR_TYPES: Partial<Record<ChartType, { horizontal: boolean; stacked: boolean }>> = {
  bar: { horizontal: false, stacked: false },
  hbar: { horizontal: true, stacked: false },
  stacked: { horizontal: false, stacked: true },
  hstacked: { horizontal: true, stacked: true },
};

/** The chart's SVG; `id` starts every id in it (its patterns'), and must be the chart's own in the page. */
export function renderChartSvg(data: ChartData, options: ChartOptions, description: string, decimal: string, id: string): string {
  const parts: string[] = [];
  let top = 8;
  if (options.title) {
    parts.push(text(WIDTH / 2, 30, fit(options.title, WIDTH - 32, 24), { anchor: 'middle', size: 24, bold: true }));
    top = 46;
  }
  const pie = options.type === 'pie' || options.type === 'donut';
  const bars = BAR_TYPES[options.type];
  // Bars are patterned by series, a pie by slice; lines have their point shapes instead.
  const fills = seriesFills(id, bars ? data.series.length : pie ? data.categories.length : 0);
  // Lines name their series at their ends, a bullet chart draws its own; bars need a legend.
  if (bars && data.series.length > 1) {
    parts.push(legend(data, fills, top + 18));
    top += 30;
  }
  if (options.unit && !pie) {
    parts.push(text(16, top + 14, fit(options.unit, WIDTH / 2, 16), { colour: 'var(--dm-muted)' }));
    top += 20;
  }
  const area: Plot = { x0: 16, x1: WIDTH - 16, y0: top, y1: HEIGHT - 8 };
  const bounds = { min: options.min, max: options.max, decimal };
  if (pie) parts.push(renderPie(data, area, options.type === 'donut', fills));
  else if (options.type === 'bullet') parts.push(renderBullet(data, area, bounds));
  else if (bars) parts.push(renderBars(data, area, { ...bounds, ...bars, fills }));
  else parts.push(renderLines(data, area, { ...bounds, area: options.type === 'area' }));
  const label = escapeHtml(description);
  return (
    `<svg class="dm-chart-svg" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}">` +
    `${fills.defs}${parts.join('')}</svg>`
  );
}
