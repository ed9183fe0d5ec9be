// Splices pages of real tagged Chromium PDFs: a document whose 3rd page changed, spliced from the old
// print and a print of that page alone (`pageRanges`), reads back as a print of the changed document
// would — same text, tags (pdf.js and poppler), links, ParentTree — and so does a splice of that splice.
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
import { type SplicedPage, splicePdfs } from '../../src/export/pdf-splice.js';
import { tempDir } from '../helpers/cli.js';

const PICTURE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="60" height="40" fill="teal"/></svg>',
)}`;

/**
 * Five pages, each with a heading, a list, links (in-deck, to the next page's paragraph, outside), a
 * picture, translucent text (which Chromium draws in a form XObject, tagged) and a table; then a
 * paragraph and a list flowing over pages 6 and 7, as tags spanning pages.
 */
function documentHtml(changedPage?: number): string {
  const pages = [1, 2, 3, 4, 5].map((n) => {
    const c = n === changedPage ? 'Changed ' : '';
    return `<div class="page"><h1>${c}Page ${n}</h1><ul><li>${c}first ${n}</li><li>second ${n}</li></ul>
<p id="p${n}"><a href="#p${(n % 5) + 1}">next</a>, <a href="deckmark:#/2">slide 2</a> or <a href="https://example.com/${c ? 'new' : 'old'}/${n}">out</a>.</p>
<img alt="${c}Picture ${n}" src="${PICTURE}"> <span style="opacity: 0.7">${c}faded ${n}</span>
<table><tr><th>Head ${n}</th><th>Other</th></tr><tr><td>${c}cell</td><td>cell ${n}</td></tr></table></div>`;
  });
  const words = Array.from({ length: 130 }, (_, i) => `word${i}`).join(' ');
  const items = Array.from({ length: 6 }, (_, i) => `<li>item ${i}</li>`).join('');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>splice</title><style>
@page { size: 640px 420px; margin: 0 } body { margin: 0; font: 16px sans-serif }
.page { height: 410px; overflow: hidden; page-break-after: always }
</style></head><body>${pages.join('\n')}<h2>Flow</h2><p>${words} <b>bold</b> ${words}</p><ul>${items}</ul></body></html>`;
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

/** The MCIDs content streams mark. */
function mcidsOf(context: PDFContext, contents: PDFObject | undefined): number[] {
  const streams = contents instanceof PDFArray ? contents.asArray().map((s) => context.lookup(s)) : [contents];
  const text = streams
    .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
    .join('\n');
  return [...text.matchAll(/\/MCID\s+(\d+)/g)].map((m) => Number(m[1]));
}

/** The form XObjects with marked content a page draws (Chromium draws a translucent element in one). */
function taggedForms(context: PDFContext, page: PDFDict): Array<[PDFRef, PDFRawStream]> {
  const xobjects = page.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return [];
  return xobjects.values().flatMap((ref) => {
    const form = context.lookup(ref);
    return form instanceof PDFRawStream && form.dict.has(PDFName.of('StructParents'))
      ? [[ref as PDFRef, form] as [PDFRef, PDFRawStream]]
      : [];
  });
}

/**
 * Whether an element's /K holds this MCID on this page (an integer on its /Pg, or an MCR, naming the
 * form XObject it is in if any) or an OBJR of this annotation.
 */
function owns(context: PDFContext, elem: PDFDict, page: PDFRef, item: { mcid: number; form?: PDFRef } | { annot: PDFRef }): boolean {
  const k = context.lookup(at(elem, 'K') as PDFObject);
  const kids = k instanceof PDFArray ? k.asArray() : [k];
  return kids.some((kid) => {
    const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
    if ('mcid' in item && value instanceof PDFNumber) return !item.form && value.asNumber() === item.mcid && at(elem, 'Pg') === page;
    if (!(value instanceof PDFDict)) return false;
    const pg = at(value, 'Pg') ?? at(elem, 'Pg');
    if ('mcid' in item) {
      const mcr = at(value, 'Type') === PDFName.of('MCR') && String(at(value, 'MCID')) === String(item.mcid);
      return mcr && at(value, 'Stm') === item.form && pg === page;
    }
    return at(value, 'Type') === PDFName.of('OBJR') && at(value, 'Obj') === item.annot && pg === page;
  });
}

interface TagCheck {
  tagged: boolean;
  /** Per page, how many MCIDs and annotation /StructParents resolved to the element that owns them on that page. */
  resolved: number[];
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
  if (!(root instanceof PDFDict)) return { tagged: false, resolved: [], unreachable, ids: [], danglingHeaders: [] };
  expect(String(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked')))).toBe('true');

  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  const parentTree = new Map<number, PDFObject>();
  for (let i = 0; i < nums.length; i += 2) parentTree.set((nums[i] as PDFNumber).asNumber(), context.lookup(nums[i + 1]) as PDFObject);
  const nextKey = (root.get(PDFName.of('ParentTreeNextKey')) as PDFNumber).asNumber();
  expect(Math.max(...parentTree.keys())).toBeLessThan(nextKey);

  const resolved: number[] = [];
  for (const page of doc.getPages()) {
    resolved.push(0);
    const key = page.node.get(PDFName.of('StructParents'));
    // A page without a key is untagged: its marked content (if any) belongs to no element.
    if (key instanceof PDFNumber) {
      const owners = parentTree.get(key.asNumber()) as PDFArray;
      for (const mcid of mcidsOf(context, page.node.lookup(PDFName.of('Contents')))) {
        const elem = context.lookup(owners.get(mcid), PDFDict);
        expect(owns(context, elem, page.ref, { mcid }), `MCID ${mcid} of page ${page.ref}`).toBe(true);
        resolved[resolved.length - 1]++;
      }
    }
    for (const [form, stream] of taggedForms(context, page.node)) {
      const owners = parentTree.get((stream.dict.get(PDFName.of('StructParents')) as PDFNumber).asNumber()) as PDFArray;
      for (const mcid of mcidsOf(context, stream)) {
        const elem = context.lookup(owners.get(mcid), PDFDict);
        expect(owns(context, elem, page.ref, { mcid, form }), `MCID ${mcid} of form ${form} on page ${page.ref}`).toBe(true);
        resolved[resolved.length - 1]++;
      }
    }
    const annots = page.node.lookup(PDFName.of('Annots'));
    for (const ref of annots instanceof PDFArray ? annots.asArray() : []) {
      const key = context.lookup(ref, PDFDict).get(PDFName.of('StructParent'));
      if (!(key instanceof PDFNumber)) continue;
      const elem = parentTree.get(key.asNumber()) as PDFDict;
      expect(owns(context, elem, page.ref, { annot: ref as PDFRef }), `annotation ${ref} of page ${page.ref}`).toBe(true);
      resolved[resolved.length - 1]++;
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
  expect(ids, 'a name tree is sorted').toEqual([...ids].sort());
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

/** The same PDF without its tag tree (catalog /StructTreeRoot and /MarkInfo), its pages' keys into it left as they were. */
async function withoutTagTree(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.catalog.delete(PDFName.of('StructTreeRoot'));
  doc.catalog.delete(PDFName.of('MarkInfo'));
  return doc.save();
}

/** The same PDF with a RoleMap and a ClassMap in its StructTreeRoot. */
async function withRoleMap(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  root.set(PDFName.of('RoleMap'), doc.context.obj({ Slide: 'Sect' }));
  root.set(PDFName.of('ClassMap'), doc.context.register(doc.context.obj({ Big: { O: 'Layout', TextAlign: 'Center' } })));
  return doc.save();
}

/**
 * The same PDF with the first link's OBJR and the first form XObject's MCRs taken out of the tag
 * tree, the link's /StructParent and the form's /StructParents left as they were.
 */
async function withUnnamedLinkAndForm(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const annot = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).lookup(0, PDFDict);
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  const link = doc.context.lookup(nums[nums.findIndex((n) => String(n) === String(annot.get(PDFName.of('StructParent')))) + 1], PDFDict);
  const kids = link.lookup(PDFName.of('K'), PDFArray).asArray();
  link.set(PDFName.of('K'), doc.context.obj(kids.filter((k) => !(k instanceof PDFDict && at(k, 'Type') === PDFName.of('OBJR')))));
  const [[form]] = taggedForms(doc.context, doc.getPage(0).node);
  for (const [, elem] of doc.context.enumerateIndirectObjects()) {
    const k = elem instanceof PDFDict ? elem.get(PDFName.of('K')) : undefined;
    if (!(elem instanceof PDFDict) || !(k instanceof PDFArray || k instanceof PDFDict)) continue;
    const list = k instanceof PDFArray ? k.asArray() : [k];
    elem.set(PDFName.of('K'), doc.context.obj(list.filter((kid) => !(kid instanceof PDFDict && at(kid, 'Stm') === form))));
  }
  return doc.save();
}

const pagesOf = (source: number, ...pages: number[]): SplicedPage[] => pages.map((page) => ({ source, page }));

describe('splicePdfs', () => {
  let A: Uint8Array; // the document: 5 pages, then 2 a paragraph flows over
  let F: Uint8Array; // the document with page 3 changed, printed whole
  let B: Uint8Array; // …and only its page 3
  let A7: Uint8Array; // the document's page 7 alone, the end of the flowing paragraph
  let U: Uint8Array; // the document, untagged
  let S: Uint8Array; // A with page 3 from B

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
      A7 = await print(documentHtml(), { pageRanges: '7' });
      U = await print(documentHtml(), { tagged: false });
    } finally {
      await browser.close();
    }
    S = await splicePdfs([A, B], [...pagesOf(0, 0, 1), ...pagesOf(1, 0), ...pagesOf(0, 3, 4, 5, 6)]);
  }, 120_000);

  it('makes the changed document from the old print and a print of the changed page: text, tags, links', async () => {
    const [spliced, whole, part] = await Promise.all([view(S), view(F), view(B)]);
    expect(whole).toHaveLength(7);
    expect(part).toHaveLength(1);
    expect(part[0].text).toContain('Changed Page 3');
    expect(spliced.map((p) => p.text)).toEqual(whole.map((p) => p.text));
    expect(spliced.map((p) => p.tags)).toEqual(whole.map((p) => p.tags));
    expect(spliced[2].tags).toContainEqual({ role: 'Figure', alt: 'Changed Picture 3' });
    expect(spliced[0].tags.map((t) => t.role)).toEqual(expect.arrayContaining(['H1', 'L', 'LI', 'Link', 'Table', 'TH']));
    expect(spliced.map((p) => p.links)).toEqual(whole.map((p) => p.links));
    // Every page's "next" link goes to the next page, B's included (its target is on a page of A).
    expect(spliced.slice(0, 5).map((p) => p.links[0].page)).toEqual([1, 2, 3, 4, 0]);
    expect(spliced[0].links.map((l) => l.url)).toEqual([undefined, 'deckmark:#/2', 'https://example.com/old/1']);
  });

  it('gives one tag tree equal to the whole print’s, one Document over all pages, one paragraph over two', () => {
    const tree = structText(S);
    expect(tree).toEqual(structText(F));
    expect(tree.match(/^Document$/gm)).toHaveLength(1);
    expect(tree.match(/^ {2}P\b/gm)).toHaveLength(6);
    expect(tree).toContain('"Changed Page 3"');
  });

  it('resolves every MCID and link through the ParentTree to its element on its page, and holds no unreferenced object', async () => {
    const check = await checkTags(S);
    const whole = await checkTags(F);
    expect(check).toMatchObject({ tagged: true, unreachable: 0, danglingHeaders: [] });
    expect(check.resolved).toEqual(whole.resolved);
    expect(
      check.resolved.every((n) => n > 0),
      String(check.resolved),
    ).toBe(true);
    expect(check.ids).toHaveLength(whole.ids.length);
    const doc = await PDFDocument.load(S, { updateMetadata: false });
    // The translucent text of each of the first five pages is marked content of a form XObject.
    expect(doc.getPages().map((p) => taggedForms(doc.context, p.node).length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(nb)');
    // The document info of the first source (finishPdf replaces it), as a print would have it.
    expect(doc.getProducer()).toMatch(/^Skia\/PDF/);
    expect(doc.getTitle()).toBe('splice');
    expect(String(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle')))).toBe('true');
    // Fonts of one source are copied once, not once per page: at most A's and B's.
    const fonts = (pdf: PDFDocument): number =>
      pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && at(o, 'Type') === PDFName.of('Font')).length;
    expect(fonts(doc)).toBeLessThanOrEqual(fonts(await PDFDocument.load(A)) + fonts(await PDFDocument.load(B)));
  });

  it('splices a page a paragraph flows onto: its tags are that page’s part, as Chromium prints that page alone', async () => {
    const alone = await splicePdfs([A], pagesOf(0, 6));
    expect(structText(alone)).toEqual(structText(A7));
    expect(await view(alone)).toEqual(await view(A7));
    expect((await checkTags(alone)).resolved).toEqual((await checkTags(A)).resolved.slice(6));
    // The paragraph's first page twice: the second's heading does not go on in the first's paragraph.
    const twice = structText(await splicePdfs([A], pagesOf(0, 5, 5)));
    expect(twice.match(/^ {2}(H2|P)\b/gm)).toEqual(['  H2', '  P', '  H2', '  P']);
  });

  it('copies the RoleMap and ClassMap of the first source that has them', async () => {
    const spliced = await splicePdfs([A, await withRoleMap(B)], [...pagesOf(0, 0), ...pagesOf(1, 0)]);
    const root = (await PDFDocument.load(spliced)).catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    expect(String(root.lookup(PDFName.of('RoleMap')))).toMatch(/\/Slide \/Sect/);
    expect(String(root.lookup(PDFName.of('ClassMap')))).toMatch(/\/Big <<[^>]*\/TextAlign \/Center/);
    expect(await checkTags(spliced)).toMatchObject({ tagged: true, unreachable: 0 });
  });

  it('splices a splice again: pages reordered and repeated keep their text, tags, links and IDs', async () => {
    const again = await splicePdfs([S, A], [...pagesOf(0, 4, 2, 2), ...pagesOf(1, 0)]);
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
    const { resolved } = await checkTags(F);
    expect(check.resolved).toEqual([resolved[4], resolved[2], resolved[2], resolved[0]]);
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

  it('splices pages of untagged PDFs, or that their tree misses: no keys into the new tree', async () => {
    const stripped = await withoutTagTree(A);
    const mixed = await splicePdfs([U, A, stripped], [...pagesOf(0, 1), ...pagesOf(1, 0), ...pagesOf(2, 3)]);
    const [pages, untagged, tagged] = await Promise.all([view(mixed), view(U), view(A)]);
    expect(pages.map((p) => p.text)).toEqual([untagged[1].text, tagged[0].text, tagged[3].text]);
    expect(pages.map((p) => p.tags)).toEqual([[], tagged[0].tags, []]);
    const check = await checkTags(mixed);
    expect(check).toMatchObject({ tagged: true, unreachable: 0 });
    expect(check.resolved).toEqual([0, (await checkTags(A)).resolved[0], 0]);
    // The page from the PDF whose tree is gone keeps no key into the new one.
    const doc = await PDFDocument.load(mixed);
    const page = doc.getPage(2).node;
    expect(page.has(PDFName.of('StructParents'))).toBe(false);
    expect(
      page
        .lookup(PDFName.of('Annots'), PDFArray)
        .asArray()
        .some((a) => doc.context.lookup(a, PDFDict).has(PDFName.of('StructParent'))),
    ).toBe(false);

    // A link or form the tree does not name keeps no key either.
    const unnamed = await splicePdfs([await withUnnamedLinkAndForm(A)], pagesOf(0, 0));
    const unnamedDoc = await PDFDocument.load(unnamed);
    const links = unnamedDoc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).asArray();
    const keys = links.map((a) => unnamedDoc.context.lookup(a, PDFDict).get(PDFName.of('StructParent'))?.toString());
    expect(keys).toEqual([undefined, '1', '2']);
    expect(taggedForms(unnamedDoc.context, unnamedDoc.getPage(0).node)).toEqual([]);
    const original = await PDFDocument.load(A);
    const [[, form]] = taggedForms(original.context, original.getPage(0).node);
    const formMcids = mcidsOf(original.context, form).length;
    expect(formMcids).toBeGreaterThan(0);
    expect((await checkTags(unnamed)).resolved).toEqual([(await checkTags(A)).resolved[0] - 1 - formMcids]);

    const alone = await splicePdfs([U, stripped], [...pagesOf(0, 4), ...pagesOf(1, 0)]);
    expect((await view(alone)).map((p) => p.text)).toEqual([untagged[4].text, tagged[0].text]);
    expect(await checkTags(alone)).toMatchObject({ tagged: false, unreachable: 0 });
    const untaggedDoc = await PDFDocument.load(alone);
    expect(untaggedDoc.catalog.has(PDFName.of('MarkInfo'))).toBe(false);
    expect(untaggedDoc.getPages().some((p) => p.node.has(PDFName.of('StructParents')))).toBe(false);
  });

  it('refuses pages that do not exist and sources that are not PDFs', async () => {
    await expect(splicePdfs([A], pagesOf(0, 7))).rejects.toThrow(/source 0 has pages 0–6, not page 7/);
    await expect(splicePdfs([A], pagesOf(1, 0))).rejects.toThrow(/source 1 does not exist/);
    await expect(splicePdfs([A], [])).rejects.toThrow(/at least one page/);
    await expect(splicePdfs([A, new TextEncoder().encode('not a PDF')], pagesOf(1, 0))).rejects.toThrow(
      /source 1 is not a PDF pdf-lib can read/,
    );
  });
});
