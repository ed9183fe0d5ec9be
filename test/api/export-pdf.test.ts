// exportPdf() as a library user calls it: results and progress, not printed text.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPdf, type PdfProgress } from '../../src/api/index.js';
import { DeckError } from '../../src/model/deck-error.js';
import { tempDir } from '../helpers/cli.js';

describe('exportPdf', () => {
  it('writes the PDF and reports its pages, the built deck and each step', async () => {
    const dir = tempDir('deckmark-api-pdf-');
    writeFileSync(path.join(dir, 'package.json'), '{}');
    const deck = path.join(dir, 'talk.md');
    writeFileSync(deck, '---\npdf:\n  notes: page\n---\n# One\n\nNote: said aloud\n\n---\n\n# Two\n');
    const steps: PdfProgress[] = [];
    const announced: string[] = [];
    const results = await exportPdf(deck, {
      out: path.join(dir, 'site'),
      onProgress: (p) => steps.push(p),
      onDeck: (pdf) => announced.push(pdf.file),
    });
    expect(results).toHaveLength(1);
    const [pdf] = results;
    expect(pdf.file).toBe(path.join(dir, 'site/talk/talk.pdf'));
    expect(announced).toEqual([pdf.file]);
    expect(readFileSync(pdf.file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.bytes).toBe(readFileSync(pdf.file).length);
    expect(pdf.pages).toBe(3); // two slides, the first followed by its notes page (the deck's `pdf.notes`)
    expect(pdf.deck).toMatchObject({ slug: 'talk', title: 'One', slideCount: 2 });
    expect(readFileSync(pdf.deck.output, 'utf8')).toContain('href="talk.pdf"'); // rebuilt with the link
    expect(steps.map((s) => `${s.stepNumber}/${s.steps} ${s.step}`)).toEqual([
      '1/4 loading',
      '2/4 laying out',
      '3/4 printing',
      '4/4 finishing',
    ]);
    expect(existsSync(path.join(dir, 'site/index.html'))).toBe(true);
  }, 60_000);

  it('refuses a handout size it does not make, before starting anything', async () => {
    const error = await exportPdf('nowhere.md', { handout: 4 as 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckError);
    expect(error).toMatchObject({ code: 'usage', message: 'a handout has 2, 3 or 6 slides per page' });
  });
});
