// Splices pages of tagged PDFs (Chromium's `page.pdf({ tagged: true })`, or an earlier splice) into
// one tagged PDF, so an incremental export can reuse the pages of unchanged slides. Each page keeps
// its content, resources and links; the structure tree is rebuilt from each page's part of its
// source's tree, and the ParentTree, IDTree and named destinations are rebuilt to match.
// Not supported, as Chromium writes none of them: named destinations in a /Names tree (it writes
// /Dests), explicit page destinations (finishPdf's; a link to a page left out would bring a copy of
// that page along), OBJRs naming anything but an annotation of their page.
import {
  ParseSpeeds,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  PDFObjectCopier,
  PDFPage,
  type PDFPageLeaf,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

export interface SplicedPage {
  source: number;
  page: number;
}

const name = (n: string): PDFName => PDFName.of(n);
// The names read for every element, made once: PDFName.of decodes its argument each time.
const K = name('K');
const P = name('P');
const PG = name('Pg');
const ID = name('ID');
const TYPE = name('Type');
const ANNOTS = name('Annots');
const STRUCT_PARENT = name('StructParent');
const STRUCT_PARENTS = name('StructParents');
const S = name('S');
const A = name('A');
const STRUCT_ELEM = name('StructElem');
const MCR = name('MCR');
const MCID = name('MCID');
const STM = name('Stm');
const OBJR = name('OBJR');
const OBJ = name('Obj');
const HEADERS = name('Headers');
const RESOURCES = name('Resources');
const XOBJECT = name('XObject');
const SUBTYPE = name('Subtype');
const FORM = name('Form');

/** A loaded source PDF: one copier per source, so its fonts and images are copied once however many of its pages are used. */
interface Source {
  doc: PDFDocument;
  copier: PDFObjectCopier;
  pageRefs: PDFRef[];
  /** The pages each structure element has content on; undefined when the source is not tagged. */
  pagesOf?: Map<PDFDict, Set<PDFRef>>;
  structTreeRoot?: PDFDict;
  roots: PDFDict[];
  annotIndex: Map<PDFRef, Map<PDFRef, number>>;
  /** Its pages copied so far. */
  copied: Set<PDFRef>;
}

/** One page of the output. */
interface Occurrence {
  source: Source;
  srcRef: PDFRef;
  ref: PDFRef;
  leaf: PDFPageLeaf;
  /** ParentTree key of the page, when tagged. */
  key?: number;
  /** Positions in /Annots of the annotations an OBJR of this page's tree names. */
  objrs: Set<number>;
  annotKeys: Map<number, number>;
  annotOwners: Map<number, PDFRef>;
  mcidOwners: PDFRef[];
  /** The form XObjects (output refs) whose marked content this page's tree names, in the order met. */
  forms: Set<PDFRef>;
  /** A page used again draws copies of the forms: the first use's form → this page's. */
  formCopies: Map<PDFRef, PDFRef>;
  /** IDs of this page's elements that had to be renamed, being taken already (a page used twice, or two prints). */
  renamed: Map<string, string>;
}

/** Marked content: on the page, or (`form`) in a form XObject the page draws. */
type Item = { mcid: number; occ: Occurrence; form?: PDFRef } | { annot: number; occ: Occurrence } | Clone;

/** A form XObject with marked content of its own (Chromium draws a translucent element in one): its ParentTree entry. */
interface FormKey {
  key: number;
  owners: PDFRef[];
  written?: boolean;
}

/** An element of the output tree: a source element restricted to one page, or several such merged. */
interface Clone {
  elem: PDFDict;
  source: Source;
  occ: Occurrence;
  /** The source element has content on more than one page. */
  split: boolean;
  kids: Item[];
  /** Its /ID, made unique. */
  id?: PDFString | PDFHexString;
}

/** A tagged PDF made of the given pages of tagged PDFs (Chromium's, or an earlier splice's), in this order. */
export async function splicePdfs(sources: readonly Uint8Array[], pages: readonly SplicedPage[]): Promise<Uint8Array> {
  return saveSpliced(await splicedDocument(sources, pages));
}

/** The bytes of a spliced document, as a source for the next splice. */
export function saveSpliced(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity, addDefaultPage: false, updateFieldAppearances: false });
}

/**
 * {@link splicePdfs}, as a document not yet saved: the export finishes it (pdf-finish.ts) without
 * writing and reading it back. A source may come already loaded (by {@link loadForSplice}); it is
 * only read from, once.
 */
export async function splicedDocument(
  sources: ReadonlyArray<Uint8Array | PDFDocument>,
  pages: readonly SplicedPage[],
): Promise<PDFDocument> {
  if (pages.length === 0) throw new RangeError('splicePdfs needs at least one page');
  const out = await PDFDocument.create({ updateMetadata: false });
  const loaded = new Map<number, Source>();
  for (const { source } of pages) {
    if (loaded.has(source)) continue;
    if (!Number.isInteger(source) || !sources[source]) {
      throw new RangeError(`splicePdfs: source ${source} does not exist (there are ${sources.length})`);
    }
    loaded.set(source, await loadSource(sources[source], source, out.context));
  }

  const occurrences = copyPages(out, pages, loaded);
  const ordered = [...loaded.keys()].sort((a, b) => a - b).map((i) => loaded.get(i) as Source);
  copyDocumentLevel(out, ordered, occurrences);
  if (ordered.some((s) => s.pagesOf)) buildStructTree(out, ordered, occurrences);
  else for (const occ of occurrences) untag(occ);
  // pdf-lib writes every object its context holds; this one holds only what the pages reach (the
  // copier follows their references) and the tag tree written afresh, so nothing is left unreferenced.
  return out;
}

/** Loads a PDF as a source for {@link splicedDocument}. */
export function loadForSplice(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

async function loadSource(bytes: Uint8Array | PDFDocument, index: number, dest: PDFContext): Promise<Source> {
  let doc: PDFDocument;
  try {
    doc = bytes instanceof PDFDocument ? bytes : await loadForSplice(bytes);
  } catch (error) {
    throw new Error(`splicePdfs: source ${index} is not a PDF pdf-lib can read: ${(error as Error).message}`, { cause: error });
  }
  const pageRefs = doc.getPages().map((p) => p.ref);
  const source: Source = {
    doc,
    copier: PDFObjectCopier.for(doc.context, dest),
    pageRefs,
    roots: [],
    annotIndex: new Map(),
    copied: new Set(),
  };
  const root = doc.catalog.lookup(name('StructTreeRoot'));
  if (root instanceof PDFDict) {
    source.structTreeRoot = root;
    source.roots = kidsOf(doc.context, root).filter((k): k is PDFDict => k instanceof PDFDict && isElement(k));
    source.pagesOf = new Map();
    for (const elem of source.roots) pagesOfElement(source, elem, undefined, source.pagesOf);
  }
  return source;
}

// ---------------------------------------------------------------- pages

function copyPages(out: PDFDocument, pages: readonly SplicedPage[], loaded: Map<number, Source>): Occurrence[] {
  return pages.map(({ source: index, page }) => {
    const source = loaded.get(index) as Source;
    const srcRef = source.pageRefs[page];
    if (!Number.isInteger(page) || !srcRef) {
      throw new RangeError(`splicePdfs: source ${index} has pages 0–${source.pageRefs.length - 1}, not page ${page}`);
    }
    let ref: PDFRef;
    let leaf: PDFPageLeaf;
    const formCopies = new Map<PDFRef, PDFRef>();
    if (!source.copied.has(srcRef)) {
      // Copied by reference, so what refers to the page (an annotation's /P) refers to this copy, not to a second one.
      ref = source.copier.copy(srcRef);
      leaf = out.context.lookup(ref) as PDFPageLeaf;
      source.copied.add(srcRef);
    } else {
      leaf = source.copier.copy(source.doc.getPage(page).node);
      ref = out.context.register(leaf);
      // The copier hands a page used again the same annotations and forms: each needs its own, being
      // on one page with its own key.
      ownAnnotations(out.context, leaf, ref);
      ownForms(out.context, leaf, formCopies);
    }
    out.addPage(PDFPage.of(leaf, ref, out));
    const occ: Occurrence = {
      source,
      srcRef,
      ref,
      leaf,
      objrs: new Set(),
      annotKeys: new Map(),
      annotOwners: new Map(),
      mcidOwners: [],
      forms: new Set(),
      formCopies,
      renamed: new Map(),
    };
    return occ;
  });
}

function ownAnnotations(context: PDFContext, leaf: PDFPageLeaf, pageRef: PDFRef): void {
  const annots = leaf.lookup(ANNOTS);
  if (!(annots instanceof PDFArray)) return;
  const own = annots.asArray().map((entry) => {
    const annot = context.lookup(entry);
    if (!(annot instanceof PDFDict)) return entry;
    const copy = annot.clone();
    // finishPdf deletes a link's indirect action when it rewrites it: each copy needs its own.
    const action = copy.get(A);
    if (action instanceof PDFRef) copy.set(A, context.register((context.lookup(action) as PDFObject).clone()));
    if (copy.has(P)) copy.set(P, pageRef);
    return context.register(copy);
  });
  leaf.set(ANNOTS, context.obj(own));
}

/** The form XObjects a page (or a form) draws, and those they draw. */
function formsOf(context: PDFContext, owner: PDFDict, out = new Map<PDFRef, PDFStream>()): Map<PDFRef, PDFStream> {
  const resources = owner.lookup(RESOURCES);
  const xobjects = resources instanceof PDFDict ? resources.lookup(XOBJECT) : undefined;
  if (!(xobjects instanceof PDFDict)) return out;
  for (const ref of xobjects.values()) {
    const form = ref instanceof PDFRef ? context.lookup(ref) : undefined;
    if (!(ref instanceof PDFRef) || !(form instanceof PDFStream) || form.dict.get(SUBTYPE) !== FORM || out.has(ref)) continue;
    out.set(ref, form);
    formsOf(context, form.dict, out);
  }
  return out;
}

function ownForms(context: PDFContext, owner: PDFDict, copies: Map<PDFRef, PDFRef>): void {
  const resources = owner.lookup(RESOURCES);
  const xobjects = resources instanceof PDFDict ? resources.lookup(XOBJECT) : undefined;
  if (!(resources instanceof PDFDict) || !(xobjects instanceof PDFDict)) return;
  const own = xobjects.clone();
  for (const [key, ref] of xobjects.entries()) {
    const form = ref instanceof PDFRef ? context.lookup(ref) : undefined;
    if (!(ref instanceof PDFRef) || !(form instanceof PDFStream) || form.dict.get(SUBTYPE) !== FORM) continue;
    let copy = copies.get(ref);
    if (!copy) {
      const clone = form.clone();
      ownForms(context, clone.dict, copies);
      copy = context.register(clone);
      copies.set(ref, copy);
    }
    own.set(key, copy);
  }
  const ownResources = resources.clone();
  ownResources.set(XOBJECT, own);
  owner.set(RESOURCES, ownResources);
}

function annotRefs(page: PDFDict): Array<PDFRef | undefined> {
  const annots = page.lookup(ANNOTS);
  return annots instanceof PDFArray ? annots.asArray().map((a) => (a instanceof PDFRef ? a : undefined)) : [];
}

/** Where each annotation of a source page is in its /Annots, to find its copy at the same place. */
function annotIndexOf(source: Source, pageRef: PDFRef): Map<PDFRef, number> {
  let index = source.annotIndex.get(pageRef);
  if (!index) {
    index = new Map();
    const page = source.doc.context.lookup(pageRef, PDFDict);
    annotRefs(page).forEach((ref, i) => ref && index?.set(ref, i));
    source.annotIndex.set(pageRef, index);
  }
  return index;
}

function untag(occ: Occurrence): void {
  occ.leaf.delete(STRUCT_PARENTS);
  for (const form of formsOf(occ.leaf.context, occ.leaf).values()) form.dict.delete(STRUCT_PARENTS);
  for (const ref of annotRefs(occ.leaf)) {
    const annot = ref && occ.leaf.context.lookup(ref);
    if (annot instanceof PDFDict) annot.delete(STRUCT_PARENT);
  }
}

// ---------------------------------------------------------------- catalog, info, destinations

function copyDocumentLevel(out: PDFDocument, sources: Source[], occurrences: Occurrence[]): void {
  const { catalog, context } = out;
  const first = (key: string): { source: Source; value: PDFObject } | undefined => {
    for (const source of sources) {
      const value = source.doc.catalog.get(name(key));
      if (value) return { source, value };
    }
    return undefined;
  };
  for (const key of ['Lang', 'ViewerPreferences']) {
    const found = first(key);
    if (found) catalog.set(name(key), found.source.copier.copy(found.value));
  }
  const info = sources[0].doc.context.trailerInfo.Info;
  if (info) context.trailerInfo.Info = sources[0].copier.copy(info);

  // Chromium names a destination for each element a link jumps to (`#id`): keep those whose page is here.
  const dests = context.obj({});
  for (const source of sources) {
    const names = source.doc.catalog.lookup(name('Dests'));
    if (!(names instanceof PDFDict)) continue;
    // By source: pdf-lib's PDFRefs are shared by all documents, so two sources' "2 0 R" are one object.
    const firstOccurrence = new Map<PDFRef, PDFRef>();
    for (const occ of [...occurrences].reverse()) if (occ.source === source) firstOccurrence.set(occ.srcRef, occ.ref);
    for (const [key, value] of names.entries()) {
      if (dests.has(key)) continue;
      const resolved = source.doc.context.lookup(value);
      const array = resolved instanceof PDFDict ? resolved.lookup(name('D')) : resolved;
      if (!(array instanceof PDFArray) || array.size() === 0) continue;
      const target = array.get(0);
      const page = target instanceof PDFRef ? firstOccurrence.get(target) : undefined;
      if (!page) continue;
      dests.set(
        key,
        context.obj([
          page,
          ...array
            .asArray()
            .slice(1)
            .map((v) => source.copier.copy(v)),
        ]),
      );
    }
  }
  if (dests.keys().length > 0) catalog.set(name('Dests'), context.register(dests));
}

// ---------------------------------------------------------------- the structure tree

function isElement(dict: PDFDict): boolean {
  const type = dict.get(TYPE);
  return type === undefined ? dict.has(S) : type === STRUCT_ELEM;
}

function kidsOf(context: PDFContext, node: PDFDict): PDFObject[] {
  const k = context.lookup(node.get(K));
  const list = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  return list.map((kid) => (kid instanceof PDFRef ? (context.lookup(kid) ?? PDFNull) : kid));
}

type SourceItem =
  | { kind: 'mcid'; mcid: number; page?: PDFRef; form?: PDFRef }
  | { kind: 'objr'; obj: PDFObject | undefined; page?: PDFRef }
  | { kind: 'elem'; elem: PDFDict; page?: PDFRef };

const itemCache = new WeakMap<PDFDict, SourceItem[]>();

/** An element's children, each with the page it is on (its own /Pg, else the element's); read once per element. */
function itemsOf(context: PDFContext, elem: PDFDict, inherited: PDFRef | undefined): SourceItem[] {
  let items = itemCache.get(elem);
  if (!items) {
    items = readItems(context, elem, inherited);
    itemCache.set(elem, items);
  }
  return items;
}

function readItems(context: PDFContext, elem: PDFDict, inherited: PDFRef | undefined): SourceItem[] {
  const own = elem.get(PG);
  const page = own instanceof PDFRef ? own : inherited;
  const items: SourceItem[] = [];
  for (const kid of kidsOf(context, elem)) {
    if (kid instanceof PDFNumber) items.push({ kind: 'mcid', mcid: kid.asNumber(), page });
    else if (kid instanceof PDFDict) {
      const kidPage = kid.get(PG);
      const at = kidPage instanceof PDFRef ? kidPage : page;
      const type = kid.get(TYPE);
      if (type === MCR) {
        const mcid = kid.get(MCID);
        const form = kid.get(STM);
        if (mcid instanceof PDFNumber) {
          items.push({ kind: 'mcid', mcid: mcid.asNumber(), page: at, form: form instanceof PDFRef ? form : undefined });
        }
      } else if (type === OBJR) items.push({ kind: 'objr', obj: kid.get(OBJ), page: at });
      else if (isElement(kid)) items.push({ kind: 'elem', elem: kid, page });
    }
  }
  return items;
}

function pagesOfElement(source: Source, elem: PDFDict, inherited: PDFRef | undefined, out: Map<PDFDict, Set<PDFRef>>): Set<PDFRef> {
  const known = out.get(elem);
  if (known) return known;
  const pages = new Set<PDFRef>();
  out.set(elem, pages); // before the walk, so a damaged tree that loops ends
  for (const item of itemsOf(source.doc.context, elem, inherited)) {
    if (item.kind === 'elem') for (const p of pagesOfElement(source, item.elem, item.page, out)) pages.add(p);
    else if (item.page) pages.add(item.page);
  }
  return pages;
}

/** The part of a source element on one page, or undefined when it has nothing there. */
function restrict(elem: PDFDict, inherited: PDFRef | undefined, occ: Occurrence, depth = 0): Clone | undefined {
  const { source, srcRef } = occ;
  const pages = source.pagesOf?.get(elem);
  // The depth bound ends the walk of a damaged tree that loops.
  if (!pages?.has(srcRef) || depth > 512) return undefined;
  const kids: Item[] = [];
  for (const item of itemsOf(source.doc.context, elem, inherited)) {
    if (item.kind === 'elem') {
      const clone = restrict(item.elem, item.page, occ, depth + 1);
      if (clone) kids.push(clone);
    } else if (item.page !== srcRef) continue;
    else if (item.kind === 'mcid' && item.form) {
      // The form was copied with the page's resources: the copier hands back its copy.
      const copy = source.copier.copy(item.form);
      const form = occ.formCopies.get(copy) ?? copy;
      occ.forms.add(form);
      kids.push({ mcid: item.mcid, occ, form });
    } else if (item.kind === 'mcid') kids.push({ mcid: item.mcid, occ });
    else {
      const index = item.obj instanceof PDFRef ? annotIndexOf(source, srcRef).get(item.obj) : undefined;
      // An OBJR naming something other than an annotation of its page (an XObject) is not supported.
      if (index === undefined) continue;
      occ.objrs.add(index);
      kids.push({ annot: index, occ });
    }
  }
  return kids.length > 0 ? { elem, source, occ, split: pages.size > 1, kids } : undefined;
}

const signatures = new WeakMap<PDFDict, string>();

/** The role and attributes of an element, to tell whether two prints' elements are the same one. */
function signature(clone: Clone): string {
  let sig = signatures.get(clone.elem);
  if (sig === undefined) {
    const context = clone.source.doc.context;
    sig = clone.elem
      .entries()
      .filter(([key]) => key !== K && key !== P && key !== PG && key !== ID)
      .map(([key, value]) => `${key.toString()} ${(value instanceof PDFRef ? context.lookup(value) : value)?.toString()}`)
      .sort()
      .join('\n');
    signatures.set(clone.elem, sig);
  }
  return sig;
}

/**
 * Appends a page's part of the tree. An element that goes on from the last page (a print's
 * Document, a wrapper around all slides) continues in the same element rather than a second one
 * beside it, also when the two pages come from different prints of the document.
 */
function append(into: Item[], items: Item[]): void {
  const last = into.at(-1);
  const next = items[0];
  if (last && next && 'elem' in last && 'elem' in next && (last.split || next.split) && signature(last) === signature(next)) {
    append(last.kids, next.kids);
    into.push(...items.slice(1));
  } else into.push(...items);
}

function buildStructTree(out: PDFDocument, sources: Source[], occurrences: Occurrence[]): void {
  const { context, catalog } = out;
  const roots: Item[] = [];
  const formKeys = new Map<PDFRef, FormKey>();
  let nextKey = 0;
  for (const occ of occurrences) {
    if (!occ.source.pagesOf) {
      untag(occ);
      continue;
    }
    const part = occ.source.roots.flatMap((elem) => restrict(elem, undefined, occ) ?? []);
    append(roots, part);
    occ.key = nextKey++;
    for (const index of [...occ.objrs].sort((a, b) => a - b)) occ.annotKeys.set(index, nextKey++);
    // A form two pages of a source draw belongs to the elements of the first that names it.
    for (const form of occ.forms) if (!formKeys.has(form)) formKeys.set(form, { key: nextKey++, owners: [] });
  }

  const ids = assignIds(roots);
  const rootRef = context.nextRef();
  const kids = roots.map((item) => writeElement(context, item as Clone, rootRef, formKeys));

  const nums: PDFObject[] = [];
  for (const occ of occurrences) {
    if (occ.key === undefined) continue;
    occ.leaf.set(STRUCT_PARENTS, PDFNumber.of(occ.key));
    nums.push(PDFNumber.of(occ.key), ownersArray(context, occ.mcidOwners));
    annotRefs(occ.leaf).forEach((ref, i) => {
      const annot = ref && context.lookup(ref);
      if (!(annot instanceof PDFDict)) return;
      const key = occ.annotKeys.get(i);
      const owner = occ.annotOwners.get(i);
      if (key === undefined || !owner) annot.delete(STRUCT_PARENT);
      else {
        annot.set(STRUCT_PARENT, PDFNumber.of(key));
        nums.push(PDFNumber.of(key), owner);
      }
    });
    for (const ref of occ.forms) {
      const entry = formKeys.get(ref) as FormKey;
      if (entry.written) continue;
      entry.written = true;
      nums.push(PDFNumber.of(entry.key), ownersArray(context, entry.owners));
    }
    // A form the tree does not name (or names from a page left out) keeps no key.
    for (const [ref, form] of formsOf(context, occ.leaf)) {
      const entry = formKeys.get(ref);
      if (entry) form.dict.set(STRUCT_PARENTS, PDFNumber.of(entry.key));
      else form.dict.delete(STRUCT_PARENTS);
    }
  }
  // Keys come in page order, each page's before its annotations' and forms': Nums is sorted as a number tree must be.
  const parentTree = context.register(context.obj({ Type: 'ParentTree', Nums: nums }));
  const root = context.obj({ Type: 'StructTreeRoot', K: kids, ParentTree: parentTree, ParentTreeNextKey: nextKey });
  if (ids.length > 0) {
    // A name tree's keys are sorted as bytes.
    const bytes = (clone: Clone): string => String.fromCharCode(...(clone.id as PDFString | PDFHexString).asBytes());
    const sorted = ids.map((clone) => [bytes(clone), clone] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const names = sorted.flatMap(([, clone]) => [clone.id as PDFObject, elementRefs.get(clone) as PDFRef]);
    root.set(name('IDTree'), context.register(context.obj({ Names: names })));
  }
  for (const key of ['RoleMap', 'ClassMap']) {
    for (const source of sources) {
      const value = source.structTreeRoot?.get(name(key));
      if (!value) continue;
      root.set(name(key), source.copier.copy(value));
      break;
    }
  }
  context.assign(rootRef, root);
  catalog.set(name('StructTreeRoot'), rootRef);
  catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
}

const elementRefs = new WeakMap<Clone, PDFRef>();

/** Gives each element with an /ID a unique one (a page used twice, or two prints, repeat IDs); returns the IDTree's entries. */
function assignIds(roots: Item[]): Clone[] {
  const taken = new Set<string>();
  const out: Clone[] = [];
  const walk = (item: Item): void => {
    if (!('elem' in item)) return;
    const id = item.source.doc.context.lookup(item.elem.get(ID));
    if (id instanceof PDFString || id instanceof PDFHexString) {
      const text = id.decodeText();
      let unique = text;
      for (let n = 2; taken.has(unique); n++) unique = `${text}-${n}`;
      taken.add(unique);
      if (unique !== text) item.occ.renamed.set(text, unique);
      item.id = unique === text ? id : textString(unique);
      out.push(item);
    }
    item.kids.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

function writeElement(context: PDFContext, clone: Clone, parent: PDFRef, formKeys: Map<PDFRef, FormKey>): PDFRef {
  const ref = context.nextRef();
  elementRefs.set(clone, ref);
  const dict = PDFDict.withContext(context);
  for (const [key, value] of clone.elem.entries()) {
    if (key === K || key === P || key === PG || key === ID) continue;
    const copy = clone.source.copier.copy(value);
    dict.set(key, key === A && clone.occ.renamed.size > 0 ? renameHeaders(context, copy, clone.occ.renamed) : copy);
  }
  if (clone.id) dict.set(ID, clone.id);
  dict.set(P, parent);
  // /Pg where the source had one, and where marked content needs one (its ancestors' may now name another page).
  const pgOcc = clone.elem.get(PG) instanceof PDFRef || clone.kids.some((k) => 'mcid' in k) ? clone.occ : undefined;
  if (pgOcc) dict.set(PG, pgOcc.ref);
  const kids = clone.kids.map((kid): PDFObject => {
    if ('elem' in kid) return writeElement(context, kid, ref, formKeys);
    if ('mcid' in kid && kid.form) {
      const owners = (formKeys.get(kid.form) as FormKey).owners;
      owners[kid.mcid] ??= ref;
      return dictOf(context, [TYPE, MCR], [PG, kid.occ.ref], [STM, kid.form], [MCID, PDFNumber.of(kid.mcid)]);
    }
    if ('mcid' in kid) {
      kid.occ.mcidOwners[kid.mcid] = ref;
      if (kid.occ === pgOcc) return PDFNumber.of(kid.mcid);
      return dictOf(context, [TYPE, MCR], [PG, kid.occ.ref], [MCID, PDFNumber.of(kid.mcid)]);
    }
    kid.occ.annotOwners.set(kid.annot, ref);
    const annot = annotRefs(kid.occ.leaf)[kid.annot] as PDFRef;
    return dictOf(context, [TYPE, OBJR], [OBJ, annot], [PG, kid.occ.ref]);
  });
  dict.set(K, kids.length === 1 ? kids[0] : context.obj(kids));
  context.assign(ref, dict);
  return ref;
}

/** A ParentTree entry: MCID → the element that owns it (null where none does). */
function ownersArray(context: PDFContext, owners: PDFRef[]): PDFRef {
  return context.register(context.obj(Array.from({ length: owners.length }, (_, i) => owners[i] ?? PDFNull)));
}

function dictOf(context: PDFContext, ...entries: Array<[PDFName, PDFObject]>): PDFDict {
  const dict = PDFDict.withContext(context);
  for (const [key, value] of entries) dict.set(key, value);
  return dict;
}

/** A PDF text string: literal when plain ASCII, else UTF-16 (pdf-lib writes a PDFString's text as it is, unescaped). */
function textString(text: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(text) && !/[()\\]/.test(text) ? PDFString.of(text) : PDFHexString.fromText(text);
}

/** Table cells name their header cells by ID (/Headers in a /Table attribute): follow the renamed ones. */
function renameHeaders(context: PDFContext, attributes: PDFObject, renamed: Map<string, string>): PDFObject {
  const value = attributes instanceof PDFRef ? context.lookup(attributes) : attributes;
  if (value instanceof PDFArray) return context.obj(value.asArray().map((v) => renameHeaders(context, v, renamed)));
  if (!(value instanceof PDFDict)) return attributes;
  const headers = value.lookup(HEADERS);
  if (!(headers instanceof PDFArray)) return attributes;
  const copy = value.clone();
  copy.set(
    HEADERS,
    context.obj(
      headers.asArray().map((h) => {
        const text = h instanceof PDFString || h instanceof PDFHexString ? h.decodeText() : undefined;
        const to = text === undefined ? undefined : renamed.get(text);
        return to === undefined ? h : textString(to);
      }),
    ),
  );
  return copy;
}
