// The one reading of "what does this say" (titles, link and alt texts, chart cells).
import { describe, expect, it } from 'vitest';
import MarkdownIt, { type Token } from 'markdown-it';
import { inlineText } from '../../src/markdown/inline-text.js';
import { slideTitle } from '../../src/compile/slide-title.js';

const md = new MarkdownIt();

function children(markdown: string): Token[] | null {
  return md.parseInline(markdown, {})[0].children;
}

describe('inlineText', () => {
  it('keeps text and code, drops emphasis and link markup', () => {
    expect(inlineText(children('**Bold** and `code` in [a link](https://x.org)'))).toBe('Bold and code in a link');
  });
  it('reads line breaks as one space and trims', () => {
    expect(inlineText(children('  first\nsecond  \nthird  '))).toBe('first second third');
  });
  it("includes an image's alt text", () => {
    expect(inlineText(children('![the logo](logo.png) Acme'))).toBe('the logo Acme');
  });
  it('is empty for no tokens', () => {
    expect(inlineText(null)).toBe('');
  });
});

describe('slideTitle', () => {
  it("is the first heading's text", () => {
    expect(slideTitle(md.parse('Intro\n\n## The *first*\nheading\n\n# Second', {}))).toBe('The first');
  });
  it("is '' without a heading", () => {
    expect(slideTitle(md.parse('just text', {}))).toBe('');
  });
});
