// Splices pages of real tagged Chromium PDFs: a document whose 3rd page changed, spliced from the old
// print and a print of that page alone, reads back as a print of the changed document would — same
// text, tags, links, ParentTree — and so does a splice of that splice.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import type { PDFOptions } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { splicePdfs } from '../../src/export/pdf-splice.js';
import { tempDir } from '../helpers/cli.js';

const PICTURE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="60" height="40" fill="teal"/></svg>',
)}`;

/** Five pages, each with a heading, a list, links (in-deck, to the next page's paragraph, outside), a picture and a table. */
function documentHtml(changedPage?: number): string {
  const pages = [1, 2, 3, 4, 5].map((n) => {
    const c = n === changedPage ? 'Changed ' : '';
    return `<div class="page"><h1>${c}Page ${n}</h1><ul><li>${c}first ${n}</li><li>second ${n}</li></ul>
<p id="p${n}"><a href="#p${(n % 5) + 1}">next</a>, <a href="deckmark:#/2">slide 2</a> or <a href="https://example.com/${c ? 'new' : 'old'}/${n}">out</a>.</p>
<img alt="${c}Picture ${n}" src="${PICTURE}">
<table><tr><th>Head ${n}</th><th>Other</th></tr><tr><td>${c}cell</td><td>cell ${n}</td></tr></table></div>`;
  });
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>splice</title><style>
@page { size: 640px 420px; margin: 0 } body { margin: 0; font: 16px sans-serif }
.page { height: 410px; overflow: hidden; page-break-after: always } .page:last-child { page-break-after: auto }
</style></head><body>${pages.join('\n')}</body></html>`;
}

const PRINT: PDFOptions = { printBackground: true, preferCSSPageSize: true, tagged: true };

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

interface PageView {
  text: string;
  tags: Array<{ role: string; alt?: string }>;
  links: Array<{ url?: string; page?: number; rect: number[] }>;
}

function tagsOf(node: StructNode | null, out: PageView['tags'] = []): PageView['tags'] {
  // pdf.js names the tree's root "Root", also on a page with no tags.
  if (node?.role && node.role !== 'Root') out.push(node.alt === undefined ? { role: node.role } : { role: node.role, alt: node.alt });
  for (const child of node?.children ?? []) tagsOf(child, out);
  return out;
}

/** Each page as pdf.js reads it: text, structure (roles, alt texts), links and where they go. */
async function view(bytes: Uint8Array): Promise<PageView[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: true, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PageView[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    const links: PageView['links'] = [];
    for (const a of await page.getAnnotations()) {
      if (a.subtype !== 'Link') continue;
      const dest = typeof a.dest === 'string' ? await doc.getDestination(a.dest) : (a.dest as unknown[] | undefined);
      const target = dest?.[0] ? await doc.getPageIndex(dest[0] as { num: number; gen: number }) : undefined;
      // pdf.js gives only http(s) links as `url`, deckmark: ones as `unsafeUrl`.
      const url = (a.url ?? a.unsafeUrl) as string | undefined;
      links.push({ ...(url ? { url } : { page: target }), rect: a.rect as number[] });
    }
    pages.push({ text, tags: tagsOf((await page.getStructTree()) as StructNode), links });
  }
  await doc.destroy();
  return pages;
}

/** poppler's reading of the tag tree, with object numbers and Chromium's element IDs (its DOM node numbers) made neutral. */
function structText(bytes: Uint8Array): string {
  const file = path.join(tempDir('deckmark-splice-'), 'doc.pdf');
  writeFileSync(file, bytes);
  const ids = new Map<string, number>();
  return execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' })
    .replace(/Object \d+ 0/g, 'Object N 0')
    .replace(/node\d+(-\d+)?/g, (id) => `id${ids.get(id) ?? ids.set(id, ids.size).size - 1}`);
}

const at = (dict: PDFDict, key: string): PDFObject | undefined => dict.get(PDFName.of(key));

/** The MCIDs a page's content marks, read from its content stream. */
function pageMcids(context: PDFContext, page: PDFDict): number[] {
  const contents = page.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((s) => context.lookup(s)) : [contents];
  const text = streams
    .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
    .join('\n');
  return [...text.matchAll(/\/MCID\s+(\d+)/g)].map((m) => Number(m[1]));
}

/** Whether an element's /K holds this MCID on this page (an integer on its /Pg, or an MCR) or an OBJR of this annotation. */
function owns(context: PDFContext, elem: PDFDict, page: PDFRef, item: { mcid: number } | { annot: PDFRef }): boolean {
  const k = context.lookup(at(elem, 'K') as PDFObject);
  const kids = k instanceof PDFArray ? k.asArray() : [k];
  return kids.some((kid) => {
    const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
    if ('mcid' in item && value instanceof PDFNumber) return value.asNumber() === item.mcid && at(elem, 'Pg') === page;
    if (!(value instanceof PDFDict)) return false;
    const pg = at(value, 'Pg') ?? at(elem, 'Pg');
    if ('mcid' in item) return at(value, 'Type') === PDFName.of('MCR') && String(at(value, 'MCID')) === String(item.mcid) && pg === page;
    return at(value, 'Type') === PDFName.of('OBJR') && at(value, 'Obj') === item.annot && pg === page;
  });
}

interface TagCheck {
  tagged: boolean;
  /** Every MCID of every page and every annotation's /StructParent resolved to the element that owns it on that page. */
  resolved: number;
  unreachable: number;
  ids: string[];
  /** /Headers of table cells that name no header cell of their table in the IDTree. */
  danglingHeaders: string[];
}

/** Checks the ParentTree, the IDTree and that the file holds no object nothing refers to. */
async function checkTags(bytes: Uint8Array): Promise<TagCheck> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = doc;
  const reached = new Set<PDFRef>();
  const stack: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter((o) => o !== undefined);
  while (stack.length > 0) {
    const object = stack.pop();
    if (object instanceof PDFRef && !reached.has(object)) {
      reached.add(object);
      stack.push(context.lookup(object) as PDFObject);
    } else if (object instanceof PDFDict) stack.push(...object.values());
    else if (object instanceof PDFArray) stack.push(...object.asArray());
    else if (object instanceof PDFStream) stack.push(object.dict);
  }
  const unreachable = context.enumerateIndirectObjects().filter(([ref]) => !reached.has(ref)).length;
  const root = catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return { tagged: false, resolved: 0, unreachable, ids: [], danglingHeaders: [] };
  expect(String(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked')))).toBe('true');

  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  const parentTree = new Map<number, PDFObject>();
  for (let i = 0; i < nums.length; i += 2) parentTree.set((nums[i] as PDFNumber).asNumber(), context.lookup(nums[i + 1]) as PDFObject);
  const nextKey = (root.get(PDFName.of('ParentTreeNextKey')) as PDFNumber).asNumber();
  expect(Math.max(...parentTree.keys())).toBeLessThan(nextKey);

  let resolved = 0;
  for (const page of doc.getPages()) {
    const key = page.node.get(PDFName.of('StructParents'));
    const mcids = pageMcids(context, page.node);
    if (mcids.length > 0) {
      const owners = parentTree.get((key as PDFNumber).asNumber()) as PDFArray;
      for (const mcid of mcids) {
        const elem = context.lookup(owners.get(mcid), PDFDict);
        expect(owns(context, elem, page.ref, { mcid }), `MCID ${mcid} of page ${page.ref}`).toBe(true);
        resolved++;
      }
    }
    const annots = page.node.lookup(PDFName.of('Annots'));
    for (const ref of annots instanceof PDFArray ? annots.asArray() : []) {
      const key = context.lookup(ref, PDFDict).get(PDFName.of('StructParent'));
      if (!(key instanceof PDFNumber)) continue;
      const elem = parentTree.get(key.asNumber()) as PDFDict;
      expect(owns(context, elem, page.ref, { annot: ref as PDFRef }), `annotation ${ref} of page ${page.ref}`).toBe(true);
      resolved++;
    }
  }

  // A name tree: its Names, or its Kids' (Chromium's has one leaf under Kids).
  const namesOf = (node: PDFObject | undefined): PDFObject[] => {
    const dict = node && context.lookup(node);
    if (!(dict instanceof PDFDict)) return [];
    const kids = dict.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) return kids.asArray().flatMap(namesOf);
    return dict.lookup(PDFName.of('Names'), PDFArray).asArray();
  };
  const names = namesOf(root.get(PDFName.of('IDTree')));
  const ids: string[] = [];
  const table = new Map<string, PDFDict | undefined>();
  const tableOf = (elem: PDFDict | undefined): PDFDict | undefined =>
    !elem || at(elem, 'S') === PDFName.of('Table') ? elem : tableOf(elem.lookup(PDFName.of('P')) as PDFDict | undefined);
  for (let i = 0; i < names.length; i += 2) {
    const id = (names[i] as PDFString).decodeText();
    const elem = context.lookup(names[i + 1], PDFDict);
    expect((elem.get(PDFName.of('ID')) as PDFString).decodeText()).toBe(id);
    ids.push(id);
    table.set(id, tableOf(elem));
  }
  const danglingHeaders: string[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('StructElem')) continue;
    const attrs = object.lookup(PDFName.of('A'));
    for (const attr of attrs instanceof PDFArray ? attrs.asArray() : [attrs]) {
      const headers = attr instanceof PDFDict ? attr.lookup(PDFName.of('Headers')) : undefined;
      for (const h of headers instanceof PDFArray ? headers.asArray() : []) {
        // A cell's header is in its own table (each page has one).
        const id = (h as PDFString).decodeText();
        if (!table.has(id) || table.get(id) !== tableOf(object)) danglingHeaders.push(id);
      }
    }
  }
  return { tagged: true, resolved, unreachable, ids, danglingHeaders };
}

describe('splicePdfs', () => {
  let A: Uint8Array; // the document
  let F: Uint8Array; // the document with page 3 changed, printed whole
  let B: Uint8Array; // …and only its page 3
  let U: Uint8Array; // the document, untagged
  let S: Uint8Array; // A's pages 1, 2, B, A's pages 4, 5

  beforeAll(async () => {
    const browser = await launchBrowser();
    try {
      const print = (html: string, options: PDFOptions): Promise<Uint8Array> =>
        withPage(browser, async (page) => {
          await page.setContent(html, { waitUntil: 'load' });
          return page.pdf({ ...PRINT, ...options });
        });
      A = await print(documentHtml(), {});
      F = await print(documentHtml(3), {});
      B = await print(documentHtml(3), { pageRanges: '3' });
      U = await print(documentHtml(), { tagged: false });
    } finally {
      await browser.close();
    }
    S = await splicePdfs(
      [A, B],
      [
        { source: 0, page: 0 },
        { source: 0, page: 1 },
        { source: 1, page: 0 },
        { source: 0, page: 3 },
        { source: 0, page: 4 },
      ],
    );
  }, 120_000);

  it('makes the changed document from the old print and a print of the changed page: text, tags, links', async () => {
    const [spliced, whole, part] = await Promise.all([view(S), view(F), view(B)]);
    expect(part).toHaveLength(1);
    expect(part[0].text).toContain('Changed Page 3');
    expect(spliced).toHaveLength(5);
    expect(spliced.map((p) => p.text)).toEqual(whole.map((p) => p.text));
    expect(spliced.map((p) => p.tags)).toEqual(whole.map((p) => p.tags));
    expect(spliced[2].tags).toContainEqual({ role: 'Figure', alt: 'Changed Picture 3' });
    expect(spliced.map((p) => p.tags.map((t) => t.role))[0]).toEqual(expect.arrayContaining(['H1', 'L', 'LI', 'Link', 'Table', 'TH']));
    expect(spliced.map((p) => p.links)).toEqual(whole.map((p) => p.links));
    // Every page's "next" link goes to the next page, B's included (its target is on a page of A).
    expect(spliced.map((p) => p.links[0].page)).toEqual([1, 2, 3, 4, 0]);
    expect(spliced[0].links.map((l) => l.url)).toEqual([undefined, 'deckmark:#/2', 'https://example.com/old/1']);
  });

  it('gives one tag tree equal to the whole print’s, one Document over all pages', () => {
    const tree = structText(S);
    expect(tree).toEqual(structText(F));
    expect(tree.match(/^Document$/gm)).toHaveLength(1);
    expect(tree).toContain('"Changed Page 3"');
  });

  it('resolves every MCID and link through the ParentTree to its element on its page, and holds no unreferenced object', async () => {
    const check = await checkTags(S);
    const whole = await checkTags(F);
    expect(check).toMatchObject({ tagged: true, unreachable: 0, danglingHeaders: [] });
    expect(check.resolved).toBe(whole.resolved);
    expect(check.resolved).toBeGreaterThan(5 * 15);
    expect(check.ids).toHaveLength(whole.ids.length);
    const doc = await PDFDocument.load(S);
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(nb)');
    expect(String(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle')))).toBe('true');
    // Fonts and pictures of one source are copied once, not once per page.
    const fonts = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && at(o, 'Type') === PDFName.of('Font'));
    const sourceFonts = (await PDFDocument.load(A)).context
      .enumerateIndirectObjects()
      .filter(([, o]) => o instanceof PDFDict && at(o, 'Type') === PDFName.of('Font'));
    expect(fonts.length).toBeLessThanOrEqual(sourceFonts.length * 2);
  });

  it('splices a splice again: pages reordered and repeated keep their text, tags, links and IDs', async () => {
    const again = await splicePdfs(
      [S, A],
      [
        { source: 0, page: 4 },
        { source: 0, page: 2 },
        { source: 0, page: 2 },
        { source: 1, page: 0 },
      ],
    );
    const [pages, whole, first] = await Promise.all([view(again), view(F), view(A)]);
    const expected = [whole[4], whole[2], whole[2], first[0]];
    expect(pages.map((p) => p.text)).toEqual(expected.map((p) => p.text));
    expect(pages.map((p) => p.tags)).toEqual(expected.map((p) => p.tags));
    expect(pages.map((p) => p.links.map((l) => l.url))).toEqual(expected.map((p) => p.links.map((l) => l.url)));
    expect(pages.map((p) => p.links.map((l) => l.rect))).toEqual(expected.map((p) => p.links.map((l) => l.rect)));
    // "next" links: page 5's goes to page 1's paragraph (now the 4th page); pages 3 and 1 link to pages left out.
    expect(pages.map((p) => p.links[0].page)).toEqual([3, undefined, undefined, undefined]);

    const check = await checkTags(again);
    expect(check).toMatchObject({ tagged: true, unreachable: 0, danglingHeaders: [] });
    expect(check.resolved).toBe((4 * (await checkTags(F)).resolved) / 5);
    // The repeated page's table header IDs were renamed, and its cells follow them.
    expect(new Set(check.ids).size).toBe(check.ids.length);
    expect(check.ids.filter((id) => /-2$/.test(id))).toHaveLength(2);
    const tree = structText(again);
    expect(tree.match(/^Document$/gm)).toHaveLength(1);
    expect(tree.match(/^ {2}H1/gm)).toHaveLength(4);
    // Each repeated page has annotations of its own, with keys of their own.
    const doc = await PDFDocument.load(again);
    const annots = doc.getPages().flatMap((p) => p.node.lookup(PDFName.of('Annots'), PDFArray).asArray().map(String));
    expect(new Set(annots).size).toBe(annots.length);
  });

  it('splices pages of an untagged print: untagged, beside tagged ones or alone', async () => {
    const mixed = await splicePdfs(
      [U, A],
      [
        { source: 0, page: 1 },
        { source: 1, page: 0 },
      ],
    );
    const [pages, untagged, tagged] = await Promise.all([view(mixed), view(U), view(A)]);
    expect(pages.map((p) => p.text)).toEqual([untagged[1].text, tagged[0].text]);
    expect(pages[0].tags).toEqual([]);
    expect(pages[1].tags).toEqual(tagged[0].tags);
    const check = await checkTags(mixed);
    expect(check).toMatchObject({ tagged: true, unreachable: 0 });
    expect(check.resolved).toBe((await checkTags(A)).resolved / 5);

    const alone = await splicePdfs(
      [U],
      [
        { source: 0, page: 4 },
        { source: 0, page: 0 },
      ],
    );
    expect((await view(alone)).map((p) => p.text)).toEqual([untagged[4].text, untagged[0].text]);
    expect(await checkTags(alone)).toMatchObject({ tagged: false, unreachable: 0 });
    const doc = await PDFDocument.load(alone);
    expect(doc.catalog.has(PDFName.of('MarkInfo'))).toBe(false);
    expect(doc.getPages().some((p) => p.node.has(PDFName.of('StructParents')))).toBe(false);
  });

  it('refuses pages that do not exist and sources that are not PDFs', async () => {
    await expect(splicePdfs([A], [{ source: 0, page: 5 }])).rejects.toThrow(/source 0 has pages 0–4, not page 5/);
    await expect(splicePdfs([A], [{ source: 1, page: 0 }])).rejects.toThrow(/source 1 does not exist/);
    await expect(splicePdfs([A], [])).rejects.toThrow(/at least one page/);
    await expect(splicePdfs([A, new TextEncoder().encode('not a PDF')], [{ source: 1, page: 0 }])).rejects.toThrow(
      /source 1 is not a PDF pdf-lib can read/,
    );
  });
});
