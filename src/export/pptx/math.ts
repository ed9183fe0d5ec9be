// Display math in the PowerPoint file: an office suite cannot show KaTeX's HTML and MathML, so
// each formula becomes a picture with its TeX as alt text. Here: the formulas a slide shows (to
// be drawn by export/math-pictures.ts, in a browser) and where their pictures are kept.
import { parseDocument } from 'htmlparser2';
import type { Picture } from './block.js';
import { Element, hasClass, texOf, type ChildNode } from './html.js';

/** One formula to draw: KaTeX's HTML for it, in a colour (six hex digits) and a text size (CSS px). */
export interface MathRequest {
  tex: string;
  html: string;
  color: string;
  fontSize: number;
}

/** The pictures drawn, by {@link mathKey}; or why none could be (no browser). */
export type MathPictures = Map<string, Picture> | { unavailable: string };

/** Where a formula's picture is kept: the same TeX in another colour or size is another picture. */
export function mathKey(request: Pick<MathRequest, 'tex' | 'color' | 'fontSize'>): string {
  return `${request.color} ${request.fontSize} ${request.tex}`;
}

/** The display formulas of a slide's HTML: each one's TeX and KaTeX's HTML for it. */
export function displayMath(html: string): { tex: string; html: string }[] {
  const found: { tex: string; html: string }[] = [];
  const walk = (node: ChildNode): void => {
    if (!(node instanceof Element)) return;
    if (hasClass(node, 'katex-display')) {
      found.push({ tex: texOf(node), html: html.slice(node.startIndex!, node.endIndex! + 1) });
      return;
    }
    node.children.forEach(walk);
  };
  parseDocument(html, { withStartIndices: true, withEndIndices: true }).children.forEach(walk);
  return found;
}
