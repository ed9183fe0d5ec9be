// Building the chart's SVG as text: elements with escaped attributes, and the theme's colours.
import { escapeHtml, renderAttributes } from '../../html.js';

// Small enough that 16-unit labels read at about 20 px on a 1280 × 720 slide.
export const WIDTH = 640;
export const HEIGHT = 360;

/** Series colours the theme defines (`--dm-chart-1` … `--dm-chart-6`), reused from the first after six. */
const SERIES_COLOURS = 6;
export const seriesColour = (i: number): string => `var(--dm-chart-${(i % SERIES_COLOURS) + 1})`;

/** An element; numbers are rounded to 0.1 so the SVG stays small. */
export function el(name: string, attributes: Record<string, string | number | undefined>, content?: string): string {
  const attrs: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(attributes))
    attrs[key] = typeof value === 'number' ? String(Math.round(value * 10) / 10) : value;
  return content === undefined ? `<${name}${renderAttributes(attrs)}/>` : `<${name}${renderAttributes(attrs)}>${content}</${name}>`;
}

export type Anchor = 'start' | 'middle' | 'end';

/**
 * A line of text in the slide's text colour (or `colour`); `halo` outlines it in that colour, so
 * text on a patterned fill stays clear of the pattern's marks.
 */
export function text(
  x: number,
  y: number,
  content: string,
  options: { anchor?: Anchor; size?: number; colour?: string; bold?: boolean; halo?: string } = {},
): string {
  const halo = options.halo ? `;stroke:${options.halo};stroke-width:4;stroke-linejoin:round;paint-order:stroke` : '';
  return el(
    'text',
    {
      x,
      y,
      'text-anchor': options.anchor ?? 'start',
      'font-size': options.size ?? 16,
      'font-weight': options.bold ? 700 : undefined,
      style: `fill:${options.colour ?? 'var(--dm-fg)'}${halo}`,
    },
    escapeHtml(content),
  );
}

/** The width text of `size` takes, roughly (an average glyph is about 0.55 em). */
export const textWidth = (content: string, size: number): number => content.length * size * 0.55;

/** Text shortened with "…" to fit `width`. */
export function fit(content: string, width: number, size: number): string {
  const max = Math.floor(width / (size * 0.55));
  return content.length <= max ? content : `${content.slice(0, Math.max(1, max - 1))}…`;
}
