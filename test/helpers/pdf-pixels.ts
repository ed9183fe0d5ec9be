// One page of a PDF as pixels, rendered by pdftoppm (poppler): what a reader sees.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PagePixels {
  width: number;
  height: number;
  /** RGB bytes, row by row. */
  rgb: Uint8Array;
  /** Pixels per PDF point. */
  scale: number;
}

/** Renders page `page` (0-based) at `dpi`. */
export function renderPage(pdfFile: string, page: number, dpi = 72): PagePixels {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckmark-pixels-'));
  try {
    const prefix = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), '-singlefile', pdfFile, prefix]);
    const ppm = readFileSync(`${prefix}.ppm`);
    // A binary PPM: "P6\n<width> <height>\n255\n" and then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
    return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length), scale: dpi / 72 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How much ink a box of the page holds: each pixel's darkness against the box's lightest pixel
 * (its background), summed. The box is in PDF points from the top left.
 */
export function inkIn(pixels: PagePixels, box: { x: number; y: number; width: number; height: number }): number {
  const [x0, y0] = [Math.max(0, Math.round(box.x * pixels.scale)), Math.max(0, Math.round(box.y * pixels.scale))];
  const x1 = Math.min(pixels.width, Math.round((box.x + box.width) * pixels.scale));
  const y1 = Math.min(pixels.height, Math.round((box.y + box.height) * pixels.scale));
  const levels: number[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * pixels.width + x) * 3;
      levels.push((pixels.rgb[i] + pixels.rgb[i + 1] + pixels.rgb[i + 2]) / 3);
    }
  }
  const background = Math.max(...levels);
  return levels.reduce((ink, level) => ink + background - level, 0);
}
