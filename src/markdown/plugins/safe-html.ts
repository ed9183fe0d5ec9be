// `--safe`, for decks from people you don't trust: raw HTML is shown as text, and no attribute
// (from `{…}`, attribute comments or fenced divs) can carry an event handler or a script URL.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { SlideEnv } from '../env.js';
import { escapeHtml } from '../html.js';
import { DIV_CLOSE, DIV_OPEN, divName } from './fenced-divs.js';
import { PLAYER_ORIGINS } from './video/video-url.js';

/** Attribute names that run code or make a document of their own. */
const UNSAFE_NAME = /^(on|srcdoc$|formaction$|xlink:href$)/i;

/** The only frames a safe deck may show: the video players (reveal's background iframes too). */
const PLAYERS = Object.values(PLAYER_ORIGINS).map((origin) => `${origin}/`);

/** True for a value that is a URL a browser would run or show as a page: javascript:, vbscript:, data: but media. */
export function isUnsafeUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside the scheme (`java\tscript:`).
  const compact = String(value)
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
    .toLowerCase();
  if (/^(javascript|vbscript|livescript):/.test(compact)) return true;
  return compact.startsWith('data:') && !/^data:(image|video|audio)\//.test(compact);
}

/**
 * Ids the runtime looks up (`#deckmark-config`, `window.deckmarkOverrides`, `Reveal`, reveal's
 * plugins): an element with one would stand in for it (DOM clobbering). An id shadows only
 * globals that are not defined, so these are the ones that matter.
 */
const RESERVED_ID = /^(deckmark|reveal)/i;

/** True when an attribute may stay in a safe deck. */
function isSafeAttribute(name: string, value: string): boolean {
  if (UNSAFE_NAME.test(name) || isUnsafeUrl(value)) return false;
  // `name` on an image (or a form, frame, embed) replaces the document's own methods of that
  // name (`document.getElementById`); a deck without forms or scripts of its own has no use for it.
  if (/^name$/i.test(name)) return false;
  if (/^id$/i.test(name) && RESERVED_ID.test(String(value).trim())) return false;
  return !/^data-background-iframe$/i.test(name) || PLAYERS.some((player) => value.toLowerCase().startsWith(player));
}

/** The safe ones of a token's attributes (markdown-it types their values `string | number`) or of a div's list. */
function filterAttributes<T extends [string, string | number]>(attrs: T[] | null): T[] | null {
  return attrs && attrs.filter(([name, value]) => isSafeAttribute(name, String(value)));
}

function sanitize(token: Token, raw: WeakSet<Token>): void {
  token.attrs = filterAttributes(token.attrs);
  if (raw.delete(token)) {
    // What is left of the author's HTML once attribute comments are read: shown as text.
    if (token.type === 'html_inline') token.type = 'text';
    else token.content = token.content.trim() === '' ? '' : `<p class="dm-raw-html">${escapeHtml(token.content.trim())}</p>\n`;
  }
  // Attributes our own rules apply when rendering: a fenced div's list, a video figure's record.
  const meta = token.meta as { attributes?: unknown } | null;
  if (Array.isArray(meta?.attributes)) token.meta = { ...meta, attributes: filterAttributes(meta.attributes as Array<[string, string]>) };
  else if (meta?.attributes && typeof meta.attributes === 'object') {
    const kept = Object.entries(meta.attributes as Record<string, string>).filter(([name, value]) => isSafeAttribute(name, value));
    token.meta = { ...meta, attributes: Object.fromEntries(kept) };
  }
}

function sanitizeAll(tokens: Token[], raw: WeakSet<Token>): void {
  for (const token of tokens) {
    sanitize(token, raw);
    for (const child of token.children ?? []) sanitize(child, raw);
  }
}

export function safeHtmlPlugin(md: MarkdownIt): void {
  // Raw HTML still parses (so `<!-- .slide: -->` comments work); the tokens the parser made from
  // it are noted here, before our own rules add HTML tokens of their own (math, video, icons).
  const raw = new WeakSet<Token>();
  md.core.ruler.after('inline', 'deckmark_safe_mark', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block') raw.add(token);
      for (const child of token.children ?? []) if (child.type === 'html_inline') raw.add(child);
    }
  });
  // `::: notes` are rendered into env.notes early, by their own rule: clean them before it.
  md.core.ruler.before('deckmark_notes_div', 'deckmark_safe_notes', (state: StateCore) => {
    let depth = 0;
    for (const token of state.tokens) {
      if (token.type === DIV_OPEN && (depth > 0 || divName(token) === 'notes')) depth++;
      else if (token.type === DIV_CLOSE && depth > 0) depth--;
      else if (depth === 0) continue;
      sanitize(token, raw);
      for (const child of token.children ?? []) sanitize(child, raw);
    }
  });
  // Raw HTML is text before its `<img src>` would be taken for an asset to copy.
  md.core.ruler.before('deckmark_html_assets', 'deckmark_safe_raw', (state: StateCore) => sanitizeAll(state.tokens, raw));
  // Last of all: every rule has set its attributes by now.
  md.core.ruler.push('deckmark_safe_html', (state: StateCore) => {
    sanitizeAll(state.tokens, raw);
    const env = state.env as SlideEnv;
    for (const [name, value] of Object.entries(env.slideAttributes)) {
      if (!isSafeAttribute(name, value)) delete env.slideAttributes[name];
    }
  });
}
