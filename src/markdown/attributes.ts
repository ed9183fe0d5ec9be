// Reading attribute lists (`key="value" data-x class="a b"`) and setting them on tokens.
import type { Token } from 'markdown-it';

// reveal.js's own pattern, extended with single quotes and bare attributes at the end.
const ATTRIBUTE = /([^"'=\s]+?)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))|([^"'=\s]+)(?=\s|$)/g;
const NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

/** Parses an attribute list; names that are not valid HTML attribute names are dropped. */
export function parseAttributeList(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? m[5];
    if (!NAME.test(name)) continue;
    out.push([name, m[2] ?? m[3] ?? m[4] ?? '']);
  }
  return out;
}

/** An attribute's value as text: markdown-it types them `string | number` (an ordered list's `start` is a number). */
export function attrText(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** A token's attributes, their values as text (see attrText). */
export function tokenAttributes(token: Token | undefined): Array<[string, string]> {
  return (token?.attrs ?? []).map(([name, value]) => [name, String(value)]);
}

/** Sets attributes on a token, adding classes to the ones it has. */
export function applyAttributes(token: Token, attributes: Array<[string, string]>): void {
  for (const [name, value] of attributes) {
    if (name === 'class') token.attrJoin('class', value);
    else token.attrSet(name, value);
  }
}

/** Merges attributes into a plain record, adding classes. */
export function mergeAttributes(target: Record<string, string>, attributes: Array<[string, string]>): void {
  for (const [name, value] of attributes) {
    target[name] = name === 'class' && target.class ? `${target.class} ${value}` : value;
  }
}
