// A slide's HTML as a tree (htmlparser2's DOM), and the few questions the PowerPoint writer asks of it.
import { parseDocument } from 'htmlparser2';
import { Element, Text, type ChildNode } from 'domhandler';

export { Element, Text, type ChildNode };

export function parseHtml(html: string): ChildNode[] {
  return parseDocument(html, { decodeEntities: true }).children;
}

export function isElement(node: ChildNode, ...names: string[]): node is Element {
  return node instanceof Element && (names.length === 0 || names.includes(node.name));
}

export function hasClass(node: ChildNode, name: string): boolean {
  return node instanceof Element && (node.attribs.class ?? '').split(/\s+/).includes(name);
}

/** The element children of a node. */
export function elements(node: Element): Element[] {
  return node.children.filter((c): c is Element => c instanceof Element);
}

export function childWithClass(node: Element, name: string): Element | undefined {
  return elements(node).find((c) => hasClass(c, name));
}

/** The text of a node as the page shows it, whitespace collapsed. */
function textOf(node: ChildNode): string {
  if (node instanceof Text) return node.data;
  if (!(node instanceof Element) || node.name === 'svg' || node.name === 'style' || node.name === 'script') return '';
  if (node.name === 'br') return '\n';
  if (hasClass(node, 'katex')) return texOf(node);
  return node.children.map(textOf).join('');
}

export function collapsedText(node: ChildNode): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}

/** The TeX source KaTeX keeps in its MathML annotation. */
export function texOf(node: Element): string {
  const find = (n: ChildNode): string | undefined => {
    if (!(n instanceof Element)) return undefined;
    if (n.name === 'annotation') return n.children.map(textOf).join('');
    for (const c of n.children) {
      const t = find(c);
      if (t !== undefined) return t;
    }
    return undefined;
  };
  return find(node) ?? '';
}

/** A custom property from an element's inline style (`--dm-cols:3`). */
export function styleValue(node: Element, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name.replace(/[-]/g, '\\-')}\\s*:\\s*([^;]+)`).exec(node.attribs.style ?? '');
  return m?.[1].trim();
}
