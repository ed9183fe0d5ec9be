// A chart (::: chart) as Chromium draws it: where its SVG and its patterned bars and slices are
// (measured in the page), and whether a picture of the page (a PNG export, a screenshot) shows
// them there in the colours of the series and of the pattern's marks.

/** A decoded picture (pngjs): RGBA bytes, row by row. */
interface Picture {
  width: number;
  height: number;
  data: Buffer;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface PatternedMark {
  /** `rect` (a bar or segment, filled edge to edge) or `path` (a slice, its box partly outside it). */
  tag: string;
  box: Box;
  /** The colours as Chromium computes them: the series' under the pattern, and the pattern's marks. */
  colour: string;
  mark: string;
}

export interface MeasuredChart {
  /** The SVG's box and that of the frame it must stay inside, in CSS pixels of the viewport. */
  box: Box;
  frame: Box;
  visible: boolean;
  patterned: PatternedMark[];
}

/**
 * Runs in the page: each chart (`chartSelector`) in the `index`th element `frameSelector` picks
 * out, its box and that of the frame, and its patterned marks.
 */
export function measureCharts(frameSelector: string, chartSelector: string, index = 0): MeasuredChart[] {
  const frame = document.querySelectorAll(frameSelector)[index];
  if (!frame) return [];
  const boxOf = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };
  return [...frame.querySelectorAll(chartSelector)].map((svg) => {
    const style = getComputedStyle(svg);
    const patterned = [...svg.querySelectorAll(':scope > [style*="url(#"]')].flatMap((el) => {
      const id = /url\(#([^)]+)\)/.exec(el.getAttribute('style') ?? '')?.[1] ?? '';
      const tiles = [...svg.querySelectorAll(`pattern[id="${id}"] > *`)];
      if (tiles.length < 2) return [];
      return [{ tag: el.tagName, box: boxOf(el), colour: getComputedStyle(tiles[0]).fill, mark: getComputedStyle(tiles[1]).fill }];
    });
    return {
      box: boxOf(svg),
      frame: boxOf(frame),
      visible: style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0,
      patterned,
    };
  });
}

/** True when `inner` lies within `outer`, give or take `tolerance` pixels. */
export function isInside(inner: Box, outer: Box, tolerance = 1): boolean {
  return (
    inner.left >= outer.left - tolerance &&
    inner.top >= outer.top - tolerance &&
    inner.left + inner.width <= outer.left + outer.width + tolerance &&
    inner.top + inner.height <= outer.top + outer.height + tolerance
  );
}

const rgb = (css: string): number[] => (/rgba?\((\d+), (\d+), (\d+)/.exec(css) ?? []).slice(1).map(Number);

/**
 * The share of the picture's pixels inside `box` (in CSS pixels from the picture's top left, a
 * little in from its edges) that are nearest to each of `colours` and within `reach` of it
 * (the sum of the channels' differences).
 */
function colourShares(png: Picture, box: Box, colours: string[], reach = 40): number[] {
  const targets = colours.map(rgb);
  const counts = targets.map(() => 0);
  let total = 0;
  const inset = Math.min(3, box.width / 4, box.height / 4);
  const x0 = Math.max(0, Math.round(box.left + inset));
  const y0 = Math.max(0, Math.round(box.top + inset));
  const x1 = Math.min(png.width, Math.round(box.left + box.width - inset));
  const y1 = Math.min(png.height, Math.round(box.top + box.height - inset));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      total++;
      const distances = targets.map(
        (t) => Math.abs(png.data[i] - t[0]) + Math.abs(png.data[i + 1] - t[1]) + Math.abs(png.data[i + 2] - t[2]),
      );
      const nearest = distances.indexOf(Math.min(...distances));
      if (distances[nearest] < reach) counts[nearest]++;
    }
  }
  return counts.map((c) => (total ? c / total : 0));
}

/**
 * What the picture gets wrong about the chart's patterned marks, `origin` being where the picture's
 * top left is in the page: a bar must be mostly its series' colour with the pattern's marks across
 * it — in a segment's left part too, clear of the value written in its middle (a legend swatch has
 * none) — and a slice its colour over part of its box (the rest is the slide's background, the
 * marks' colour). `marks: false` skips the marks, for a chart drawn too small for them to be sharp.
 */
export function patternProblems(png: Picture, chart: MeasuredChart, origin: { left: number; top: number }, marks = true): string[] {
  const problems: string[] = [];
  for (const mark of chart.patterned) {
    const box = { ...mark.box, left: mark.box.left - origin.left, top: mark.box.top - origin.top };
    const what = `${mark.tag} in ${mark.colour} at ${Math.round(box.left)},${Math.round(box.top)}`;
    const colour = colourShares(png, box, [mark.colour])[0];
    if (colour < (mark.tag === 'path' ? 0.15 : 0.4)) problems.push(`${what}: only ${(colour * 100).toFixed(1)} % of it in its colour`);
    if (mark.tag === 'path' || !marks) continue;
    const clear = box.width > 60 ? { ...box, width: box.width * 0.3 } : box;
    // Anti-aliased, fine marks are blends: counted where nearer the marks' colour than the series'.
    const marked = colourShares(png, clear, [mark.colour, mark.mark], Infinity)[1];
    if (marked < 0.03) problems.push(`${what}: only ${(marked * 100).toFixed(1)} % of it in the marks' ${mark.mark}`);
  }
  return problems;
}
