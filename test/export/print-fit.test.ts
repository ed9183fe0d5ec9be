// Nothing cut off in the PDF: a slide too wide (a long inline code span) is shrunk and warned
// about like one too tall, long code lines wrap, reveal.js's r-fit-text and r-stretch fit the
// slide, and a block with line-highlight steps prints at full strength unless --fragments.
// Read back with pdfjs (where the text is) and pdftoppm (how dark the lines print).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inkIn, renderPage } from '../helpers/pdf-pixels.js';
import { readPdf, type PdfContents } from '../helpers/read-pdf.js';
import { runCli, tempDir } from '../helpers/cli.js';

const PT = 0.75; // PDF points per CSS pixel

const DECK = `---
title: Fit
---

## A heading fitted to the slide's width {.r-fit-text}

---

## Wide

Call \`${'x'.repeat(400)}\` then stop.

---

## Long code

\`\`\`js
const line = '${'word '.repeat(60)}tail';
\`\`\`

---

## Stretch

<img class="r-stretch" src="box.svg" alt="a red box">

Under the box

---

## Steps

\`\`\`js [1|2]
let alpha = 1;
let alpha = 1;
\`\`\`
`;

const BOX = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="#c33"/></svg>';

async function exportPdf(...flags: string[]) {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, 'deck.md'), DECK);
  writeFileSync(path.join(dir, 'box.svg'), BOX);
  const out = path.join(dir, 'out');
  const result = await runCli('pdf', path.join(dir, 'deck.md'), '-o', out, ...flags);
  expect(result.code, result.stderr).toBe(0);
  const pdfFile = path.join(out, 'deck/deck.pdf');
  return { stderr: result.stderr, pdfFile, pdf: await readPdf(pdfFile) };
}

/** Every run of text on a page lies inside the page. */
function allInside(pdf: PdfContents, page: number): boolean {
  const { width, words } = pdf.pages[page];
  return words.every((w) => w.x >= -1 && w.x + w.width <= width + 1);
}

/** How dark each of the two `let alpha = 1;` lines of the steps slide prints: [first, second]. */
function stepLineInk(pdfFile: string, pdf: PdfContents, page: number): number[] {
  const { height, words } = pdf.pages[page];
  const lines = words.filter((w) => w.str.includes('alpha')).sort((a, b) => b.y - a.y);
  expect(lines).toHaveLength(2);
  const pixels = renderPage(pdfFile, page, 144);
  // From the baseline up by one em (monospace: a character is ~0.6 em wide).
  return lines.map((w) => {
    const em = w.width / w.str.length / 0.6;
    return inkIn(pixels, { x: w.x, y: height - w.y - em, width: w.width, height: em });
  });
}

describe('the PDF fits every slide on both axes', { timeout: 120_000 }, () => {
  let stderr: string;
  let pdfFile: string;
  let pdf: PdfContents;
  beforeAll(async () => {
    ({ stderr, pdfFile, pdf } = await exportPdf());
  });

  it('shrinks a slide too wide and warns with its line and width', () => {
    expect(stderr).toMatch(
      /deck\.md:9:1: warning: slide content overflows its 1280px width by \d+px \(\d+%\): shrunk to \d+% in the PDF \(overflow\)/,
    );
    expect(pdf.pages[1].text).toContain('stop.');
    expect(allInside(pdf, 1)).toBe(true);
  });

  it('wraps a code line wider than its block, with a warning, instead of clipping it', () => {
    expect(stderr).toMatch(/deck\.md:15:1: warning: code lines wider than their block wrap in the PDF \(code-overflow\)/);
    expect(pdf.pages[2].text).toContain("tail'");
    expect(allInside(pdf, 2)).toBe(true);
  });

  it('fits an r-fit-text heading to the slide width, within the page, without an overflow warning', () => {
    expect(stderr).not.toMatch(/deck\.md:5:1: .*overflow/);
    const heading = pdf.pages[0].words.filter((w) => /heading|width/.test(w.str));
    expect(heading.length).toBeGreaterThan(0);
    const right = Math.max(...heading.map((w) => w.x + w.width));
    const left = Math.min(...heading.map((w) => w.x));
    expect(right).toBeLessThanOrEqual(1280 * PT);
    expect(right - left).toBeGreaterThan(0.8 * 1280 * PT); // as wide as the slide's text column
  });

  it('keeps an r-stretch image and the text under it on the slide', () => {
    expect(stderr).not.toMatch(/deck\.md:2\d:1: .*overflow/);
    const under = pdf.pages[3].words.find((w) => w.str.includes('Under the box'))!;
    expect(under.y).toBeGreaterThan(0);
    expect(allInside(pdf, 3)).toBe(true);
  });

  it('prints a stepped code block once, every line at full strength', () => {
    expect(pdf.pages).toHaveLength(5);
    const [first, second] = stepLineInk(pdfFile, pdf, 4);
    expect(second / first).toBeGreaterThan(0.85);
  });

  it('prints each step dimmed as on screen with --fragments', async () => {
    const stepped = await exportPdf('--fragments');
    const page = stepped.pdf.pages.findIndex((p) => p.text.includes('alpha'));
    const [first, second] = stepLineInk(stepped.pdfFile, stepped.pdf, page);
    expect(second / first).toBeLessThan(0.6); // step 1 highlights line 1; line 2 is dimmed
  });
});
