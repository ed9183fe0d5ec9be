// The title of a slide: the text of its first heading.
import type { Token } from 'markdown-it';

export function slideTitle(tokens: Token[]): string {
  const i = tokens.findIndex((t) => t.type === 'heading_open');
  if (i < 0) return '';
  const inline = tokens[i + 1];
  const text = (inline?.children ?? [])
    .filter((t) => t.type === 'text' || t.type === 'code_inline' || t.type === 'softbreak')
    .map((t) => (t.type === 'softbreak' ? ' ' : t.content))
    .join('');
  return text.replace(/\s+/g, ' ').trim();
}
