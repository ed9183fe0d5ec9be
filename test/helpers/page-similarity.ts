// How alike two pictures of a slide are: both shrunk to a coarse grid of grey levels (which
// forgives a fallback font's wider letters but not a missing card or a white slide that should be
// dark), compared cell by cell. 1 is identical, 0 black against white everywhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

const GRID_W = 32;
const GRID_H = 18;

/** Grey levels of `w`×`h` pixels (`channels` bytes each, RGB first) averaged into a GRID_W × GRID_H grid. */
function grid(pixels: Uint8Array, w: number, h: number, channels: number): number[] {
  const sums = new Array<number>(GRID_W * GRID_H).fill(0);
  const counts = new Array<number>(GRID_W * GRID_H).fill(0);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * channels;
      const cell = Math.floor((y * GRID_H) / h) * GRID_W + Math.floor((x * GRID_W) / w);
      sums[cell] += (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
      counts[cell]++;
    }
  }
  return sums.map((s, i) => s / Math.max(1, counts[i]));
}

/** The grid of every page of a PDF, rendered by pdftoppm. */
export function pdfPageGrids(pdfFile: string): number[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deckmark-similarity-'));
  try {
    execFileSync('pdftoppm', ['-scale-to-x', '320', '-scale-to-y', '180', pdfFile, path.join(dir, 'p')]);
    const files = execFileSync('ls', [dir]).toString().trim().split('\n').sort();
    return files.map((f) => {
      // A binary PPM: "P6\n<width> <height>\n255\n" and then RGB bytes.
      const ppm = readFileSync(path.join(dir, f));
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
      return grid(ppm.subarray(header[0].length), Number(header[1]), Number(header[2]), 3);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The grid of a PNG file (opaque: what a viewer shows). */
export function pngGrid(file: string): number[] {
  const png = PNG.sync.read(readFileSync(file));
  return grid(png.data, png.width, png.height, 4);
}

/** 1 − the mean difference of grey levels, cell by cell, over 255. */
export function similarity(a: number[], b: number[]): number {
  const diff = a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0) / a.length;
  return 1 - diff / 255;
}
