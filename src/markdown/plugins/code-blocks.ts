// Code fences, highlighted at build time, with reveal.js's line numbers and highlight steps
// (```js [1-2|4]). The markup is what reveal's highlight plugin makes in the browser, so its
// CSS and fragment stepping apply without shipping highlight.js.
import type { MarkdownIt, Renderer, Token } from 'markdown-it';
import { escapeHtml } from '../html.js';

/** Highlights code: one HTML string per line, or undefined for a language it doesn't know. */
export type Highlighter = (code: string, lang: string) => string[] | undefined;

// reveal.js's CODE_LINE_NUMBER_REGEX: `[offset: steps]`.
const LINE_SPEC = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;

interface FenceInfo {
  lang: string;
  /** Highlight steps, e.g. ['1-2', '4']; undefined when the fence shows no line numbers. */
  steps?: string[];
  firstLine: number;
}

export function readFenceInfo(info: string): FenceInfo {
  const spec = LINE_SPEC.exec(info);
  const lang = info.replace(LINE_SPEC, '').trim().split(/\s+/)[0] ?? '';
  if (!spec) return { lang, firstLine: 1 };
  return {
    lang,
    steps: spec[3]
      .trim()
      .split('|')
      .map((s) => s.trim()),
    firstLine: spec[2] ? Number(spec[2]) : 1,
  };
}

/** The line numbers a step like `1-3,5` highlights. */
function stepLines(step: string): Set<number> {
  const lines = new Set<number>();
  for (const part of step.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const from = Number(m[1]);
    const to = Math.min(m[2] ? Number(m[2]) : from, from + 10_000);
    for (let n = from; n <= to; n++) lines.add(n);
  }
  return lines;
}

/** The table reveal's line-numbers plugin makes; like reveal, steps count rows (`tr:nth-child`), whatever the offset. */
function lineTable(lines: string[], firstLine: number, highlighted: Set<number>): string {
  const rows = lines.map((html, i) => {
    const n = firstLine + i;
    const cls = highlighted.has(i + 1) ? ' class="highlight-line"' : '';
    return (
      `<tr${cls}><td class="hljs-ln-line hljs-ln-numbers" data-line-number="${n}"><div class="hljs-ln-n" data-line-number="${n}"></div></td>` +
      `<td class="hljs-ln-line hljs-ln-code" data-line-number="${n}">${html}</td></tr>`
    );
  });
  return `<table class="hljs-ln"><tbody>${rows.join('')}</tbody></table>`;
}

/** A fence as reveal.js shows code, highlighted when `highlight` knows its language. */
export function renderFence(token: Token, self: Renderer, highlight?: Highlighter): string {
  const { lang, steps, firstLine } = readFenceInfo(token.info);
  const code = token.content.replace(/\n$/, '');
  const lines = (lang && highlight?.(code, lang)) || code.split('\n').map(escapeHtml);
  const langClass = lang ? ` language-${escapeHtml(lang)}` : '';
  token.attrJoin('class', 'code-wrapper');
  const pre = `<pre${self.renderAttrs(token)}>`;
  if (!steps) return `${pre}<code class="hljs${langClass}">${lines.join('\n')}</code></pre>\n`;
  const start = firstLine !== 1 ? ` data-ln-start-from="${firstLine}"` : '';
  const blocks = steps.map((step, i) => {
    const highlighted = stepLines(step);
    // reveal adds has-highlights (which dims the other rows) only when a row is highlighted.
    const any = lines.some((_, row) => highlighted.has(row + 1));
    const cls = `hljs${langClass}${any ? ' has-highlights' : ''}${i > 0 ? ' fragment' : ''}`;
    return `<code class="${cls}" data-line-numbers="${escapeHtml(step)}"${start}>${lineTable(lines, firstLine, highlighted)}</code>`;
  });
  return `${pre}${blocks.join('')}</pre>\n`;
}

export function codeBlocksPlugin(md: MarkdownIt, highlight?: Highlighter): void {
  md.renderer.rules.fence = (tokens, idx, _options, _env, self) => renderFence(tokens[idx], self, highlight);
  md.renderer.rules.code_block = (tokens, idx, _options, _env, self) => renderFence(tokens[idx], self);
}
