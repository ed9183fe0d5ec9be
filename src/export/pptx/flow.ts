// A slide's HTML, top to bottom, as blocks: runs of text elements (paragraphs, headings, lists,
// quotes) share one text frame; tables, pictures, code, columns and the strategy layouts are
// blocks of their own.
import { StackBlock, TextBlock, type Block, type SlideContext } from './block.js';
import type { Box, Canvas } from './canvas.js';
import { Element, collapsedText, elements, hasClass, isElement, styleValue, texOf, type ChildNode } from './html.js';
import { layoutBlock, PanelWithRule } from './layouts.js';
import { codeBlock, findAll, mathBlock, partBlock, pictureBlock, svgBlock, tableBlock, videoBlock } from './media.js';
import { nativeChart } from './native-chart.js';
import { isPart } from './raw-parts.js';
import { inlineRuns, type Para } from './text.js';

/** Paragraph defaults for body text at `size` (CSS px). */
export function bodyPara(ctx: SlideContext, size: number, extra: Partial<Para> = {}): Para {
  return { runs: [], size, font: ctx.theme.fonts.body, color: ctx.palette.fg, level: 0, spaceBefore: size * 0.5, ...extra };
}

const HEADING_SIZE: Record<string, 'h1' | 'h2' | 'h3'> = { h1: 'h1', h2: 'h2', h3: 'h3' };

/** A heading that is not the slide's title. */
function headingPara(ctx: SlideContext, node: Element, size: number): Para {
  const scale = HEADING_SIZE[node.name] ? ctx.theme[HEADING_SIZE[node.name]] : 1;
  return bodyPara(ctx, size * scale, {
    runs: inlineRuns(node.children, ctx),
    font: ctx.theme.fonts.heading,
    color: ctx.palette.heading,
    bold: true,
    spaceBefore: size * 0.6,
  });
}

/** The paragraphs of a list, nested lists one level deeper. */
function listParas(ctx: SlideContext, list: Element, size: number, level = 0): Para[] {
  const out: Para[] = [];
  let n = Number(list.attribs.start ?? 1) || 1;
  for (const li of elements(list).filter((e) => e.name === 'li')) {
    const runs = inlineRuns(li.children, ctx, {}, (e) => e.name === 'ul' || e.name === 'ol');
    const type = list.name === 'ol' ? { type: 'number' as const, start: n } : { type: 'bullet' as const };
    out.push(bodyPara(ctx, size, { runs, list: type, level, spaceBefore: size * 0.25 }));
    n++;
    for (const sub of elements(li).filter((e) => e.name === 'ul' || e.name === 'ol')) out.push(...listParas(ctx, sub, size, level + 1));
  }
  return out;
}

/** The paragraphs of a text element, or undefined when it is not one. */
export function textParas(ctx: SlideContext, node: Element, size: number): Para[] | undefined {
  if (node.name === 'p' && !onlyPicture(node)) return [bodyPara(ctx, size, { runs: inlineRuns(node.children, ctx) })];
  if (/^h[1-6]$/.test(node.name)) return [headingPara(ctx, node, size)];
  if (node.name === 'ul' || node.name === 'ol') return listParas(ctx, node, size);
  if (node.name === 'blockquote') return quoteParas(ctx, node, size);
  if (node.name === 'dl')
    return elements(node).map((c) =>
      bodyPara(ctx, size, { runs: inlineRuns(c.children, ctx), bold: c.name === 'dt', level: c.name === 'dd' ? 1 : 0 }),
    );
  if (hasClass(node, 'footnotes')) {
    const small = size * ctx.theme.small;
    return elements(node)
      .flatMap((c) => (c.name === 'ol' ? listParas(ctx, c, small) : []))
      .map((p) => ({ ...p, color: ctx.palette.muted }));
  }
  return undefined;
}

/** A quote's paragraphs in the theme's quote font, a little larger; its attribution (`— …`) in the body font. */
function quoteParas(ctx: SlideContext, node: Element, size: number): Para[] {
  return elements(node).flatMap((c) =>
    (textParas(ctx, c, size * 1.1) ?? []).map((p) =>
      /^\s*[—–-]\s/.test(collapsedText(c))
        ? { ...p, size: size * 0.8, color: ctx.palette.muted, bold: true }
        : { ...p, font: ctx.theme.fonts.quote, color: ctx.palette.fg },
    ),
  );
}

/** A paragraph that holds a picture and nothing else (Markdown's `![alt](src)`). */
function onlyPicture(node: Element): Element | undefined {
  const kids = node.children.filter((c) => !(c.type === 'text' && collapsedText(c) === ''));
  const only = kids.length === 1 ? kids[0] : undefined;
  if (only && isElement(only, 'img')) return only;
  if (!only || !isElement(only, 'a')) return undefined;
  const inner = elements(only);
  return inner.length === 1 && inner[0].name === 'img' && collapsedText(only) === '' ? inner[0] : undefined;
}

const SKIPPED = new Set(['hr', 'aside', 'style', 'script', 'template']);
/** Content the deck keeps for screen readers only (a chart's data table): not on the slide. */
const VISUALLY_HIDDEN = ['dm-chart-data', 'sr-only', 'visually-hidden'];

/** Blocks of a list of nodes at body size `size`. */
export function flowBlocks(ctx: SlideContext, nodes: ChildNode[], size: number): Block[] {
  const blocks: Block[] = [];
  let text: Para[] = [];
  const flush = (): void => {
    if (text.length > 0) blocks.push(new TextBlock(text));
    text = [];
  };
  const add = (block: Block | undefined): void => {
    flush();
    if (block) blocks.push(block);
  };
  for (const node of nodes) {
    if (node.type === 'text' && collapsedText(node) !== '') {
      text.push(bodyPara(ctx, size, { runs: inlineRuns([node], ctx) }));
      continue;
    }
    if (!(node instanceof Element) || SKIPPED.has(node.name) || VISUALLY_HIDDEN.some((c) => hasClass(node, c))) continue;
    if (node.name === 'blockquote') {
      add(new PanelWithRule(quoteParas(ctx, node, size), undefined, ctx.palette.accent, size * 0.5));
      continue;
    }
    const paras = textParas(ctx, node, size);
    if (paras) {
      text.push(...paras.filter((p) => p.runs.length > 0));
      // Parts written inside a paragraph (`<canvas …></canvas>` on a line of its own is one): after its text.
      for (const part of findAll(node, isPart)) add(partBlock(ctx, part));
      continue;
    }
    const picture = node.name === 'img' ? node : node.name === 'p' ? onlyPicture(node) : undefined;
    if (picture) add(pictureBlock(ctx, picture));
    else if (node.name === 'figure' && hasClass(node, 'dm-video')) add(videoBlock(ctx, node, size));
    else if (node.name === 'figure') add(new StackBlock(flowBlocks(ctx, node.children, size), size * 0.3));
    else if (node.name === 'figcaption')
      text.push(bodyPara(ctx, size * ctx.theme.small, { runs: inlineRuns(node.children, ctx), color: ctx.palette.muted }));
    else if (hasClass(node, 'dm-math-display') || hasClass(node, 'katex-display')) {
      // A picture when one was drawn; else its TeX as text.
      const tex = texOf(node);
      const picture = ctx.mathPicture(tex);
      if (picture) add(mathBlock(picture, tex));
      else text.push(bodyPara(ctx, size, { runs: inlineRuns(node.children, ctx), align: 'center' }));
    } else if (node.name === 'svg') add(nativeChart(ctx, node) ?? svgBlock(ctx, node));
    else if (node.name === 'table') add(tableBlock(ctx, node, size));
    else if (node.name === 'pre') add(codeBlock(ctx, node, size));
    else if (hasClass(node, 'columns')) add(columnsBlock(ctx, node, size));
    else if (isPart(node)) add(partBlock(ctx, node));
    else {
      const layout = layoutBlock(ctx, node, size);
      if (layout) add(layout);
      else if (elements(node).length > 0 || collapsedText(node) !== '') {
        // Any other container (a div of raw HTML, the sources list): its content, in order.
        // The sources slide lists many links: set small, as the theme does.
        const inner = flowBlocks(ctx, node.children, hasClass(node, 'dm-sources') ? size * 0.7 : size);
        if (inner.length === 1 && inner[0] instanceof TextBlock) text.push(...inner[0].paras);
        else for (const b of inner) add(b);
      }
    }
  }
  flush();
  return blocks;
}

/** `::: columns`: side by side, widths from `width:58%` or shared equally. */
class ColumnsBlock implements Block {
  constructor(
    readonly columns: { share: number; block: StackBlock }[],
    readonly gap: number,
  ) {}

  private widths(width: number, scale: number): number[] {
    const room = width - this.gap * scale * (this.columns.length - 1);
    const total = this.columns.reduce((a, c) => a + c.share, 0);
    return this.columns.map((c) => (room * c.share) / total);
  }

  height(width: number, scale: number): number {
    const ws = this.widths(width, scale);
    return Math.max(0, ...this.columns.map((c, i) => c.block.height(ws[i], scale)));
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    const ws = this.widths(box.w, scale);
    let x = box.x;
    this.columns.forEach((c, i) => {
      c.block.draw(canvas, { x, y: box.y, w: ws[i], h: box.h }, scale);
      x += ws[i] + this.gap * scale;
    });
  }
}

function columnsBlock(ctx: SlideContext, node: Element, size: number): Block {
  const cols = elements(node).filter((c) => hasClass(c, 'column'));
  const parts = cols.length > 0 ? cols : elements(node);
  const shares = parts.map((c) => Number(/width:\s*([\d.]+)%/.exec(c.attribs.style ?? '')?.[1] ?? styleValue(c, 'width') ?? NaN));
  const known = shares.filter((s) => !Number.isNaN(s));
  const rest = Math.max(0, 100 - known.reduce((a, b) => a + b, 0)) / Math.max(1, shares.length - known.length);
  return new ColumnsBlock(
    parts.map((c, i) => ({
      share: Number.isNaN(shares[i]) ? rest || 100 / parts.length : shares[i],
      block: new StackBlock(flowBlocks(ctx, c.children, size), size * 0.7),
    })),
    size * 1.6,
  );
}
