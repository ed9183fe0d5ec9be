// KaTeX's MathML as a line of PowerPoint runs (pptx/math-text.ts): what inline math, and display
// math without a browser, read as in the .pptx.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { Element, parseHtml } from '../../src/export/pptx/html.js';
import { mathRuns } from '../../src/export/pptx/math-text.js';
import type { Run } from '../../src/export/pptx/text.js';

function runsOf(tex: string): Run[] {
  const [node] = parseHtml(katex.renderToString(tex, { output: 'htmlAndMathml' }));
  return mathRuns(node as Element, {});
}

/** The runs as text, with sub- and superscripts marked _{…} and ^{…} and italic letters *…*. */
function shown(tex: string): string {
  return runsOf(tex)
    .map((r) => {
      const text = r.italic ? `*${r.text}*` : r.text;
      return r.superscript ? `^{${text}}` : r.subscript ? `_{${text}}` : text;
    })
    .join('');
}

describe('math as PowerPoint text', () => {
  it('sets letters in italic, operators spaced, numbers upright, and keeps the TeX source out', () => {
    expect(shown('E = mc^2')).toBe('*E* = *m**c*^{2}');
    expect(
      runsOf('E = mc^2')
        .map((r) => r.text)
        .join(''),
    ).not.toContain('mc^2');
  });

  it('raises and lowers scripts, tight inside them, with a space after a big operator', () => {
    expect(shown('x_i^2')).toBe('*x*_{*i*}^{2}');
    expect(shown('\\sum_{k=1}^{n} k')).toBe('∑_{*k*}_{=}_{1}^{*n*} *k*');
    expect(shown('\\lim_{x \\to 0} f')).toBe('lim_{*x*}_{→}_{0} *f*');
    expect(shown('\\sin^2 x')).toBe('sin^{2} *x*');
  });

  it('writes a fraction as a/b (bracketing a top or bottom of several parts), a root with √, an accent over its letter', () => {
    expect(shown('\\frac{a}{b}')).toBe('*a*/*b*');
    expect(shown('\\frac{a+1}{2}')).toBe('(*a* + 1)/2');
    expect(shown('\\sqrt{2}')).toBe('√2');
    expect(shown('\\sqrt{x+1}')).toBe('√(*x* + 1)');
    expect(shown('\\hat{x}')).toBe('*x*\u0302');
  });

  it('sets a function name upright, and a matrix row by row', () => {
    expect(shown('\\sin x')).toBe('sin *x*');
    expect(shown('\\begin{matrix} a & b \\\\ c & d \\end{matrix}')).toBe('*a*  *b*; *c*  *d*');
  });
});
