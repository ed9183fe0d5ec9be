// The title of a slide: the text of its first heading.
import type { Token } from 'markdown-it';
import { inlineText } from '../markdown/inline-text.js';

export function slideTitle(tokens: Token[]): string {
  const i = tokens.findIndex((t) => t.type === 'heading_open');
  return i < 0 ? '' : inlineText(tokens[i + 1]?.children);
}
