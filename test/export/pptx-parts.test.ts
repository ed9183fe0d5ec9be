// Raw HTML parts in `deckmark pptx`: an <iframe> or a <canvas> cannot be PowerPoint content, so
// each is shot in Chromium as the built deck shows it (print view, twice its size) and placed in
// the slide as a picture with its name as alt text, with a `pptx-picture` warning at the line its
// tag is written on; a frame on another site is a panel naming it (the export is offline). Without
// a browser they are left out, as before, with one line saying a browser would draw them.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO, runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { convertToPdf, libreOfficeAvailable } from '../helpers/libreoffice.js';
import { renderPage, type PagePixels } from '../helpers/pdf-pixels.js';
import { readPptx, type PptxContents } from '../helpers/read-pptx.js';

const DECK = `---
title: Parts
---

# Parts

Some text before the frame.

<iframe srcdoc="<body style='margin:0;background:#1e7f4f'></body>" title="The green widget" width="400" height="200" style="border:0"></iframe>

---

## Drawn

<canvas id="red" width="300" height="150"></canvas>
<script>
document.getElementById('red').getContext('2d').fillStyle = '#c0392b';
document.getElementById('red').getContext('2d').fillRect(0, 0, 300, 150);
</script>

<iframe src="https://www.youtube.com/embed/abc" width="320" height="180"></iframe>

---

## Plain

Only text here.

---

## Scripted

<iframe id="later" title="Set by a script" width="200" height="100"></iframe>
<script>document.getElementById('later').src = 'gone.html';</script>
<iframe src="100%.html" width="200" height="100"></iframe>

---

## Film

<video src="clip.webm" width="320" height="180"></video>
`;

let dir: string;

beforeAll(() => {
  dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, 'parts.md'), DECK);
  writeFileSync(path.join(dir, 'plain.md'), '# Plain\n\nNo raw parts.\n');
  copyFileSync(path.join(SLIDES, 'img/sample-clip.webm'), path.join(dir, 'clip.webm'));
});

type Image = ReturnType<typeof PNG.sync.read>;

/** The PNG each picture of slide `n` (1-based) shows, in order. */
async function slidePictures(file: string, n: number): Promise<Image[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
  const targets = [...rels.matchAll(/Target="\.\.\/media\/([^"]+\.png)"/g)].map((m) => m[1]);
  return Promise.all(targets.map(async (t) => PNG.sync.read(await zip.file(`ppt/media/${t}`)!.async('nodebuffer'))));
}

/** The share of a PNG's pixels within 12 of the colour `hex` on each channel. */
function shareOf(png: Image, hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (Math.abs(png.data[i] - r) <= 12 && Math.abs(png.data[i + 1] - g) <= 12 && Math.abs(png.data[i + 2] - b) <= 12) n++;
  return n / (png.data.length / 4);
}

/** The share of a rendered page's pixels within 24 of the colour `hex` on each channel (an office suite may recompress pictures). */
function pageShareOf(page: PagePixels, hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < page.rgb.length; i += 3)
    if (Math.abs(page.rgb[i] - r) <= 24 && Math.abs(page.rgb[i + 1] - g) <= 24 && Math.abs(page.rgb[i + 2] - b) <= 24) n++;
  return n / (page.rgb.length / 3);
}

function warnings(stderr: string, code: string): string[] {
  return stderr.split('\n').filter((l) => l.includes(`(${code})`));
}

describe('raw HTML parts in the .pptx', { timeout: 120_000 }, () => {
  let pptx: PptxContents;
  let file: string;
  let stderr: string;
  beforeAll(async () => {
    const result = await runCli('pptx', path.join(dir, 'parts.md'), '-o', path.join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    stderr = result.stderr;
    file = path.join(dir, 'out/parts/parts.pptx');
    pptx = await readPptx(file);
  });

  it('are pictures at their place, named in their alt text; the slides’ text stays text', () => {
    expect(pptx.slides[0].pictures).toEqual(['The green widget']);
    expect(pptx.slides[0].paragraphs).toContain('Some text before the frame.');
    expect(pptx.slides[1].pictures).toEqual(['<canvas>', '<iframe> from www.youtube.com']);
    expect(pptx.slides[1].title).toBe('Drawn');
    expect(pptx.slides[2].pictures).toEqual([]);
    expect(pptx.slides[3].pictures).toEqual(['Set by a script', '<iframe> 100%.html']);
    expect(pptx.slides[4].pictures).toEqual(['<video> clip.webm']); // the file as written, not the built deck's hashed copy
  });

  it('show what the deck shows, at twice their size: the frame’s page, the canvas’s drawing', async () => {
    const [frame] = await slidePictures(file, 1);
    expect([frame.width, frame.height]).toEqual([800, 400]);
    expect(shareOf(frame, '1e7f4f')).toBeGreaterThan(0.95);
    const [canvas, outside] = await slidePictures(file, 2);
    expect([canvas.width, canvas.height]).toEqual([600, 300]);
    expect(shareOf(canvas, 'c0392b')).toBeGreaterThan(0.95);
    // Another site's frame, blocked offline: a panel of its size, mostly the slide's background, with its name in ink.
    expect([outside.width, outside.height]).toEqual([640, 360]);
    expect(shareOf(outside, 'c0392b')).toBe(0);
    expect(shareOf(outside, 'ffffff')).toBeGreaterThan(0.5);
    expect(shareOf(outside, 'ffffff')).toBeLessThan(0.99);
    // A video without a poster: its first frame (the clip's colour bars), not an empty box.
    const [film] = await slidePictures(file, 5);
    expect([film.width, film.height]).toEqual([640, 360]);
    expect(shareOf(film, 'ffffff')).toBeLessThan(0.05);
  });

  it('are each reported at the line its tag is written on', () => {
    expect(warnings(stderr, 'pptx-picture')).toEqual([
      expect.stringMatching(
        /parts\.md:9:1: warning: <iframe> "The green widget" cannot be PowerPoint content: the \.pptx has a picture of it as the deck shows it/,
      ),
      expect.stringMatching(
        /parts\.md:15:1: warning: <canvas> cannot be PowerPoint content: the \.pptx has a picture of it as the deck shows it/,
      ),
      expect.stringMatching(
        /parts\.md:21:1: warning: <iframe> from www\.youtube\.com cannot be PowerPoint content: the \.pptx has a panel naming it and its URL \(the export is offline\)/,
      ),
      // A page the deck's script sets, missing: the frame's error page is not shot.
      expect.stringMatching(
        /parts\.md:33:1: warning: <iframe> "Set by a script" cannot be PowerPoint content: the \.pptx has a panel naming it and its URL \(it did not load in the offline page\)/,
      ),
      expect.stringMatching(/parts\.md:35:1: warning: <iframe> 100%\.html cannot be .* \(100%\.html is not in the built deck\)/),
      expect.stringMatching(
        /parts\.md:41:1: warning: <video> clip\.webm cannot be PowerPoint content: the \.pptx has a picture of it as the deck shows it/,
      ),
    ]);
    expect(stderr).not.toContain('pptx-left-out');
    expect(stderr).not.toContain('pptx-no-browser');
  });

  it.runIf(libreOfficeAvailable())('show in LibreOffice Impress at their size: the frame green, the canvas red', () => {
    const pdfs = tempDir();
    convertToPdf([file], pdfs);
    const [first, second] = [0, 1].map((n) => renderPage(path.join(pdfs, 'parts.pdf'), n));
    // 400×200 and 300×150 CSS px of a 1280×720 slide: 8.7 % and 4.9 % of the page.
    expect(pageShareOf(first, '1e7f4f')).toBeGreaterThan(0.07);
    expect(pageShareOf(first, 'c0392b')).toBe(0);
    expect(pageShareOf(second, 'c0392b')).toBeGreaterThan(0.04);
    expect(pageShareOf(second, '1e7f4f')).toBe(0);
  });
});

describe('raw HTML parts in the .pptx without a browser', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('are left out, each with a warning at its line, and one line says a browser would draw them', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(REPO, 'no-such-browser'));
    const result = await runCli('pptx', path.join(dir, 'parts.md'), '-o', path.join(dir, 'plain'));
    expect(result.code, result.stderr).toBe(0);
    expect(warnings(result.stderr, 'pptx-no-browser')).toEqual([
      expect.stringMatching(
        /parts\.md:9:1: warning: 6 raw HTML parts are left out of the \.pptx, not drawn as pictures \(that needs a browser\): no Chrome or Chromium found/,
      ),
    ]);
    expect(warnings(result.stderr, 'pptx-left-out').map((l) => /parts\.md:(\d+):/.exec(l)?.[1])).toEqual([
      '9',
      '15',
      '21',
      '33',
      '35',
      '41',
    ]);
    const pptx = await readPptx(path.join(dir, 'plain/parts/parts.pptx'));
    expect(pptx.slides.map((s) => s.pictures)).toEqual([[], [], [], [], []]);
    expect(pptx.slides[0].paragraphs).toContain('Some text before the frame.');
  });

  it('are left out the same way when the browser does not start, the one line saying why', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', '/bin/true'); // an executable that is no browser
    const result = await runCli('pptx', path.join(dir, 'parts.md'), '-o', path.join(dir, 'broken'));
    expect(result.code, result.stderr).toBe(0);
    expect(warnings(result.stderr, 'pptx-no-browser')).toEqual([
      expect.stringMatching(
        /parts\.md:9:1: warning: 6 raw HTML parts are left out of the \.pptx, not drawn as pictures \(that needs a browser\): Could not start the browser/,
      ),
    ]);
    expect(warnings(result.stderr, 'pptx-left-out')).toHaveLength(6);
  });

  it('are not asked for in a deck that has none: no browser is needed, nothing is said', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(REPO, 'no-such-browser'));
    const result = await runCli('pptx', path.join(dir, 'plain.md'), '-o', path.join(dir, 'plain'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/pptx-no-browser|pptx-left-out|pptx-picture|Chromium/);
  });
});
