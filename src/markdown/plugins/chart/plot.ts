// What every chart with axes shares: the plot area, and the value axis's grid and numbers.
import type { Scale } from './scale.js';
import { formatTick } from './scale.js';
import { el, text, textWidth } from './svg.js';

/** The rectangle the marks are drawn in, in SVG units (y grows downwards). */
export interface Plot {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export const LABEL_SIZE = 16;

/** The widest of the scale's numbers, for the margin they need. */
export function tickWidth(scale: Scale, decimal: string): number {
  return Math.max(...scale.ticks.map((t) => textWidth(formatTick(t, decimal), LABEL_SIZE)));
}

/** Where a value falls on the value axis: up the plot, or along it when `horizontal`. */
export function valuePosition(plot: Plot, scale: Scale, horizontal: boolean) {
  return (value: number): number =>
    horizontal ? plot.x0 + scale.at(value) * (plot.x1 - plot.x0) : plot.y1 - scale.at(value) * (plot.y1 - plot.y0);
}

/** Grid lines at each tick, with its number beside (vertical axis) or under (horizontal) the plot. */
export function valueAxis(plot: Plot, scale: Scale, horizontal: boolean, decimal: string): string {
  const at = valuePosition(plot, scale, horizontal);
  return scale.ticks
    .map((tick) => {
      const p = at(tick);
      const line = horizontal
        ? el('line', { x1: p, x2: p, y1: plot.y0, y2: plot.y1, style: 'stroke:var(--dm-border)' })
        : el('line', { x1: plot.x0, x2: plot.x1, y1: p, y2: p, style: 'stroke:var(--dm-border)' });
      const label = horizontal
        ? text(p, plot.y1 + 22, formatTick(tick, decimal), { anchor: 'middle', colour: 'var(--dm-muted)' })
        : text(plot.x0 - 8, p + 5, formatTick(tick, decimal), { anchor: 'end', colour: 'var(--dm-muted)' });
      return line + label;
    })
    .join('');
}

/** Every `k`th of `count` labels, so labels `width` wide fit in bands `band` wide. */
export function labelStep(band: number, width: number): number {
  return Math.max(1, Math.ceil((width + 8) / band));
}
