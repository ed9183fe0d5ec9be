// Tables, pictures, code and videos as PowerPoint objects.
import { parasHeight, type Block, type Picture, type SlideContext } from './block.js';
import type { Box, Canvas, TableCellSpec } from './canvas.js';
import { Element, Text, collapsedText, elements, hasClass, type ChildNode } from './html.js';
import { inlineRuns, type Para, type Run } from './text.js';
import { svgName } from './svg-names.js';
import { resolveCssVars } from './theme.js';

/** A picture, as large as it is (in CSS px; `fill`: as wide as its box) but never wider than its box; centred. */
class PictureBlock implements Block {
  constructor(
    readonly picture: Picture,
    readonly alt: string,
    readonly maxHeight: number,
    readonly link?: string,
    readonly fill = false,
  ) {}

  private size(width: number, scale: number): { w: number; h: number } {
    const k = Math.min(this.fill ? Infinity : 1, width / this.picture.width, (this.maxHeight * scale) / this.picture.height);
    return { w: this.picture.width * k, h: this.picture.height * k };
  }

  height(width: number, scale: number): number {
    return this.size(width, scale).h;
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    const { w, h } = this.size(box.w, scale);
    canvas.image(this.picture.data, { x: box.x + (box.w - w) / 2, y: box.y, w, h }, this.alt, this.link);
  }
}

/** A display formula drawn as a picture (pptx/math.ts), its TeX as alt text. */
export function mathBlock(picture: Picture, tex: string): Block {
  return new PictureBlock(picture, tex, PICTURE_MAX_HEIGHT);
}

/** An SVG drawn in the slide (a chart): a picture in the slide's colours, its label as alt text. */
export function svgBlock(ctx: SlideContext, svg: Element): Block {
  // Standalone, the SVG's text no longer inherits the slide's font: it is named on the root.
  const markup = outerSvg(svg).replace(/^<svg/, `<svg font-family="${ctx.theme.fonts.body.replace(/["<&]/g, '')}, sans-serif"`);
  const picture = ctx.svgPicture(resolveCssVars(markup, ctx.palette), `#${ctx.palette.fg}`);
  const alt = svg.attribs['aria-label'] ?? findAll(svg, (e) => e.name === 'title').map(collapsedText)[0] ?? '';
  // A chart fills the width, at most 470 px high, as the theme sets it.
  return hasClass(svg, 'dm-chart-svg')
    ? new PictureBlock(picture, alt, 470, undefined, true)
    : new PictureBlock(picture, alt, PICTURE_MAX_HEIGHT);
}

/** A raw HTML part (an iframe, a canvas…) as the picture the browser shot of it; left out, with a warning, without one. */
export function partBlock(ctx: SlideContext, node: Element): Block | undefined {
  const { picture, name, line } = ctx.part(node);
  const what = name.startsWith('<') ? name : `<${node.name}> "${name}"`;
  if (!picture) {
    ctx.warn('pptx-left-out', `${what} cannot be PowerPoint content and is left out of the .pptx`, line);
    return undefined;
  }
  const shown = picture.standIn ? `a panel naming it and its URL (${picture.standIn})` : 'a picture of it as the deck shows it';
  ctx.warn('pptx-picture', `${what} cannot be PowerPoint content: the .pptx has ${shown}`, line);
  return new PictureBlock(picture, name, PICTURE_MAX_HEIGHT);
}

/** Pictures may take most of a slide's height before the slide is shrunk to fit. */
const PICTURE_MAX_HEIGHT = 480;

export function pictureBlock(ctx: SlideContext, img: Element): Block | undefined {
  const src = img.attribs.src ?? '';
  const picture = ctx.picture(src);
  if (!picture) {
    const why = /^https?:/i.test(src) ? 'is not on this machine (the export is offline)' : 'could not be read';
    ctx.warn('pptx-left-out', `the picture ${src} ${why} and is left out of the .pptx`);
    return undefined;
  }
  const width = Number(img.attribs.width) || undefined;
  const sized = width ? { ...picture, width, height: (picture.height * width) / picture.width } : picture;
  return new PictureBlock(sized, img.attribs.alt ?? '', PICTURE_MAX_HEIGHT);
}

class TableBlock implements Block {
  constructor(
    readonly rows: TableCellSpec[][],
    readonly rule: string,
    readonly headerRule: string,
    readonly padding: number,
  ) {}

  /** Each column as wide as its longest cell (40 characters at most), the table no wider than its box. */
  private colWidths(width: number, scale: number): number[] {
    const n = Math.max(...this.rows.map((r) => r.length));
    const size = (this.rows[0]?.[0]?.paras[0]?.size ?? 16) * scale;
    const longest = Array.from({ length: n }, (_, i) =>
      Math.max(3, ...this.rows.map((r) => (r[i] ? r[i].paras.reduce((a, p) => a + p.runs.reduce((b, x) => b + x.text.length, 0), 0) : 0))),
    );
    const natural = longest.map((l) => Math.min(l, 40) * size * 0.6 + 28 * scale);
    const total = natural.reduce((a, b) => a + b, 0);
    return natural.map((w) => (total > width ? (w * width) / total : w));
  }

  height(width: number, scale: number): number {
    const ws = this.colWidths(width, scale);
    return this.rows.reduce(
      (sum, row) => sum + Math.max(...row.map((c, i) => parasHeight(c.paras, ws[i] - 12 * scale, scale))) + 2 * this.padding * scale,
      0,
    );
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    const ws = this.colWidths(box.w, scale);
    canvas.table(this.rows, { ...box, w: ws.reduce((a, b) => a + b, 0) }, ws, scale, { rule: this.rule, headerRule: this.headerRule });
  }
}

export function tableBlock(ctx: SlideContext, table: Element, size: number): Block | undefined {
  const small = size * 0.8;
  const rows: TableCellSpec[][] = [];
  const walk = (node: Element): void => {
    for (const c of elements(node)) {
      if (c.name === 'tr')
        rows.push(
          elements(c)
            .filter((cell) => cell.name === 'td' || cell.name === 'th')
            .map((cell) => {
              const align = /text-align:\s*(left|center|right)/.exec(cell.attribs.style ?? '')?.[1] as TableCellSpec['align'];
              const para: Para = {
                runs: inlineRuns(cell.children, ctx),
                size: small,
                font: ctx.theme.fonts.body,
                color: ctx.palette.fg,
                level: 0,
                spaceBefore: 0,
                bold: cell.name === 'th',
              };
              return { paras: [para], header: cell.name === 'th', align };
            }),
        );
      else walk(c);
    }
  };
  walk(table);
  if (rows.length === 0) return undefined;
  // PowerPoint tables are rectangular: short rows (a ragged or spanned HTML table) get empty cells.
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const empty = (header: boolean): TableCellSpec => ({
    paras: [{ runs: [], size: small, font: ctx.theme.fonts.body, color: ctx.palette.fg, level: 0, spaceBefore: 0 }],
    header,
  });
  const full = rows.map((r) => [...r, ...Array.from({ length: columns - r.length }, () => empty(r[0]?.header ?? false))]);
  return new TableBlock(full, ctx.palette.border, ctx.palette.fg, small * 0.55);
}

/** A filled box around text: code on its background. */
class PanelBlock implements Block {
  constructor(
    readonly paras: Para[],
    readonly fill: string,
    readonly padding: number,
    readonly radius: number,
  ) {}

  height(width: number, scale: number): number {
    return parasHeight(this.paras, width - 2 * this.padding * scale, scale) + 2 * this.padding * scale;
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    canvas.textShape(this.paras, box, scale, { fill: this.fill, radius: this.radius }, this.padding * scale);
  }
}

/** The lines of highlighted code, each a list of coloured runs (line-number cells skipped). */
function codeLines(code: Element, tone: 'light' | 'dark'): Run[][] {
  const lines: Run[][] = [[]];
  const walk = (node: ChildNode, color: string | undefined): void => {
    if (node instanceof Text) {
      node.data.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1].push({ text: part, color });
      });
      return;
    }
    if (!(node instanceof Element) || hasClass(node, 'hljs-ln-numbers')) return;
    if (node.name === 'tr' && lines[lines.length - 1].length > 0) lines.push([]);
    const own = new RegExp(`--shiki-${tone}:\\s*#([0-9a-fA-F]{6})`).exec(node.attribs.style ?? '')?.[1];
    for (const c of node.children) walk(c, own?.toUpperCase() ?? color);
  };
  walk(code, undefined);
  while (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  return lines;
}

export function codeBlock(ctx: SlideContext, pre: Element, size: number): Block {
  const code = elements(pre).find((e) => e.name === 'code') ?? pre;
  const codeSize = size * ctx.theme.code;
  const paras = codeLines(code, ctx.palette.code).map((runs): Para => ({
    runs: runs.length > 0 ? runs : [{ text: ' ' }],
    size: codeSize,
    font: ctx.theme.fonts.mono,
    color: ctx.palette.codeFg,
    level: 0,
    spaceBefore: 0,
    mono: true,
  }));
  return new PanelBlock(paras, ctx.palette.codeBg, codeSize * 0.8, 8);
}

/** A film as its print still: the poster (or a panel with a play button and its title) and, under it, the QR code and the link. */
class VideoBlock implements Block {
  constructor(
    readonly face: { picture: Picture } | { title: Para[]; fill: string },
    /** The play button's triangle. */
    readonly button: Para[],
    readonly alt: string,
    readonly link: string | undefined,
    readonly qr: Picture | undefined,
    readonly caption: Para[],
    readonly border: string,
    readonly size: number,
  ) {}

  /** The print still takes 70% of the slide's content width. */
  private width(width: number): number {
    return width * 0.7;
  }

  private stillHeight(width: number): number {
    const w = this.width(width);
    return 'picture' in this.face ? (w * this.face.picture.height) / this.face.picture.width : w * 0.38;
  }

  private panelHeight(scale: number): number {
    return this.link ? 145 * scale : 0;
  }

  height(width: number, scale: number): number {
    return this.stillHeight(width) + this.panelHeight(scale);
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    const w = this.width(box.w);
    const x = box.x + (box.w - w) / 2;
    const h = this.stillHeight(box.w);
    const d = 94 * scale;
    if ('picture' in this.face) {
      canvas.image(this.face.picture.data, { x, y: box.y, w, h }, this.alt, this.link);
      canvas.textShape(
        this.button,
        { x: x + (w - d) / 2, y: box.y + (h - d) / 2, w: d, h: d },
        scale,
        { fill: 'F0F2F8', radius: d / 2 },
        0,
      );
    } else {
      canvas.shape({ x, y: box.y, w, h }, { fill: this.face.fill, radius: 12 * scale });
      canvas.textShape(
        this.button,
        { x: x + (w - d) / 2, y: box.y + h * 0.3 - d / 2, w: d, h: d },
        scale,
        { fill: 'F0F2F8', radius: d / 2 },
        0,
      );
      canvas.text(this.face.title, { x, y: box.y + h * 0.62, w, h: h * 0.3 }, scale);
    }
    const panel = this.panelHeight(scale);
    if (!this.link || panel === 0) return;
    const y = box.y + h;
    canvas.shape({ x, y, w, h: panel }, { line: this.border });
    const q = panel - 36 * scale;
    if (this.qr) canvas.image(this.qr.data, { x: x + 28 * scale, y: y + 18 * scale, w: q, h: q }, `QR code: ${this.link}`, this.link);
    canvas.text(this.caption, { x: x + q + 64 * scale, y: y + 18 * scale, w: w - q - 90 * scale, h: q }, scale, { valign: 'middle' });
  }
}

export function videoBlock(ctx: SlideContext, figure: Element, size: number): Block {
  const p = ctx.palette;
  const title = findAll(figure, (e) => hasClass(e, 'dm-video-title')).map(collapsedText)[0] || 'Video';
  const link = findLink(figure);
  const poster = findAll(figure, (e) => e.name === 'img')[0];
  const posterPicture = poster ? ctx.picture(poster.attribs.src ?? '') : undefined;
  const qr = findAll(figure, (e) => e.name === 'svg' && hasClass(e, 'dm-qr'))[0];
  const para = (runs: Run[], extra: Partial<Para>): Para => ({
    runs,
    size,
    font: ctx.theme.fonts.body,
    color: p.fg,
    level: 0,
    spaceBefore: 0,
    ...extra,
  });
  const face = posterPicture
    ? { picture: posterPicture }
    : {
        fill: p.accent,
        title: [para([{ text: title }], { bold: true, color: 'FFFFFF', align: 'center' })],
      };
  const button = [para([{ text: '▶' }], { color: p.accent, align: 'center', size: size * 1.2 })];
  const watch = findAll(figure, (e) => hasClass(e, 'dm-video-watch')).map(collapsedText)[0] ?? '';
  const caption = [
    para([{ text: watch }], { bold: true, size: size * 0.62 }),
    para([{ text: link ?? '', link: link ? { url: link } : undefined, color: p.link }], { size: size * 0.62, spaceBefore: size * 0.2 }),
  ];
  return new VideoBlock(face, button, title, link, qr ? ctx.svgPicture(outerSvg(qr), '#000000') : undefined, caption, p.border, size);
}

export function findAll(node: Element, test: (e: Element) => boolean): Element[] {
  return elements(node).flatMap((e) => [...(test(e) ? [e] : []), ...findAll(e, test)]);
}

function findLink(node: Element): string | undefined {
  return findAll(node, (e) => e.name === 'a' && /^https?:/.test(e.attribs.href ?? ''))[0]?.attribs.href ?? qrLink(node);
}

function qrLink(node: Element): string | undefined {
  const label = findAll(node, (e) => hasClass(e, 'dm-qr'))[0]?.attribs['aria-label'];
  return label ? /(https?:\S+)/.exec(label)?.[1] : undefined;
}

/** An SVG element's markup, written back from its tree. */
export function outerSvg(node: ChildNode): string {
  if (node instanceof Text) return node.data.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (!(node instanceof Element)) return '';
  const attrs = Object.entries(node.attribs)
    .map(([k, v]) => ` ${svgName(k)}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  const xmlns = node.name === 'svg' && !node.attribs.xmlns ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  const name = svgName(node.name);
  return `<${name}${xmlns}${attrs}>${node.children.map(outerSvg).join('')}</${name}>`;
}
