// The exported .pptx opened in a real office suite: LibreOffice Impress converts each example
// deck's file to PDF; it must have a page per slide with that slide's title as text, and each
// page must look like the deck's own PDF page (a coarse grey-level comparison, see
// page-similarity.ts), display math a picture; every corpus deck's file must open with a page per slide. Without
// `soffice` the test is skipped with one line, unless DECKMARK_REQUIRE_LIBREOFFICE is set (as
// `.ci/run` does).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../src/build/build-deck.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { CORPUS_DECKS, corpusAvailable } from '../helpers/corpus.js';
import { convertToPdf, libreOfficeAvailable } from '../helpers/libreoffice.js';
import { pdfPageGrids, similarity } from '../helpers/page-similarity.js';
import { readPdf } from '../helpers/read-pdf.js';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The lowest similarity a slide may have with its PDF page. Seen on the example decks (with
 * DejaVu Sans standing in for the theme's fonts, which LibreOffice does not have here): 0.93 to
 * 0.99, the video stills lowest; before the stills were drawn as panels they scored 0.80–0.84,
 * and a missing layout or a light slide that should be dark scores lower still.
 */
const MIN_SIMILARITY = 0.9;

const DECKS = readdirSync(SLIDES).filter((f) => f.endsWith('.md'));
const squash = (text: string): string => text.replace(/\s+/g, '');

describe.runIf(libreOfficeAvailable())('the .pptx in LibreOffice Impress', { timeout: 300_000 }, () => {
  let out: string;
  let converted: string;
  beforeAll(async () => {
    out = tempDir();
    converted = tempDir();
    for (const args of [['pptx'], ['pdf', '-q']]) {
      const result = await runCli(...args, SLIDES, '-o', out);
      expect(result.code, result.stderr).toBe(0);
    }
    convertToPdf(
      DECKS.map((name) => path.join(out, name.replace(/\.md$/, ''), name.replace(/\.md$/, '.pptx'))),
      converted,
    );
    // Two exports of three decks and LibreOffice's first start in a fresh profile: past the default 60 s on a busy CI machine.
  }, 280_000);

  it.runIf(corpusAvailable())('opens every corpus deck with a page per slide', async () => {
    const corpusOut = tempDir();
    const result = await runCli('pptx', CORPUS_DECKS, '-o', corpusOut, '-q');
    expect(result.code, result.stderr).toBe(0);
    const slugs = readdirSync(CORPUS_DECKS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.replace(/\.md$/, ''));
    const pdfs = tempDir();
    convertToPdf(
      slugs.map((s) => path.join(corpusOut, s, `${s}.pptx`)),
      pdfs,
    );
    for (const slug of slugs) {
      const { slideCount } = JSON.parse(readFileSync(path.join(corpusOut, slug, 'deck.json'), 'utf8'));
      expect((await readPdf(path.join(pdfs, `${slug}.pdf`))).pages.length, slug).toBe(slideCount);
    }
  });

  it('shows display math as a picture, not as its TeX', async () => {
    const { deck } = await compileDeckFile(path.join(SLIDES, 'syntax-tour.md'), { outDir: tempDir() });
    const index = deck.slides.flatMap((s) => [s, ...s.children]).findIndex((s) => s.title === 'Footnotes and math');
    const file = path.join(converted, 'syntax-tour.pdf');
    expect(squash((await readPdf(file)).pages[index].text)).not.toContain('\\int');
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
    const { fnArray } = await (await pdf.getPage(index + 1)).getOperatorList();
    expect(fnArray.filter((op) => op === OPS.paintImageXObject)).toHaveLength(1);
  });

  it.each(DECKS)('%s: a page per slide, each with its title as text, each like its PDF page', async (name) => {
    const slug = name.replace(/\.md$/, '');
    const { deck } = await compileDeckFile(path.join(SLIDES, name), { outDir: tempDir() });
    const slides = deck.slides.flatMap((s) => [s, ...s.children]);
    const office = await readPdf(path.join(converted, `${slug}.pdf`));
    expect(office.pages).toHaveLength(slides.length);
    slides.forEach((slide, i) => expect(squash(office.pages[i].text), `slide ${i + 1}`).toContain(squash(slide.title)));

    const ours = pdfPageGrids(path.join(out, slug, `${slug}.pdf`));
    const theirs = pdfPageGrids(path.join(converted, `${slug}.pdf`));
    const scores = theirs.map((grid, i) => Math.round(similarity(grid, ours[i]) * 1000) / 1000);
    console.log(`${slug}: similarity per slide ${scores.join(' ')}`);
    scores.forEach((score, i) => expect(score, `slide ${i + 1} of ${slug}`).toBeGreaterThanOrEqual(MIN_SIMILARITY));
  });
});
