// Raw HTML that cannot be PowerPoint content — an `<iframe>`, `<video>`, `<audio>`, `<canvas>` or
// `<object>` the author wrote (deckmark's own video figures become their still, media.ts) —
// becomes a picture of that part as the deck shows it, shot in a browser (export/part-pictures.ts).
// Here: which elements those are, what each is called, and where their pictures are kept.
import type { EmbedRef, Slide } from '../../model/deck.js';
import type { Picture } from './block.js';
import type { ParentNode } from 'domhandler';
import { Element, hasClass, parseHtml, type ChildNode } from './html.js';

export const PART_TAGS: readonly EmbedRef['tag'][] = ['iframe', 'video', 'audio', 'canvas', 'object'];

/** One part to shoot: the `index`th part of the `slide`th slide (PowerPoint's order, from 0). */
export interface PartRequest {
  slide: number;
  index: number;
  /** The slide's first line: its `<section>`'s `data-line` in the built deck. */
  slideLine: number;
  tag: string;
  /** What it shows, as written (`src`, `data-src`, `data`, a `<source>`'s src); '' when it names nothing. */
  url: string;
  /** A video's still (`poster`), as written; '' when it has none. */
  poster: string;
  /** Its alt text in the .pptx, {@link partName}. */
  name: string;
}

/** A part's picture: the part as the deck shows it, or a panel naming it that stands in for it. */
export interface PartPicture extends Picture {
  /** Why a panel stands in (`the export is offline`); undefined for the part itself. */
  standIn?: string;
}

/** The pictures shot, by {@link partKey}; or why none could be (no browser). */
export type PartPictures = Map<string, PartPicture> | { unavailable: string };

export function partKey(slide: number, index: number): string {
  return `${slide}/${index}`;
}

/** True for a part: not inside a video figure of deckmark's own, a template, or another part (an `<object>`'s fallback). */
export function isPart(node: ChildNode): boolean {
  if (!(node instanceof Element) || !(PART_TAGS as readonly string[]).includes(node.name)) return false;
  for (let up = node.parent; up instanceof Element; up = up.parent)
    if ((up.name === 'figure' && hasClass(up, 'dm-video')) || up.name === 'template' || isPart(up)) return false;
  return true;
}

/** The parts among `nodes` and their descendants, in document order. */
function partsIn(nodes: ChildNode[]): Element[] {
  return nodes.flatMap((n) => (!(n instanceof Element) ? [] : isPart(n) ? [n] : partsIn(n.children)));
}

/** The top-level nodes of the HTML `node` was parsed from. */
function topNodes(node: ChildNode): ChildNode[] {
  let top: ChildNode | ParentNode = node;
  while (top.parent) top = top.parent;
  return top === node ? [node] : (top as ParentNode).children;
}

/** A part's place among the parts of its slide (the HTML it was parsed from). */
export function partIndex(part: Element): number {
  return partsIn(topNodes(part)).indexOf(part);
}

function partUrl(part: Element): string {
  const source = part.children.find((c): c is Element => c instanceof Element && c.name === 'source');
  // `data-src`: reveal.js's lazy loading (it sets `src` when the slide is shown, and in the print view).
  return part.attribs.src ?? part.attribs['data-src'] ?? part.attribs.data ?? source?.attribs.src ?? '';
}

/** Its title (or label); else what it is and where from: `<iframe> from www.youtube.com`, `<video> clip.mp4`, `<canvas>`. */
export function partName(part: Element): string {
  const given = (part.attribs.title ?? part.attribs['aria-label'] ?? '').trim();
  if (given) return given;
  const url = partUrl(part);
  const host = /^(?:[a-z][\w+.-]*:)?\/\/([^/?#]+)/i.exec(url)?.[1];
  // A local file is the built deck's copy, `assets/clip-<content hash>.mp4` (build/assets.ts): named as written.
  const file = url
    .split(/[?#]/)[0]
    .replace(/^(assets\/.*)-[0-9a-f]{10}(\.\w+)$/, '$1$2')
    .split('/')
    .pop();
  return host ? `<${part.name}> from ${host}` : file && !/^data:/i.test(url) ? `<${part.name}> ${file}` : `<${part.name}>`;
}

/** The parts of a slide, to be shot. */
export function partRequests(slide: Slide, n: number): PartRequest[] {
  return partsIn(parseHtml(slide.html)).map((part, index) => ({
    slide: n,
    index,
    slideLine: slide.range.start,
    tag: part.name,
    url: partUrl(part),
    poster: part.attribs.poster ?? '',
    name: partName(part),
  }));
}

/** The line a part's tag opens on, from the slide's embeds; the slide's first line when they do not tell. */
export function partLine(slide: Slide, part: Element): number {
  const same = partsIn(topNodes(part)).filter((p) => p.name === part.name);
  return slide.embeds.filter((e) => e.tag === part.name)[same.indexOf(part)]?.line ?? slide.range.start;
}
