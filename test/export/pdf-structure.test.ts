// The PDF's structure read back with pdf.js (getStructTree): every page is tagged — its slide's
// heading as a heading, lists as lists, images as figures with their alt text — in slide order,
// and the viewer shows the document's title, not its file name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

function roles(node: StructNode | null, out: Array<{ role: string; alt?: string }> = []): Array<{ role: string; alt?: string }> {
  if (!node) return out;
  if (node.role) out.push({ role: node.role, alt: node.alt });
  for (const child of node.children ?? []) roles(child, out);
  return out;
}

describe('the PDF’s structure tree', () => {
  const deckFile = path.join(SLIDES, 'syntax-tour.md');
  let pdfFile: string;
  let pages: Array<Array<{ role: string; alt?: string }>>;

  beforeAll(async () => {
    const out = tempDir();
    const result = await runCli('pdf', deckFile, '-o', out);
    expect(result.code, result.stderr).toBe(0);
    pdfFile = path.join(out, 'syntax-tour/syntax-tour.pdf');
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfFile)), verbosity: 0 }).promise;
    pages = [];
    for (let i = 1; i <= doc.numPages; i++) pages.push(roles((await (await doc.getPage(i)).getStructTree()) as StructNode));
  }, 120_000);

  it('tags every titled slide’s page with a heading, in slide order', () => {
    const deck = parseDeck(readFileSync(deckFile, 'utf8'), { fallbackTitle: 'syntax-tour' });
    const slides = deck.slides.flatMap((s) => [s, ...s.children]).filter((s) => s.attributes['data-visibility'] !== 'hidden');
    expect(pages).toHaveLength(slides.length);
    slides.forEach((slide, i) => {
      const headings = pages[i].filter((n) => /^H[1-6]$/.test(n.role));
      // A slide's heading is on its own page (the page order is the slide order).
      if (slide.title) expect(headings.length, `page ${i + 1}: ${slide.title}`).toBeGreaterThan(0);
    });
    expect(pages.flat().some((n) => n.role === 'L')).toBe(true);
  });

  it('gives each image its alt text', () => {
    const figures = pages.flat().filter((n) => n.role === 'Figure');
    expect(figures.map((f) => f.alt)).toContain('Diagram of the pipeline');
  });

  it('asks the viewer to show the document’s title', async () => {
    const pdf = await PDFDocument.load(readFileSync(pdfFile));
    const prefs = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(String(prefs.get(PDFName.of('DisplayDocTitle')))).toBe('true');
    expect(pdf.getTitle()).toBe('deckmark syntax tour');
  });
});
