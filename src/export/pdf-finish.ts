// Finishes the PDF Chromium printed: document metadata, one bookmark per slide, and in-deck links turned into page links.
import { ParseSpeeds, PDFArray, type PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';

export interface PdfOutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
  children: PdfOutlineEntry[];
}

export interface PdfFinishOptions {
  title: string;
  author?: string;
  subject?: string;
  /** BCP 47, e.g. 'nb'. */
  lang: string;
  keywords?: string[];
  /** @defaultValue 'deckmark' */
  creator?: string;
  /** One entry per slide; vertical slides nested under their parent. */
  outline: PdfOutlineEntry[];
  /**
   * Resolves a link's whole URI (e.g. `deckmark:#/3`, `file:///…/index.html?x#/goals`) to a 0-based
   * page index, or undefined when it is not in-deck. Note that Chromium drops links to a fragment
   * of the printed document itself (`#/3`) unless an element has that id, so the caller must give
   * in-deck links a URI Chromium keeps before printing.
   */
  internalTarget: (href: string) => number | undefined;
}

const PRODUCER = 'deckmark (pdf-lib)';

/**
 * Adds metadata, bookmarks and page links to a PDF from Chromium's `page.pdf()` (or to one spliced
 * from such PDFs, not yet saved); fonts, tags and content are kept as they are.
 */
export async function finishPdf(pdf: Uint8Array | PDFDocument, options: PdfFinishOptions): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own Producer/ModDate before we set ours.
  // Fastest: pdf-lib otherwise yields to the event loop every 100 objects, which doubles its time.
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pageRefs = doc.getPages().map((page) => page.ref);
  const pageRef = (index: number, what: string): PDFRef => {
    const ref = Number.isInteger(index) ? pageRefs[index] : undefined;
    if (!ref) throw new RangeError(`${what} points at page ${index}, but the PDF has pages 0–${pageRefs.length - 1}`);
    return ref;
  };

  setMetadata(doc, options);
  setOutline(doc, options.outline, pageRef);
  rewriteLinks(doc, options.internalTarget, pageRef);

  // Object streams make the file smaller than Chromium's own (a 20-page deck: 59 kB → 32 kB).
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
}

function setMetadata(doc: PDFDocument, options: PdfFinishOptions): void {
  const now = new Date();
  // Chromium's Title is the page's <title> or URL and its Creator the user agent: replace both.
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  if (options.author) doc.setAuthor(options.author);
  if (options.subject) doc.setSubject(options.subject);
  if (options.keywords?.length) doc.setKeywords(options.keywords);
  doc.setCreator(options.creator ?? 'deckmark');
  doc.setProducer(PRODUCER);
  doc.setCreationDate(doc.getCreationDate() ?? now);
  doc.setModificationDate(now);
  // Chromium copies <html lang>, which may be missing or differ from the deck's language.
  doc.setLanguage(options.lang);
}

// ---------------------------------------------------------------- outline

function setOutline(doc: PDFDocument, entries: PdfOutlineEntry[], pageRef: (index: number, what: string) => PDFRef): void {
  const { catalog, context } = doc;
  const old = catalog.get(PDFName.of('Outlines'));
  // pdf-lib writes every object it holds, referenced or not: drop the old tree rather than leave it in the file.
  if (old instanceof PDFRef) deleteOutlineTree(context, old);
  catalog.delete(PDFName.of('Outlines'));
  if (entries.length === 0) return;

  const rootRef = context.nextRef();
  const { first, last, count } = addItems(context, entries, rootRef, pageRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: first, Last: last, Count: count }));
  catalog.set(PDFName.of('Outlines'), rootRef);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Adds sibling items under `parent`; returns the first and last one and how many items are visible (all are open). */
function addItems(
  context: PDFContext,
  entries: PdfOutlineEntry[],
  parent: PDFRef,
  pageRef: (index: number, what: string) => PDFRef,
): { first: PDFRef; last: PDFRef; count: number } {
  const refs = entries.map(() => context.nextRef());
  let count = 0;
  entries.forEach((entry, i) => {
    const item = context.obj({
      // Hex strings carry UTF-16, so æøå and emoji show as written.
      Title: PDFHexString.fromText(entry.title),
      Parent: parent,
      Dest: [pageRef(entry.page, `Bookmark "${entry.title}"`), 'Fit'],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
    if (entry.children.length > 0) {
      const kids = addItems(context, entry.children, refs[i], pageRef);
      item.set(PDFName.of('First'), kids.first);
      item.set(PDFName.of('Last'), kids.last);
      // Positive: open, so a stack's vertical slides show without a click.
      item.set(PDFName.of('Count'), PDFNumber.of(kids.count));
      count += kids.count;
    }
    context.assign(refs[i], item);
    count++;
  });
  return { first: refs[0], last: refs[refs.length - 1], count };
}

function deleteOutlineTree(context: PDFContext, ref: PDFRef, seen = new Set<PDFRef>()): void {
  // A damaged outline may loop; `seen` keeps the walk finite.
  if (seen.has(ref)) return;
  seen.add(ref);
  const node = context.lookup(ref);
  context.delete(ref);
  if (!(node instanceof PDFDict)) return;
  for (const key of ['First', 'Next']) {
    const next = node.get(PDFName.of(key));
    if (next instanceof PDFRef) deleteOutlineTree(context, next, seen);
  }
}

// ---------------------------------------------------------------- links

function rewriteLinks(
  doc: PDFDocument,
  internalTarget: (href: string) => number | undefined,
  pageRef: (index: number, what: string) => PDFRef,
): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookup(PDFName.of('A'));
      if (!(action instanceof PDFDict) || action.get(PDFName.of('S')) !== PDFName.of('URI')) continue;
      const uri = action.lookup(PDFName.of('URI'));
      if (!(uri instanceof PDFString || uri instanceof PDFHexString)) continue;
      const href = uri.decodeText();
      const target = internalTarget(href);
      if (target === undefined) continue;
      // Edit the annotation in place: its /StructParent ties it to the Link element of the tag tree.
      const actionRef = annot.get(PDFName.of('A'));
      if (actionRef instanceof PDFRef) doc.context.delete(actionRef);
      annot.delete(PDFName.of('A'));
      annot.set(PDFName.of('Dest'), doc.context.obj([pageRef(target, `Link ${href}`), PDFName.of('Fit')]));
    }
  }
}
