// The fills of a chart's series (bars) or slices (pies): the first solid, each after it its colour
// under a pattern of its own (stripes, dots, cross-hatch…) in the background colour, so a stacked
// segment or a slice is matched to its legend swatch or label without telling colours apart.
// The patterns are defined inside the chart's own SVG with the chart's own ids (two charts on a
// page never share one) and drawn in the theme's custom properties, so an inverse slide turns them too.
import { el, seriesColour } from './svg.js';

/** One tile of a pattern, in user units: small enough to show a few repeats in a legend swatch. */
const TILE = 8;
const MARK = 'fill:var(--dm-bg)';

/** The marks over the colour, tile by tile; the kinds cycle one step out of phase with the six colours. */
const MARKS: Array<{ marks: string; turn?: number }> = [
  { marks: '' },
  { marks: el('rect', { width: 2.5, height: TILE, style: MARK }), turn: 45 },
  { marks: el('circle', { cx: TILE / 2, cy: TILE / 2, r: 1.8, style: MARK }) },
  { marks: el('rect', { width: 2, height: TILE, style: MARK }) + el('rect', { width: TILE, height: 2, style: MARK }), turn: 45 },
  { marks: el('rect', { width: TILE, height: 2.5, style: MARK }) },
  { marks: el('rect', { width: 2.5, height: TILE, style: MARK }), turn: -45 },
  { marks: el('rect', { width: 2.5, height: TILE, style: MARK }) },
];

export interface SeriesFills {
  /** The `<defs>` of the patterns to put in the chart's SVG; empty when every fill is solid. */
  defs: string;
  /** The CSS fill of series (or slice) `k`: its colour, or `url(#…)` of its pattern. */
  fill(k: number): string;
}

/** Fills for `count` series of the chart whose ids start with `id`. */
export function seriesFills(id: string, count: number): SeriesFills {
  const kind = (k: number): number => k % MARKS.length;
  const patternId = (k: number): string => `${id}-fill${k}`;
  const patterns: string[] = [];
  for (let k = 0; k < count; k++) {
    const { marks, turn } = MARKS[kind(k)];
    if (!marks) continue;
    patterns.push(
      el(
        'pattern',
        {
          id: patternId(k),
          width: TILE,
          height: TILE,
          patternUnits: 'userSpaceOnUse',
          patternTransform: turn ? `rotate(${turn})` : undefined,
        },
        el('rect', { width: TILE, height: TILE, style: `fill:${seriesColour(k)}` }) + marks,
      ),
    );
  }
  return {
    defs: patterns.length ? `<defs>${patterns.join('')}</defs>` : '',
    fill: (k) => (MARKS[kind(k)].marks ? `url(#${patternId(k)})` : seriesColour(k)),
  };
}
