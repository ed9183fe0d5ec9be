// Finishes real Chromium PDFs and reads them back with pdfjs: metadata, language, bookmarks, page links, text, tags, size.
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PDFOptions } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { finishPdf, type PdfFinishOptions } from '../../src/export/pdf-finish.js';

const SLIDES = `<!doctype html><html><head><meta charset="utf-8"><title>side</title><style>
@page { margin: 0 } body { margin: 0; font: 32px sans-serif }
section { page-break-after: always; height: 100vh; overflow: hidden }
</style></head><body>
<section><h1>Blåbærsyltetøy</h1><p>Hei på deg, ære og øl.</p>
<p><a href="https://example.org/">ekstern</a> <a href="#/2">til tre</a> <a href="#/goals">til mål</a></p></section>
<section><h2>Bakgrunn</h2></section>
<section><h2>Mål</h2></section>
<section id="goals"><h2>Delmål</h2></section>
</body></html>`;

const PRINT: PDFOptions = { width: '1280px', height: '720px', printBackground: true, tagged: true };

/** What the test deck's links mean: `#/N` is slide N, `#/goals` is the 4th; anything else is not in-deck. */
function internalTarget(href: string): number | undefined {
  if (/^https?:/.test(href)) return undefined;
  const hash = /#\/(.*)$/.exec(href)?.[1];
  if (hash === undefined) return undefined;
  return /^\d+$/.test(hash) ? Number(hash) : hash === 'goals' ? 3 : undefined;
}

const OPTIONS: PdfFinishOptions = {
  title: 'Prøvedekk æøå',
  author: 'Åse Ødegård',
  subject: 'Et dekk for testene',
  keywords: ['strategi', 'blåbær'],
  lang: 'nb',
  outline: [
    { title: 'Blåbærsyltetøy', page: 0, children: [] },
    { title: 'Bakgrunn', page: 1, children: [] },
    { title: 'Mål 🎯', page: 2, children: [{ title: 'Delmål', page: 3, children: [] }] },
    { title: 'Slutt', page: 3, children: [] },
  ],
  internalTarget,
};

function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs takes over the buffer it is given: hand it a copy.
  return getDocument({ data: bytes.slice(), useSystemFonts: true, disableFontFace: true, verbosity: 0 }).promise;
}

async function pageOf(doc: PDFDocumentProxy, dest: unknown): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[]);
  return doc.getPageIndex(explicit![0] as { num: number; gen: number });
}

describe('finishPdf', () => {
  let raw: Uint8Array; // the deck as written: in-deck links are same-document fragments
  let printed: Uint8Array; // in-deck links given a URI Chromium keeps, and Chromium's own outline
  let finished: Uint8Array;
  let doc: PDFDocumentProxy;

  beforeAll(async () => {
    const browser = await launchBrowser();
    try {
      raw = await withPage(browser, async (page) => {
        await page.setContent(SLIDES);
        return page.pdf(PRINT);
      });
      printed = await withPage(browser, async (page) => {
        await page.setContent(SLIDES);
        // What the exporter must do before printing, since Chromium drops `#/…` links (see below).
        await page.evaluate(() => {
          for (const a of document.querySelectorAll('a[href^="#/"]')) a.setAttribute('href', `deckmark:${a.getAttribute('href')}`);
        });
        return page.pdf({ ...PRINT, outline: true });
      });
    } finally {
      await browser.close();
    }
    finished = await finishPdf(printed, OPTIONS);
    doc = await open(finished);
  });

  afterAll(async () => {
    await doc?.destroy();
  });

  it('relies on Chromium dropping same-document links to ids that do not exist, and keeping other URIs', async () => {
    const links = async (bytes: Uint8Array): Promise<unknown[]> => {
      const pdf = await open(bytes);
      const annots = await (await pdf.getPage(1)).getAnnotations();
      await pdf.destroy();
      return annots.filter((a) => a.subtype === 'Link').map((a) => a.url ?? a.unsafeUrl ?? a.dest);
    };
    expect(await links(raw)).toEqual(['https://example.org/']);
    expect(await links(printed)).toEqual(['https://example.org/', 'deckmark:#/2', 'deckmark:#/goals']);
  });

  it('sets the metadata, the language and the window title', async () => {
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    expect(info).toMatchObject({
      Title: 'Prøvedekk æøå',
      Author: 'Åse Ødegård',
      Subject: 'Et dekk for testene',
      Keywords: 'strategi blåbær',
      Creator: 'deckmark',
      Producer: expect.stringMatching(/^deckmark/),
      Language: 'nb',
    });
    expect(await doc.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
  });

  it("replaces Chromium's outline with one bookmark per slide, nested, each opening its page", async () => {
    const outline = (await doc.getOutline()) as Array<{ title: string; dest: unknown; items: unknown[] }>;
    const walk = async (items: typeof outline): Promise<unknown[]> =>
      Promise.all(items.map(async (i) => [i.title, await pageOf(doc, i.dest), await walk(i.items as typeof outline)]));
    expect(await walk(outline)).toEqual([
      ['Blåbærsyltetøy', 0, []],
      ['Bakgrunn', 1, []],
      ['Mål 🎯', 2, [['Delmål', 3, []]]],
      ['Slutt', 3, []],
    ]);
    expect(await doc.getPageMode()).toBe('UseOutlines');
  });

  it('turns in-deck links into links to their page and leaves external ones alone', async () => {
    const links = (await (await doc.getPage(1)).getAnnotations()).filter((a) => a.subtype === 'Link');
    expect(links).toHaveLength(3);
    expect(links[0]).toMatchObject({ url: 'https://example.org/' });
    for (const [link, page] of [
      [links[1], 2],
      [links[2], 3],
    ] as const) {
      expect(link.url).toBeUndefined();
      expect(link.unsafeUrl).toBeUndefined();
      expect(await pageOf(doc, link.dest)).toBe(page);
    }
  });

  it('keeps the text, the tags and the size', async () => {
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
    expect(text).toContain('Blåbærsyltetøy');
    expect(text).toContain('ære og øl');
    expect(doc.numPages).toBe(4);
    expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
    const catalog = (await PDFDocument.load(finished)).catalog;
    expect(catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    expect(finished.length).toBeLessThan(1_000_000);
    // Fonts are copied, not re-embedded, so the file cannot grow by more than the outline.
    expect(finished.length).toBeLessThan(printed.length * 1.2);
  });

  it('refuses a bookmark or link to a page the PDF does not have', async () => {
    const bad = { ...OPTIONS, outline: [{ title: 'Borte', page: 4, children: [] }] };
    await expect(finishPdf(printed, bad)).rejects.toThrow(RangeError);
    await expect(
      finishPdf(printed, { ...OPTIONS, internalTarget: (href) => (href.startsWith('deckmark:') ? 9 : undefined) }),
    ).rejects.toThrow(/Link deckmark:#\/2 points at page 9/);
  });
});
