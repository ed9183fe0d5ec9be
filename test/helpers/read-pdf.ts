// Reads a PDF back with pdfjs-dist: pages (size, text, links), outline and metadata.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface PdfLink {
  url?: string;
  /** 0-based page an internal link goes to. */
  page?: number;
}

/** A run of text and where it starts, in points from the page's bottom-left corner. */
interface PdfWord {
  str: string;
  x: number;
  y: number;
  /** How wide the run is, in points. */
  width: number;
}

interface PdfOutlineItem {
  title: string;
  page: number;
  items: PdfOutlineItem[];
}

export interface PdfContents {
  pages: Array<{ width: number; height: number; text: string; words: PdfWord[]; links: PdfLink[] }>;
  outline: PdfOutlineItem[];
  info: Record<string, unknown>;
  size: number;
}

export async function readPdf(file: string): Promise<PdfContents> {
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data: data.slice(), useSystemFonts: true, disableFontFace: true, verbosity: 0 }).promise;
  const pageOfDest = async (dest: unknown): Promise<number | undefined> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
    if (!explicit || !explicit[0]) return undefined;
    return doc.getPageIndex(explicit[0] as { num: number; gen: number });
  };
  const pages: PdfContents['pages'] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const words = content.items.flatMap((item) =>
      'str' in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] - x0, y: item.transform[5] - y0, width: item.width }] : [],
    );
    const text = words.map((w) => w.str).join(' ');
    const links: PdfLink[] = [];
    for (const a of await page.getAnnotations()) {
      if (a.subtype !== 'Link') continue;
      links.push(a.url ? { url: a.url as string } : { page: await pageOfDest(a.dest) });
    }
    pages.push({ width: x1 - x0, height: y1 - y0, text, words, links });
  }
  const walk = async (items: Array<{ title: string; dest: unknown; items: unknown[] }> | null): Promise<PdfOutlineItem[]> =>
    Promise.all(
      (items ?? []).map(async (item) => ({
        title: item.title,
        page: (await pageOfDest(item.dest)) ?? -1,
        items: await walk(item.items as typeof items),
      })),
    );
  const outline = await walk((await doc.getOutline()) as never);
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, outline, info: info as Record<string, unknown>, size: data.length };
}
