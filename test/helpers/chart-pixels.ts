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

export interface PatternedMark {
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
 * Runs in the page: each chart in the element `frameSelector` picks out (the first that holds a
 * chart, or the one `index` says), its box and that of the frame, and its patterned marks.
 */
export function measureCharts(frameSelector: string, index = -1): MeasuredChart[] {
  const frames = [...document.querySelectorAll(frameSelector)];
  const frame = index >= 0 ? frames[index] : frames.find((f) => f.querySelector('.dm-chart-svg'));
  if (!frame) return [];
  const boxOf = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };
  return [...frame.querySelectorAll('svg.dm-chart-svg')].map((svg) => {
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
 * The share of the picture's pixels inside `box` (in CSS pixels from the picture's top left,
 * `scale` device pixels each, 3 pixels in from its edges) within a small distance of each colour.
 */
export function colourShares(png: Picture, box: Box, colours: string[], scale = 1): number[] {
  const targets = colours.map(rgb);
  const counts = targets.map(() => 0);
  let total = 0;
  const x0 = Math.max(0, Math.round((box.left + 3) * scale));
  const y0 = Math.max(0, Math.round((box.top + 3) * scale));
  const x1 = Math.min(png.width, Math.round((box.left + box.width - 3) * scale));
  const y1 = Math.min(png.height, Math.round((box.top + box.height - 3) * scale));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      total++;
      targets.forEach((t, k) => {
        if (Math.abs(png.data[i] - t[0]) + Math.abs(png.data[i + 1] - t[1]) + Math.abs(png.data[i + 2] - t[2]) < 40) counts[k]++;
      });
    }
  }
  return counts.map((c) => (total ? c / total : 0));
}
