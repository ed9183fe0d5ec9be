// Math: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` display (in a paragraph or as a block of
// its own) and bare `\begin{align}…\end{align}` blocks, rendered at build time by the renderer
// the caller passes (KaTeX, loaded only for decks with math). Math never spans a blank line.
// Dollars follow pandoc's rules, so prices stay text: the opening `$` has a non-space right
// after it, the closing one a non-space before it and no digit after it (`$5 and $10`).
// The TeX is read one of two ways (see mathReading): as written (pandoc), or Markdown first as
// reveal.js's math plugin sees it (`\\{` is `\{`, `\\\\` a row break).
// Without a renderer the TeX is kept as text in `\(…\)` / `\[…\]`.
import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from 'markdown-it';
import { fileLine, warn, type SlideEnv } from '../env.js';
import { escapeHtml } from '../html.js';

/** Renders TeX to HTML; throws on TeX it cannot render. */
export type MathRenderer = (tex: string, display: boolean) => string;

/**
 * The most TeX one `$…$` may hold, and the most HTML the math of one deck may become (KaTeX
 * turns one letter into ~500 bytes): beyond them math is shown as written, with a warning, so a
 * page of `$a` cannot become hundreds of megabytes.
 */
const MATH_LIMITS = { texChars: 10_000, htmlBytes: 10 * 1024 * 1024 };

/** True when a text may hold math: the build loads KaTeX only then. False positives are harmless. */
export function mayContainMath(text: string): boolean {
  return /\$\$[\s\S]+?\$\$|\$[^\s$](?:[^$]*?[^\s\\$])?\$(?!\d)|\\[([]|\\begin\{/.test(text);
}

/**
 * How a deck's TeX is read. `tex` (pandoc): as written. `markdown` (reveal.js's math plugin,
 * which sees the TeX after Markdown): a backslash before ASCII punctuation is dropped first, so
 * `\\{x\\}` is `\{x\}` and `\\\\` is `\\`; `\\(…\\)` and `\\[…\\]` are delimiters too.
 */
export type MathReading = 'tex' | 'markdown';

/** A math delimiter: a dollar, `\(`, `\[` or an environment. */
const MATH_DELIMITER = /\$|\\[([]|\\begin\{/;

/** `\\{`, `\\}` or `\\\\`: an escaped backslash before a brace or a backslash, only ever written for Markdown. */
const MARKDOWN_ESCAPED_TEX = /\\\\[{}\\]/;

/**
 * The deck's reading: front matter `math: tex` or `math: markdown` when given; otherwise
 * `markdown` when a paragraph with math in it holds `\\{`, `\\}` or `\\\\` (in raw TeX a row
 * break followed by a brace or by another row break, which nobody writes), else `tex`.
 */
export function mathReading(setting: unknown, body: string): MathReading {
  if (setting === 'tex' || setting === 'markdown') return setting;
  const markdown = body.split(/\n[ \t]*\n/).some((para) => MARKDOWN_ESCAPED_TEX.test(para) && MATH_DELIMITER.test(para));
  return markdown ? 'markdown' : 'tex';
}

/** What Markdown leaves of TeX: a backslash before ASCII punctuation is dropped (CommonMark's escapes). */
function unescapeMarkdown(tex: string): string {
  return tex.replace(/\\([!-/:-@[-`{-~])/g, '$1');
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
  } else if (first.includes('$$')) {
    return false; // `$$ a $$ and more`: math inside a paragraph
  } else {
    const lines = [first];
    let closed = false;
    for (last = startLine + 1; last < endLine; last++) {
      pos = state.bMarks[last] + state.tShift[last];
      max = state.eMarks[last];
      if (pos >= max) return false; // math never spans a blank line
      if (state.sCount[last] < state.blkIndent) break;
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

/** The closing delimiter of each opening one that starts with a backslash, and whether it is display math. */
const BACKSLASH_DELIMITERS: Array<{ open: string; close: string; display: boolean; reading?: MathReading }> = [
  { open: '\\(', close: '\\)', display: false },
  { open: '\\[', close: '\\]', display: true },
  // reveal.js decks write these so that Markdown leaves `\(` and `\[` for the math plugin.
  { open: '\\\\(', close: '\\\\)', display: false, reading: 'markdown' },
  { open: '\\\\[', close: '\\\\]', display: true, reading: 'markdown' },
];

/** `\(…\)` inline and `\[…\]` display math inside a paragraph (before Markdown's escapes take the backslash). */
function mathBackslash(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== BACKSLASH) return false;
  const reading = (state.env as SlideEnv).mathReading ?? 'tex';
  for (const { open, close, display, reading: only } of BACKSLASH_DELIMITERS) {
    if ((only && only !== reading) || !src.startsWith(open, pos)) continue;
    const start = pos + open.length;
    // A closer missing after one opener is missing after every later one: searched once, so a
    // paragraph of a million `\(` stays linear.
    const missing = ((state as StateInline & { dmNoCloser?: Map<string, number> }).dmNoCloser ??= new Map());
    if (start >= (missing.get(close) ?? Infinity)) return false;
    const end = src.indexOf(close, start);
    if (end < 0) missing.set(close, start);
    if (end < 0 || end + close.length > posMax || src.slice(start, end).trim() === '') return false;
    if (!silent) {
      const token = state.push('math_inline', 'math', 0);
      token.content = src.slice(start, end).trim();
      token.markup = display ? '\\[' : '\\(';
    }
    state.pos = end + close.length;
    return true;
  }
  return false;
}

/** LaTeX's display environments, which KaTeX renders written bare (without dollars) as a block. */
const DISPLAY_ENVIRONMENT = /^\\begin\{(equation|align|alignat|gather|multline|flalign|eqnarray|CD)(\*?)\}/;

/** The most lines a bare environment may span. */
const MAX_ENVIRONMENT_LINES = 500;

/** A bare `\begin{align}` … `\end{align}` block (or equation, gather, …), on its lines up to the end. */
function environmentBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const pos = state.bMarks[startLine] + state.tShift[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const begin = DISPLAY_ENVIRONMENT.exec(state.src.slice(pos, state.eMarks[startLine]));
  if (!begin) return false;
  const end = `\\end{${begin[1]}${begin[2]}}`;
  // Lines known to hold neither this end nor a blank line (from an earlier search in this
  // paragraph) are not read again: a paragraph of `\begin{align}` lines stays linear.
  const searched = ((state as StateBlock & { dmNoEnd?: Map<string, [number, number]> }).dmNoEnd ??= new Map());
  const known = searched.get(end);
  let last = known && startLine >= known[0] && startLine <= known[1] ? known[1] + 1 : startLine;
  for (; ; last++) {
    const blank = last > startLine && state.bMarks[last] + state.tShift[last] >= state.eMarks[last];
    // Never across a blank line, nor further than a formula KaTeX would be given.
    if (last >= endLine || blank || last - startLine > MAX_ENVIRONMENT_LINES) {
      searched.set(end, [startLine, last - 1]);
      return false;
    }
    if (state.src.slice(state.bMarks[last], state.eMarks[last]).includes(end)) break;
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = state.src.slice(pos, state.eMarks[last]).trim();
  token.markup = 'env';
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
  written: string,
  display: boolean,
  line: number,
): string {
  const tex = env.mathReading === 'markdown' ? unescapeMarkdown(written) : written;
  if (!render) return texAsText(tex, display);
  if (tex.length > MATH_LIMITS.texChars) {
    warn(env, 'math-limit', `math of ${tex.length} characters (over ${MATH_LIMITS.texChars}) is shown as written`, line);
    return texAsWritten(written, display);
  }
  if (budget.htmlBytes > MATH_LIMITS.htmlBytes) {
    if (!budget.warned) {
      const mb = MATH_LIMITS.htmlBytes / 1024 / 1024;
      warn(env, 'math-limit', `the deck's math makes over ${mb} MB of HTML: from here on it is shown as written`, line);
      budget.warned = true;
    }
    return texAsWritten(written, display);
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
      const display = t.markup === '$$' || t.markup === '\\[';
      const html = renderTex(env, render, budget, t.content, display, line);
      t.type = 'html_inline';
      t.content = display ? `<span class="dm-math-display">${html}</span>` : html;
    }
  }
}

export function mathPlugin(md: MarkdownIt, render?: MathRenderer): void {
  md.inline.ruler.after('escape', 'deckmark_math_inline', mathInline);
  md.inline.ruler.before('escape', 'deckmark_math_backslash', mathBackslash);
  md.block.ruler.before('fence', 'deckmark_math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('fence', 'deckmark_math_environment', environmentBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  const budget: MathBudget = { htmlBytes: 0, warned: false }; // one markdown-it per deck: the deck's budget
  md.core.ruler.push('deckmark_math', (state) => renderMath(state, render, budget));
}
