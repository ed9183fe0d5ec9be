// The strategy layouts as native PowerPoint shapes laid out like the slide: cards (cards,
// channels with their colour and icon, gap columns, goals with their number, timeline steps) are
// rounded rectangles with editable text, definitions and callouts a panel with an accent rule.
import { parasHeight, type Block, type SlideContext } from './block.js';
import type { Box, Canvas } from './canvas.js';
import { bodyPara, flowBlocks, textParas } from './flow.js';
import { Element, childWithClass, elements, hasClass, styleValue } from './html.js';
import { findAll, outerSvg } from './media.js';
import { inlineRuns, type Para } from './text.js';

/** One card: a rule on top, an icon (channels) or number (goals), a title and body text. */
interface Card {
  title: Para[];
  body: Para[];
  fill: string;
  border: string;
  rule: string;
  /** A channel's icon: its glyph on a tile of the brand colour. */
  icon?: { data: string; tile: string; alt: string };
  /** Goals: the number in a circle above the title. */
  badge?: { text: string; fill: string; fg: string };
}

const RULE = 5;
const RADIUS = 12;

class GridBlock implements Block {
  constructor(
    readonly cards: Card[],
    readonly cols: number,
    readonly gap: number,
    readonly pad: number,
    /** Gap analysis: a chevron between the columns. */
    readonly chevrons: string | undefined,
    /** Timeline: a line through the step dots above the cards. */
    readonly timeline: string | undefined,
  ) {}

  private cardWidth(width: number, scale: number): number {
    return (width - this.gap * scale * (this.cols - 1)) / this.cols;
  }

  private titleHeight(card: Card, w: number, scale: number): number {
    return parasHeight(card.title, w - 2 * this.pad * scale - (card.icon ? this.iconSize(card, scale) * 1.25 : 0), scale);
  }

  private iconSize(card: Card, scale: number): number {
    return card.title[0].size * scale * 1.5;
  }

  private cardHeight(card: Card, w: number, scale: number): number {
    const pad = this.pad * scale;
    const badge = card.badge ? card.title[0].size * scale * 1.7 : 0;
    const body = card.body.length > 0 ? parasHeight(card.body, w - 2 * pad, scale) + pad * 0.5 : 0;
    const title = this.titleHeight(card, w, scale);
    const head = card.icon ? Math.max(title, this.iconSize(card, scale)) : title;
    return pad * 2 + RULE * scale + badge + head + body;
  }

  private rows(width: number, scale: number): number[] {
    const w = this.cardWidth(width, scale);
    const heights: number[] = [];
    for (let i = 0; i < this.cards.length; i += this.cols)
      heights.push(Math.max(...this.cards.slice(i, i + this.cols).map((c) => this.cardHeight(c, w, scale))));
    return heights;
  }

  height(width: number, scale: number): number {
    const rows = this.rows(width, scale);
    const top = this.timeline ? 28 * scale : 0;
    return top + rows.reduce((a, b) => a + b, 0) + this.gap * scale * (rows.length - 1);
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    const w = this.cardWidth(box.w, scale);
    const rows = this.rows(box.w, scale);
    const pad = this.pad * scale;
    let top = box.y;
    if (this.timeline) {
      canvas.shape({ x: box.x, y: box.y + 9 * scale, w: box.w, h: 3 * scale }, { fill: this.timeline });
      top += 28 * scale;
    }
    this.cards.forEach((card, i) => {
      const row = Math.floor(i / this.cols);
      const x = box.x + (i % this.cols) * (w + this.gap * scale);
      const y = top + rows.slice(0, row).reduce((a, b) => a + b + this.gap * scale, 0);
      const h = rows[row];
      if (this.timeline)
        canvas.shape({ x: x + pad, y: box.y + 2 * scale, w: 17 * scale, h: 17 * scale }, { fill: this.timeline, radius: 9 * scale });
      canvas.shape({ x, y, w, h }, { fill: card.fill, line: card.border, radius: RADIUS * scale });
      canvas.shape({ x, y, w, h: RULE * scale }, { fill: card.rule });
      let inner = y + RULE * scale + pad * 0.8;
      const titleH = this.titleHeight(card, w, scale);
      if (card.badge) {
        const d = card.title[0].size * scale * 1.4;
        const badge: Para = {
          ...card.title[0],
          runs: [{ text: card.badge.text }],
          color: card.badge.fg,
          align: 'center',
          size: card.title[0].size * 0.72,
        };
        canvas.textShape([badge], { x: x + pad, y: inner, w: d, h: d }, scale, { fill: card.badge.fill, radius: d / 2 }, 0, 'middle');
        inner += d + pad * 0.3;
      }
      if (card.icon) {
        const s = this.iconSize(card, scale);
        canvas.shape({ x: x + pad, y: inner, w: s, h: s }, { fill: card.icon.tile, radius: s * 0.2 });
        canvas.image(card.icon.data, { x: x + pad + s * 0.18, y: inner + s * 0.18, w: s * 0.64, h: s * 0.64 }, card.icon.alt);
        const titleX = x + pad + s * 1.25;
        const head = Math.max(s, titleH);
        canvas.text(card.title, { x: titleX, y: inner + (head - titleH) / 2, w: x + w - pad - titleX, h: titleH }, scale);
        inner += head + pad * 0.5;
      } else {
        canvas.text(card.title, { x: x + pad, y: inner, w: w - 2 * pad, h: titleH }, scale);
        inner += titleH + pad * 0.5;
      }
      canvas.text(card.body, { x: x + pad, y: inner, w: w - 2 * pad, h: y + h - inner - pad }, scale);
      if (this.chevrons && i % this.cols < this.cols - 1) {
        const c: Para = { ...card.title[0], runs: [{ text: '›' }], color: this.chevrons, align: 'center', size: card.title[0].size * 1.6 };
        canvas.text([c], { x: x + w, y: y + h / 2 - 30 * scale, w: this.gap * scale, h: 60 * scale }, scale, { valign: 'middle' });
      }
    });
  }
}

/** Body paragraphs of a card: everything after its title. */
function cardBody(ctx: SlideContext, nodes: Element[], size: number): Para[] {
  return nodes.flatMap((n) => textParas(ctx, n, size) ?? []).filter((p) => p.runs.length > 0);
}

function titlePara(ctx: SlideContext, node: Element | undefined, size: number, color: string): Para[] {
  if (!node) return [];
  return [bodyPara(ctx, size, { runs: inlineRuns(node.children, ctx), font: ctx.theme.fonts.heading, bold: true, color, spaceBefore: 0 })];
}

function gridCols(node: Element, count: number): number {
  const inner = childWithClass(node, 'dm-grid') ?? elements(node).find((e) => e.name === 'ol') ?? node;
  return Number(styleValue(inner, '--dm-cols')) || Math.min(4, Math.max(1, count));
}

function cardsOf(ctx: SlideContext, node: Element, size: number): Card[] {
  const p = ctx.palette;
  const text = size * ctx.theme.layoutText;
  const titleSize = text * 1.1;
  const kind = ['dm-channels', 'dm-cards', 'dm-gap', 'dm-goals', 'dm-timeline'].find((k) => hasClass(node, k));
  const items = findAll(
    node,
    (e) => hasClass(e, 'dm-card') || hasClass(e, 'dm-gap-col') || hasClass(e, 'dm-goal') || hasClass(e, 'dm-step'),
  );
  return items.map((item, i) => {
    const kids = elements(item);
    const titleNode = kids.find(
      (e) => hasClass(e, 'dm-card-title') || hasClass(e, 'dm-gap-title') || hasClass(e, 'dm-goal-title') || hasClass(e, 'dm-step-title'),
    );
    const card: Card = {
      title: titlePara(ctx, titleNode, titleSize, p.heading),
      body: cardBody(
        ctx,
        kids.filter((e) => e !== titleNode),
        text,
      ).map((para) => ({ ...para, spaceBefore: text * 0.2 })),
      fill: p.surface,
      border: p.border,
      rule: p.accent,
    };
    if (kind === 'dm-gap') card.rule = hasClass(item, 'dm-gap-today') ? p.muted : hasClass(item, 'dm-gap-actions') ? p.accent2 : p.accent;
    if (kind === 'dm-goals') card.badge = { text: String(i + 1), fill: p.accent, fg: p.accentFg };
    const brand = styleValue(item, '--dm-channel')?.replace('#', '').toUpperCase();
    if (kind === 'dm-channels') {
      if (brand) card.rule = brand;
      const svg = titleNode ? findAll(titleNode, (e) => e.name === 'svg')[0] : undefined;
      const glyph = brand ? (styleValue(item, '--dm-channel-fg') ?? '#ffffff') : `#${p.accentFg}`;
      const name = card.title.flatMap((t) => t.runs.map((r) => r.text)).join('');
      if (svg) card.icon = { data: ctx.svgPicture(outerSvg(svg), glyph).data, tile: brand ?? p.accent, alt: `${name} icon` };
    }
    return card;
  });
}

/** A panel with an accent rule on its left: definitions and callouts; quotes without the panel. */
export class PanelWithRule implements Block {
  constructor(
    readonly paras: Para[],
    readonly fill: string | undefined,
    readonly rule: string,
    readonly pad: number,
  ) {}

  height(width: number, scale: number): number {
    return parasHeight(this.paras, width - 2.2 * this.pad * scale, scale) + 2 * this.pad * scale;
  }

  draw(canvas: Canvas, box: Box, scale: number): void {
    if (this.fill) canvas.shape(box, { fill: this.fill, radius: RADIUS * scale });
    canvas.shape({ ...box, w: RULE * scale }, { fill: this.rule });
    const pad = this.pad * scale;
    canvas.text(this.paras, { x: box.x + pad * 1.2, y: box.y + pad, w: box.w - 2.2 * pad, h: box.h - 2 * pad }, scale);
  }
}

function definitionBlock(ctx: SlideContext, node: Element, size: number): Block {
  const p = ctx.palette;
  const small = size * ctx.theme.small;
  const paras: Para[] = [];
  for (const kid of elements(node)) {
    if (hasClass(kid, 'dm-term'))
      paras.push(
        bodyPara(ctx, small, {
          runs: inlineRuns(kid.children, ctx).map((r) => ({ ...r, text: r.text.toUpperCase() })),
          bold: true,
          color: p.accent,
          spaceBefore: 0,
        }),
      );
    else {
      const quote = findAll(kid, (e) => e.name === 'blockquote')[0];
      const source = findAll(kid, (e) => hasClass(e, 'dm-source'))[0];
      const quoteParas = quote ? cardBody(ctx, elements(quote), size * 1.05) : (textParas(ctx, kid, size) ?? []);
      quoteParas.forEach((q, i) => {
        if (i === 0) q.runs.unshift({ text: '“' });
        if (i === quoteParas.length - 1) q.runs.push({ text: '”' });
        paras.push({ ...q, font: ctx.theme.fonts.quote, spaceBefore: size * 0.3 });
      });
      if (source)
        paras.push(
          bodyPara(ctx, small, {
            runs: [{ text: '— ' }, ...inlineRuns(source.children, ctx)],
            color: p.muted,
            bold: true,
            spaceBefore: size * 0.5,
          }),
        );
    }
  }
  return new PanelWithRule(paras, p.surface, p.accent, size * 0.9);
}

function calloutBlock(ctx: SlideContext, node: Element, size: number): Block {
  const p = ctx.palette;
  const text = size * 0.85;
  const rule = hasClass(node, 'dm-callout-tip')
    ? p.tip
    : hasClass(node, 'dm-callout-warning')
      ? p.warning
      : hasClass(node, 'dm-callout-important') || hasClass(node, 'dm-callout-caution')
        ? p.important
        : p.accent;
  const paras = elements(node).flatMap((kid) =>
    hasClass(kid, 'dm-callout-title')
      ? [bodyPara(ctx, text, { runs: inlineRuns(kid.children, ctx), bold: true, color: rule, spaceBefore: 0 })]
      : (textParas(ctx, kid, text) ?? flowBlocks(ctx, [kid], text).flatMap((b) => ('paras' in b ? (b.paras as Para[]) : []))),
  );
  return new PanelWithRule(paras, p.surface, rule, text * 0.75);
}

/** The strategy layout `node` is, as a block; undefined for any other element. */
export function layoutBlock(ctx: SlideContext, node: Element, size: number): Block | undefined {
  if (hasClass(node, 'dm-definition')) return definitionBlock(ctx, node, size);
  if (hasClass(node, 'dm-callout')) return calloutBlock(ctx, node, size);
  const grid = ['dm-channels', 'dm-cards', 'dm-gap', 'dm-goals', 'dm-timeline'].find((k) => hasClass(node, k));
  if (!grid) return undefined;
  const cards = cardsOf(ctx, node, size);
  const gap = size * 0.75 * (grid === 'dm-gap' ? 1.8 : 1);
  return new GridBlock(
    cards,
    gridCols(node, cards.length),
    gap,
    size * 0.6,
    grid === 'dm-gap' ? ctx.palette.muted : undefined,
    grid === 'dm-timeline' ? ctx.palette.accent : undefined,
  );
}
