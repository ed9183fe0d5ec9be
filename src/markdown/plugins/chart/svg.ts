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
 * A line of text in the slide's text colour (or `colour`). `plate` sets it on a rounded patch of
 * that colour, so text on a patterned fill stays clear of the pattern's marks (a patch, not a
 * stroked copy of the text: that would be in the PDF's text twice, and renderers without
 * `paint-order`, as LibreOffice, stroke over the glyphs).
 */
export function text(
  x: number,
  y: number,
  content: string,
  options: { anchor?: Anchor; size?: number; colour?: string; bold?: boolean; plate?: string } = {},
): string {
  const anchor = options.anchor ?? 'start';
  const size = options.size ?? 16;
  let plate = '';
  if (options.plate) {
    const width = textWidth(content, size) + 6;
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width + 3 : x - 3;
    plate = el('rect', { x: left, y: y - size * 0.85, width, height: size * 1.1, rx: 3, style: `fill:${options.plate}` });
  }
  return (
    plate +
    el(
      'text',
      {
        x,
        y,
        'text-anchor': anchor,
        'font-size': size,
        'font-weight': options.bold ? 700 : undefined,
        style: `fill:${options.colour ?? 'var(--dm-fg)'}`,
      },
      escapeHtml(content),
    )
  );
}

/** The width text of `size` takes, roughly (an average glyph is about 0.55 em). */
export const textWidth = (content: string, size: number): number => content.length * size * 0.55;

/** Text shortened with "…" to fit `width`. */
export function fit(content: string, width: number, size: number): string {
  const max = Math.floor(width / (size * 0.55));
  return content.length <= max ? content : `${content.slice(0, Math.max(1, max - 1))}…`;
}
