// Text as PowerPoint holds it: paragraphs of runs. Inline HTML (strong, em, code, links, footnote
// references, math: math-text.ts) becomes runs; a paragraph carries its size, bullet or number and level.
import type { TextProps, TextPropsOptions } from './pptxgen.js';
import { Element, Text, hasClass, type ChildNode } from './html.js';
import { mathRuns } from './math-text.js';
import type { Palette, PptxTheme } from './theme.js';

/** Where a link goes: a web address, or a slide of this presentation (1-based). */
export type LinkTarget = { url: string } | { slide: number };

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  superscript?: boolean;
  subscript?: boolean;
  font?: string;
  color?: string;
  highlight?: string;
  link?: LinkTarget;
}

export interface Para {
  runs: Run[];
  /** Font size in CSS pixels, before any fitting scale. */
  size: number;
  font: string;
  color: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right';
  /** A bulleted item, or a numbered one with its number. */
  list?: { type: 'bullet' } | { type: 'number'; start: number };
  level: number;
  /** Space above the paragraph, CSS pixels. */
  spaceBefore: number;
  mono?: boolean;
}

/** What inline conversion needs: colours, fonts, and how a link's href maps to a target. */
export interface InlineContext {
  theme: PptxTheme;
  palette: Palette;
  link: (href: string) => LinkTarget | undefined;
}

export type RunStyle = Omit<Run, 'text'>;

/** The runs of inline HTML; block children (nested lists) are left to the caller. */
export function inlineRuns(
  nodes: ChildNode[],
  ctx: InlineContext,
  style: RunStyle = {},
  skip: (n: Element) => boolean = () => false,
): Run[] {
  const runs: Run[] = [];
  const walk = (node: ChildNode, s: RunStyle): void => {
    if (node instanceof Text) {
      const text = node.data.replace(/\s+/g, ' ');
      if (text) runs.push({ ...s, text });
      return;
    }
    if (!(node instanceof Element) || skip(node)) return;
    const name = node.name;
    if (name === 'svg' || name === 'script' || name === 'style' || name === 'img' || name === 'aside') return;
    if (name === 'br') return void runs.push({ ...s, text: ' ' });
    if (hasClass(node, 'katex') || hasClass(node, 'katex-display')) return void runs.push(...mathRuns(node, s));
    if (hasClass(node, 'footnote-backref') || hasClass(node, 'dm-sources-host')) return;
    const next: RunStyle = { ...s };
    if (name === 'strong' || name === 'b') next.bold = true;
    else if (name === 'em' || name === 'i' || name === 'cite') next.italic = true;
    else if (name === 'u' || name === 'ins') next.underline = true;
    else if (name === 's' || name === 'del') next.strike = true;
    else if (name === 'sup') next.superscript = true;
    else if (name === 'mark') next.highlight = ctx.palette.accentSoft;
    else if (name === 'code' || name === 'kbd' || name === 'samp') next.font = ctx.theme.fonts.mono;
    else if (name === 'a') {
      const target = ctx.link(node.attribs.href ?? '');
      if (target) {
        next.link = target;
        next.color = ctx.palette.link;
      }
    }
    for (const c of node.children) walk(c, next);
  };
  for (const n of nodes) walk(n, style);
  return trimRuns(runs);
}

/** Drops the white space at both ends of a paragraph and merges neighbours of one style. */
function trimRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    const same = last && JSON.stringify({ ...last, text: '' }) === JSON.stringify({ ...run, text: '' });
    if (same) last.text += run.text;
    else out.push({ ...run });
  }
  if (out.length > 0) out[0].text = out[0].text.replace(/^\s+/, '');
  if (out.length > 0) out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, '');
  return out.filter((r) => r.text !== '').map((r) => ({ ...r, text: r.text.replace(/ {2,}/g, ' ') }));
}

export function paraText(para: Para): string {
  return para.runs.map((r) => r.text).join('');
}

/** CSS pixels to points (96 px = 72 pt). */
export function pt(px: number): number {
  return Math.round(px * 0.75 * 10) / 10;
}

const BULLET_CHARS = ['2022', '2013', '25E6'];

/** The paragraphs as pptxgenjs text runs: paragraph options on each paragraph's first run only. */
export function toTextProps(paras: Para[], scale: number, lang: string): TextProps[] {
  const out: TextProps[] = [];
  paras.forEach((para, p) => {
    const runs = para.runs.length > 0 ? para.runs : [{ text: '' }];
    runs.forEach((run, i) => {
      const options: TextPropsOptions = {
        fontSize: pt(para.size * scale),
        fontFace: run.font ?? para.font,
        color: run.color ?? para.color,
        bold: run.bold ?? para.bold,
        italic: run.italic ?? para.italic,
        lang,
      };
      if (run.underline || run.link) options.underline = { style: 'sng' };
      if (run.strike) options.strike = 'sngStrike';
      if (run.superscript) options.superscript = true;
      if (run.subscript) options.subscript = true;
      if (run.highlight) options.highlight = run.highlight;
      if (run.link) options.hyperlink = 'url' in run.link ? { url: run.link.url } : { slide: run.link.slide };
      if (i === 0) {
        if (para.align) options.align = para.align;
        if (para.spaceBefore > 0 && p > 0) options.paraSpaceBefore = pt(para.spaceBefore * scale);
        const indent = pt(para.size * scale * 1.1);
        if (para.list?.type === 'bullet') options.bullet = { characterCode: BULLET_CHARS[para.level % BULLET_CHARS.length], indent };
        else if (para.list?.type === 'number') options.bullet = { type: 'number', numberStartAt: para.list.start, indent };
        if (para.level > 0) options.indentLevel = para.level;
      }
      if (i === runs.length - 1 && p < paras.length - 1) options.breakLine = true;
      out.push({ text: run.text, options });
    });
  });
  return out;
}
