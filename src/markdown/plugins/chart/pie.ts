// Pie and donut charts of one series: a slice per category, each named with its value and share
// beside it (labels pushed apart where slices are thin) and each after the first patterned, so
// colour is never the only cue.
import type { ChartData } from './chart-data.js';
import type { SeriesFills } from './patterns.js';
import { LABEL_SIZE, type Plot } from './plot.js';
import { el, text, textWidth } from './svg.js';

const round = (n: number): number => Math.round(n * 10) / 10;

/** A slice from angle a to b (radians, clockwise from 12 o'clock), with a hole of radius `inner`. */
function slice(cx: number, cy: number, r: number, inner: number, a: number, b: number): string {
  const point = (radius: number, angle: number): string =>
    `${round(cx + radius * Math.sin(angle))} ${round(cy - radius * Math.cos(angle))}`;
  const large = b - a > Math.PI ? 1 : 0;
  if (b - a >= 2 * Math.PI - 1e-9) {
    // A whole circle: two half arcs (one arc cannot start and end at the same point).
    const ring = (radius: number): string =>
      `M${point(radius, 0)}A${radius} ${radius} 0 1 1 ${point(radius, Math.PI)}A${radius} ${radius} 0 1 1 ${point(radius, 0)}Z`;
    return ring(r) + (inner ? ring(inner) : '');
  }
  const outer = `M${point(r, a)}A${r} ${r} 0 ${large} 1 ${point(r, b)}`;
  return inner ? `${outer}L${point(inner, b)}A${inner} ${inner} 0 ${large} 0 ${point(inner, a)}Z` : `${outer}L${round(cx)} ${round(cy)}Z`;
}

export function renderPie(data: ChartData, area: Plot, donut: boolean, fills: SeriesFills): string {
  const [series] = data.series;
  const total = series.values.reduce((sum, v) => sum + v, 0);
  const cx = (area.x0 + area.x1) / 2;
  const cy = (area.y0 + area.y1) / 2;
  const texts = series.values.map(
    (v, i) => `${data.categories[i]} ${series.labels[i]} (${total > 0 ? ((v / total) * 100).toFixed(0) : '0'} %)`,
  );
  // As large as the height allows, leaving room for the longest label on either side.
  const labelRoom = Math.max(...texts.map((t) => textWidth(t, LABEL_SIZE))) + 20;
  const r = Math.max(40, Math.min((area.y1 - area.y0) / 2 - 8, (area.x1 - area.x0) / 2 - labelRoom));
  const out: string[] = [];
  const labels: Array<{ y: number; right: boolean; text: string }> = [];
  let angle = 0;
  series.values.forEach((v, i) => {
    const sweep = total > 0 ? (v / total) * 2 * Math.PI : 0;
    if (sweep > 0) {
      out.push(
        el('path', {
          d: slice(cx, cy, r, donut ? r * 0.55 : 0, angle, angle + sweep),
          style: `fill:${fills.fill(i)};fill-rule:evenodd;stroke:var(--dm-bg);stroke-width:2`,
        }),
      );
    }
    const mid = angle + sweep / 2;
    labels.push({
      y: cy - (r + 16) * Math.cos(mid),
      right: Math.sin(mid) >= 0,
      text: texts[i],
    });
    angle += sweep;
  });
  // Each side's labels top to bottom, at least a line apart, next to the pie.
  for (const right of [true, false]) {
    const side = labels.filter((l) => l.right === right).sort((p, q) => p.y - q.y);
    let last = -Infinity;
    for (const label of side) {
      const y = Math.max(label.y, last + LABEL_SIZE + 6);
      last = y;
      // Just outside the circle at the height it was moved to.
      const dx = Math.sqrt(Math.max(0, (r + 16) ** 2 - (y - cy) ** 2));
      out.push(text(right ? cx + dx : cx - dx, y + 5, label.text, { anchor: right ? 'start' : 'end' }));
    }
  }
  return out.join('');
}
