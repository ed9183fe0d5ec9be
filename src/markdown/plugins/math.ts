// Math: `$…$` inline and `$$…$$` display (in a paragraph or as a block of its own), rendered
// at build time by the renderer the caller passes (KaTeX, loaded only for decks with math).
// Dollars follow pandoc's rules, so prices stay text: the opening `$` has a non-space right
// after it, the closing one a non-space before it and no digit after it (`$5 and $10`).
// Without a renderer the TeX is kept as text in `\(…\)` / `\[…\]`.
import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { fileLine, warn, type SlideEnv } from '../env.js';
import { escapeHtml } from '../html.js';

/** Renders TeX to HTML; throws on TeX it cannot render. */
export type MathRenderer = (tex: string, display: boolean) => string;

/**
 * The most TeX one `$…$` may hold, and the most HTML the math of one deck may become (KaTeX
 * turns one letter into ~500 bytes): beyond them math is shown as written, with a warning, so a
 * page of `$a` cannot become hundreds of megabytes.
 */
export const MATH_LIMITS = { texChars: 10_000, htmlBytes: 10 * 1024 * 1024 };

/** True when a text may hold math: the build loads KaTeX only then. False positives are harmless. */
export function mayContainMath(text: string): boolean {
  return /\$\$[\s\S]+?\$\$|\$[^\s$](?:[^$]*?[^\s\\$])?\$(?!\d)/.test(text);
}

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** `$…$` or `$$…$$` inside a paragraph. */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const start = pos + (display ? 2 : 1);
  let end = -1;
  if (display) {
    end = src.indexOf('$$', start);
    if (end < 0 || end >= posMax || src.slice(start, end).trim() === '') return false;
  } else {
    if (start >= posMax || isSpace(src.charCodeAt(start))) return false;
    for (let i = start; i < posMax; i++) {
      const code = src.charCodeAt(i);
      if (code === BACKSLASH) {
        i++;
        continue;
      }
      if (code !== DOLLAR) continue;
      if (!isSpace(src.charCodeAt(i - 1)) && !isDigit(src.charCodeAt(i + 1))) {
        end = i;
        break;
      }
    }
    if (end < 0) return false;
  }
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = src.slice(start, end).trim();
    token.markup = display ? '$$' : '$';
  }
  state.pos = end + (display ? 2 : 1);
  return true;
}

/** A `$$` block: `$$ tex $$` on one line, or `$$` … `$$` over several. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4 || !state.src.startsWith('$$', pos)) return false;
  const first = state.src.slice(pos + 2, max);
  let content: string;
  let last = startLine;
  if (first.trim().endsWith('$$') && first.trim().length > 2) {
    content = first.trim().slice(0, -2);
  } else {
    const lines = [first];
    let closed = false;
    for (last = startLine + 1; last < endLine; last++) {
      pos = state.bMarks[last] + state.tShift[last];
      max = state.eMarks[last];
      if (pos < max && state.sCount[last] < state.blkIndent) break;
      const line = state.src.slice(pos, max);
      if (line.trimEnd().endsWith('$$')) {
        lines.push(line.trimEnd().slice(0, -2));
        closed = true;
        break;
      }
      lines.push(line);
    }
    if (!closed) return false;
    content = lines.join('\n');
  }
  if (content.trim() === '') return false;
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content.trim();
  token.markup = '$$';
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/** The math HTML a deck has made so far, and whether it was told it reached the limit. */
interface MathBudget {
  htmlBytes: number;
  warned: boolean;
}

/** TeX kept for a browser-side renderer (no KaTeX here): `\(…\)`, `\[…\]`. */
function texAsText(tex: string, display: boolean): string {
  return `<span class="dm-math">${escapeHtml(display ? `\\[${tex}\\]` : `\\(${tex}\\)`)}</span>`;
}

/** Math past a limit: its text as written, escaped: about as big as the source. */
function texAsWritten(tex: string, display: boolean): string {
  return escapeHtml(display ? `$$${tex}$$` : `$${tex}$`);
}

function renderTex(
  env: SlideEnv,
  render: MathRenderer | undefined,
  budget: MathBudget,
  tex: string,
  display: boolean,
  line: number,
): string {
  if (!render) return texAsText(tex, display);
  if (tex.length > MATH_LIMITS.texChars) {
    warn(env, 'math-limit', `math of ${tex.length} characters (over ${MATH_LIMITS.texChars}) is shown as written`, line);
    return texAsWritten(tex, display);
  }
  if (budget.htmlBytes > MATH_LIMITS.htmlBytes) {
    if (!budget.warned) {
      const mb = MATH_LIMITS.htmlBytes / 1024 / 1024;
      warn(env, 'math-limit', `the deck's math makes over ${mb} MB of HTML: from here on it is shown as written`, line);
      budget.warned = true;
    }
    return texAsWritten(tex, display);
  }
  try {
    const html = render(tex, display);
    budget.htmlBytes += html.length;
    return html;
  } catch (e) {
    const reason = (e as Error).message.replace(/^KaTeX parse error:\s*/, '');
    warn(env, 'math', `cannot render the math \`${tex}\`: ${reason}`, line);
    return `<code class="dm-math-error">${escapeHtml(tex)}</code>`;
  }
}

/** Renders every math token at parse time, so a problem has its line; they become HTML tokens. */
function renderMath(state: StateCore, render: MathRenderer | undefined, budget: MathBudget): void {
  const env = state.env as SlideEnv;
  let map: [number, number] | null = null;
  for (const block of state.tokens) {
    map = block.map ?? map;
    if (block.type === 'math_block') {
      block.type = 'html_block';
      block.content = `<div class="dm-math-display">${renderTex(env, render, budget, block.content, true, fileLine(env, block.map))}</div>\n`;
      continue;
    }
    if (block.type !== 'inline' || !block.children) continue;
    let line = fileLine(env, map);
    for (const t of block.children as Token[]) {
      if (t.type === 'softbreak' || t.type === 'hardbreak') line++;
      if (t.type !== 'math_inline') continue;
      const display = t.markup === '$$';
      const html = renderTex(env, render, budget, t.content, display, line);
      t.type = 'html_inline';
      t.content = display ? `<span class="dm-math-display">${html}</span>` : html;
    }
  }
}

export function mathPlugin(md: MarkdownIt, render?: MathRenderer): void {
  md.inline.ruler.after('escape', 'deckmark_math_inline', mathInline);
  md.block.ruler.before('fence', 'deckmark_math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  const budget: MathBudget = { htmlBytes: 0, warned: false }; // one markdown-it per deck: the deck's budget
  md.core.ruler.push('deckmark_math', (state) => renderMath(state, render, budget));
}
