// Videos in the PDF (network blocked): each becomes a still with its title, the link as text and
// as a link annotation, and a QR code that a reader decodes back to the link. Read back with
// pdfjs; the QR code is read from the page rendered by pdftoppm (poppler) with jsQR.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfContents } from '../helpers/read-pdf.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';

// jsqr is CommonJS whose types declare an ES default export: under NodeNext the function is `.default`.
const jsQR = jsQRModule.default;

/** Renders one page (0-based) to pixels and returns every QR code jsQR finds on it. */
function readQrCode(pdfFile: string, page: number): string | undefined {
  const prefix = path.join(tempDir(), 'page');
  execFileSync('pdftoppm', ['-r', '150', '-f', String(page + 1), '-l', String(page + 1), '-singlefile', pdfFile, prefix]);
  const ppm = readFileSync(`${prefix}.ppm`);
  // A binary PPM: "P6\n<width> <height>\n255\n" and then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgb[i * 3];
    rgba[i * 4 + 1] = rgb[i * 3 + 1];
    rgba[i * 4 + 2] = rgb[i * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data;
}

const pageWith = (pdf: PdfContents, text: string): number => pdf.pages.findIndex((p) => p.text.includes(text));

describe('videos in the PDF', { timeout: 120_000 }, () => {
  describe('the example deck', () => {
    let pdfFile: string;
    let pdf: PdfContents;
    let stderr: string;
    beforeAll(async () => {
      const out = tempDir();
      const r = await runCli('pdf', path.join(SLIDES, 'strategi-sosiale-medier.md'), '-o', out);
      expect(r.code, r.stderr).toBe(0);
      stderr = r.stderr;
      pdfFile = path.join(out, 'strategi-sosiale-medier/strategi-sosiale-medier.pdf');
      pdf = await readPdf(pdfFile);
    });

    it("shows the seed's film as a still: its title, the words to watch it and its link as text", () => {
      const page = pageWith(pdf, 'Kortfilm: sosiale medier');
      expect(page).toBeGreaterThan(0);
      expect(pdf.pages[page].text).toContain('Kortfilm om sosiale medier');
      expect(pdf.pages[page].text).toContain('Se videoen');
      expect(pdf.pages[page].text).toContain('https://youtu.be/reBGK5isnco');
    });

    it('links the still to the film', () => {
      const page = pageWith(pdf, 'Kortfilm: sosiale medier');
      expect(pdf.pages[page].links).toContainEqual({ url: 'https://youtu.be/reBGK5isnco' });
    });

    it('prints a QR code that decodes to the link', () => {
      expect(readQrCode(pdfFile, pageWith(pdf, 'Kortfilm: sosiale medier'))).toBe('https://youtu.be/reBGK5isnco');
    });

    it('asks the network for nothing', () => {
      expect(stderr).not.toMatch(/not on this machine/);
    });
  });

  describe('YouTube with a start time, Vimeo, and a local file', () => {
    let pdfFile: string;
    let pdf: PdfContents;
    let stderr: string;
    beforeAll(async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'package.json'), '{}');
      copyFileSync(path.join(SLIDES, 'img/sample-clip.webm'), path.join(dir, 'clip.webm'));
      writeFileSync(
        path.join(dir, 'deck.md'),
        `# Films

---

## YouTube

![Bankens film](https://www.youtube.com/watch?v=reBGK5isnco&t=1m30s)

---

## Vimeo

https://vimeo.com/76979871 {start=30}

---

## Local

![Test clip](clip.webm)
`,
      );
      const out = path.join(dir, 'out');
      const r = await runCli('pdf', path.join(dir, 'deck.md'), '-o', out);
      expect(r.code, r.stderr).toBe(0);
      stderr = r.stderr;
      pdfFile = path.join(out, 'deck/deck.pdf');
      pdf = await readPdf(pdfFile);
    });

    it('has one page per slide, a still on each video page', () => {
      expect(pdf.pages).toHaveLength(4);
      expect(pdf.pages[1].text).toMatch(/Bankens film.*YouTube.*Watch the video.*https:\/\/youtu\.be\/reBGK5isnco\?t=90/);
      expect(pdf.pages[2].text).toMatch(/Video on Vimeo.*https:\/\/vimeo\.com\/76979871#t=30s/);
      expect(pdf.pages[3].text).toMatch(/Test clip.*Video file · clip\.webm/);
      expect(stderr).not.toMatch(/not on this machine/);
    });

    it('links and QR-codes each film at its start time; a local file has neither', () => {
      expect(pdf.pages[1].links).toEqual([{ url: 'https://youtu.be/reBGK5isnco?t=90' }]);
      expect(pdf.pages[2].links).toEqual([{ url: 'https://vimeo.com/76979871#t=30s' }]);
      expect(pdf.pages[3].links).toEqual([]);
      expect(readQrCode(pdfFile, 1)).toBe('https://youtu.be/reBGK5isnco?t=90');
      expect(readQrCode(pdfFile, 2)).toBe('https://vimeo.com/76979871#t=30s');
      expect(readQrCode(pdfFile, 3)).toBeUndefined();
    });
  });
});
