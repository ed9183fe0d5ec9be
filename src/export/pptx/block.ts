// A block of a slide (text, table, picture, code, a layout): it knows how tall it is at a width
// and a fitting scale, and draws itself into a box. Text height is estimated from character
// counts (no fonts are measured), which is what lets the export run without a browser.
import type { Diagnostic } from '../../model/deck.js';
import type { Box, Canvas } from './canvas.js';
import type { Element } from './html.js';
import type { PartPicture } from './raw-parts.js';
import { paraText, type InlineContext, type Para } from './text.js';

export interface Block {
  height(width: number, scale: number): number;
  draw(canvas: Canvas, box: Box, scale: number): void;
}

/** A picture the deck uses, read from the built deck's folder. */
export interface Picture {
  /** pptxgenjs's data form: `image/png;base64,…`. */
  data: string;
  width: number;
  height: number;
}

export interface SlideContext extends InlineContext {
  /** The picture at `src` (as written in the built slide's HTML), or undefined when unreadable. */
  picture: (src: string) => Picture | undefined;
  /** An SVG element's markup as a picture (icons, QR codes), coloured `color` where it says currentColor. */
  svgPicture: (markup: string, color: string) => Picture;
  /** A display formula's picture (pptx/math.ts), in the slide's text colour; undefined when none was drawn. */
  mathPicture: (tex: string) => Picture | undefined;
  /** A raw HTML part (pptx/raw-parts.ts): its picture as the deck shows it (undefined when none was shot), its name and line. */
  part: (node: Element) => { picture: PartPicture | undefined; name: string; line: number };
  /** Reports on the slide's first line, or on `line`. */
  warn: (code: string, message: string, line?: number) => void;
  diagnostics: Diagnostic[];
}

/** Line height of text, as a multiple of its size (PowerPoint's single spacing is about 1.2). */
const LINE = 1.2;

/** Estimated height of paragraphs set `width` wide. */
export function parasHeight(paras: Para[], width: number, scale: number): number {
  let total = 0;
  paras.forEach((p, i) => {
    const size = p.size * scale;
    // Wide enough for the fallback fonts of a machine without the theme's (DejaVu Sans is the
    // widest); bold letters are wider still.
    const charWidth = size * (p.mono ? 0.6 : p.bold ? 0.63 : 0.56);
    const indent = p.list ? size * 1.1 * (p.level + 1) : 0;
    const room = Math.max(size * 2, width - indent);
    const lines = p.mono
      ? 1
      : paraText(p)
          .split('\n')
          .reduce((n, line) => n + wrappedLines(line, charWidth, room), 0);
    total += lines * size * LINE + (i > 0 ? p.spaceBefore * scale : 0);
  });
  return total;
}

/** How many lines `text` takes when wrapped at spaces into lines `room` wide (a long word breaks). */
function wrappedLines(text: string, charWidth: number, room: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const w = word.length * charWidth;
    const needed = used === 0 ? w : used + charWidth + w;
    if (needed <= room) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.max(0, Math.ceil(w / room) - 1);
      used = w % room || room;
    }
  }
  return lines;
}

/** Paragraphs in one text frame. */
export class TextBlock implements Block {
  constructor(readonly paras: Para[]) {}

  height(width: number, scale: number): number {
    return parasHeight(this.paras, width, scale);
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    canvas.text(this.paras, box, scale);
  }
}

/** Blocks stacked top to bottom with a gap between them. */
export class StackBlock implements Block {
  constructor(
    readonly blocks: Block[],
    readonly gap: number,
  ) {}

  height(width: number, scale: number): number {
    const hs = this.blocks.map((b) => b.height(width, scale));
    return hs.reduce((a, b) => a + b, 0) + Math.max(0, hs.length - 1) * this.gap * scale;
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    let y = box.y;
    for (const block of this.blocks) {
      const h = block.height(box.w, scale);
      block.draw(canvas, { x: box.x, y, w: box.w, h }, scale);
      y += h + this.gap * scale;
    }
  }
}
