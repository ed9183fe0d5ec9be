// Quarto/pandoc fenced divs: `::: name {attrs}` … `:::`, nested by using more colons outside.
// `columns`/`column {width=40%}` lay out side by side; any other name becomes a class.
import type { MarkdownIt, Renderer, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { applyAttributes, attrText, parseAttributeList } from '../attributes.js';

/** `name`, `name {…}`, `{.name …}` or `{…}` after the colons. */
const PARAMS = /^\s*([\w-]+)?\s*(?:\{([^}]*)\})?\s*$/;

/** A type, not an interface: it is kept as the token's `meta`, a `Record<string, unknown>`. */
export type FencedDiv = {
  name: string;
  attributes: Array<[string, string]>;
};

/** Reads the params of a fenced div; undefined when they are not of a fenced div's form. */
export function readFencedDiv(params: string): FencedDiv | undefined {
  const m = PARAMS.exec(params);
  if (!m || (!m[1] && m[2] === undefined)) return undefined;
  const attributes: Array<[string, string]> = [];
  let name = m[1] ?? '';
  for (const part of (m[2] ?? '').trim().split(/\s+(?=[.#])/)) {
    if (part.startsWith('.')) {
      const classes = part.slice(1).split(/\s+/)[0];
      if (!name) name = classes;
      else attributes.push(['class', classes]);
      const after = part.slice(1 + classes.length);
      attributes.push(...parseAttributeList(after));
    } else if (part.startsWith('#')) {
      const id = part.slice(1).split(/\s+/)[0];
      attributes.push(['id', id], ...parseAttributeList(part.slice(1 + id.length)));
    } else if (part) attributes.push(...parseAttributeList(part));
  }
  return name ? { name, attributes } : undefined;
}

/** Token type of a fenced div's opening and closing tokens. */
export const DIV_OPEN = 'container_div_open';
export const DIV_CLOSE = 'container_div_close';

/** The fenced div a div token opens, as the rule below read it; undefined when it is not one. */
export function fencedDiv(token: Token): FencedDiv | undefined {
  return (token.meta as FencedDiv | null) ?? undefined;
}

export function divName(token: Token): string {
  return fencedDiv(token)?.name ?? '';
}

function renderOpen(tokens: Token[], idx: number, self: Renderer): string {
  const token = tokens[idx];
  const div = fencedDiv(token);
  if (div) {
    token.attrJoin('class', div.name);
    applyAttributes(token, div.attributes);
  }
  // A column's width (which markdown-it-attrs may already have moved onto the token) is a style.
  const width = attrText(token, 'width');
  if (width !== null) {
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'width');
    if (/^\d+(\.\d+)?(%|px|em|rem)?$/.test(width)) token.attrJoin('style', `width:${/\d$/.test(width) ? `${width}%` : width}`);
  }
  return `<div${self.renderAttrs(token)}>\n`;
}

export function fencedDivsPlugin(md: MarkdownIt): void {
  md.use(container, 'div', {
    marker: ':',
    validate: (params: string) => readFencedDiv(params) !== undefined,
    render: (tokens, idx, _options, _env, self) => (tokens[idx].nesting === 1 ? renderOpen(tokens, idx, self) : '</div>\n'),
  });
  // Name each div on its token, so later rules can find `notes`, `incremental` and the layouts.
  md.core.ruler.push('deckmark_fenced_div_names', (state) => {
    for (const token of state.tokens) {
      if (token.type === DIV_OPEN) token.meta = readFencedDiv(token.info) ?? null;
    }
  });
}
