// Math as PowerPoint text: a picture cannot sit inside a line of text, so inline math (and display
// math when no browser drew it) is written from KaTeX's MathML as a line of runs — letters in
// italic, sub- and superscripts as such, a fraction as a/b, a root as √ — which reads as the
// formula does (E = mc², ∑ₖ₌₁ⁿ k) and stays editable.
import { Element, Text, type ChildNode } from './html.js';
import type { Run, RunStyle } from './text.js';

/** Operators set with a space on each side, as a formula is typeset. */
const SPACED = new Set([
  '=',
  '+',
  '−',
  '-',
  '<',
  '>',
  '≤',
  '≥',
  '≠',
  '≈',
  '≡',
  '→',
  '←',
  '⇒',
  '⇔',
  '×',
  '·',
  '±',
  '∈',
  '∉',
  '⊂',
  '⊆',
  '∼',
  '≅',
]);

/** An accent over a letter (\\hat, \\tilde, \\bar, \\vec, \\dot) as the combining mark that puts it there. */
const ACCENTS: Record<string, string> = {
  '^': '\u0302',
  '~': '\u0303',
  '¯': '\u0304',
  ˉ: '\u0304',
  '→': '\u20d7',
  '˙': '\u0307',
  '¨': '\u0308',
};

function textOf(node: ChildNode): string {
  if (node instanceof Text) return node.data;
  return node instanceof Element ? node.children.map(textOf).join('') : '';
}

/** The MathML children of an element (no white space between them). */
function parts(node: Element): Element[] {
  return node.children.filter((c): c is Element => c instanceof Element);
}

/** The runs of a KaTeX element (`.katex`, `.katex-display`): its MathML, read as a line. */
export function mathRuns(node: Element, style: RunStyle): Run[] {
  const runs: Run[] = [];
  const push = (text: string, s: RunStyle): void => void (text && runs.push({ ...s, text }));
  /** A part that is more than one letter or number gets brackets when it stands for one (a fraction's top). */
  const grouped = (n: Element, s: RunStyle): void => {
    const simple = ['mi', 'mn'].includes(n.name) || (n.name === 'mrow' && parts(n).length === 1);
    if (!simple) push('(', s);
    walk(n, s);
    if (!simple) push(')', s);
  };
  /**
   * The base of a sum, an integral or a limit, walked; true when a space is to follow its limits
   * (∑ₖ₌₁ⁿ k, lim ₓ→₀ f): an operator, or a name KaTeX ends with its function application (U+2061).
   */
  const walkBase = (base: Element, s: RunStyle): boolean => {
    const inner = parts(base);
    const last = inner[inner.length - 1];
    if (base.name === 'mrow' && last?.name === 'mo' && textOf(last).trim() === '\u2061') {
      inner.slice(0, -1).forEach((p) => walk(p, s));
      return true;
    }
    walk(base, s);
    return base.name === 'mo' && /^[∑∏∐∫∬∭∮⋀⋁⋂⋃⨀⨁⨂⨄⨆]$/.test(textOf(base).trim());
  };
  const walk = (n: ChildNode, s: RunStyle): void => {
    if (!(n instanceof Element)) return;
    const [a, b, c] = parts(n);
    switch (n.name) {
      case 'annotation':
      case 'annotation-xml':
        return; // the TeX source
      case 'mi':
        // One letter is a variable, in italic; a name (sin, log) or `mathvariant="normal"` is upright.
        return push(textOf(n), { ...s, italic: [...textOf(n)].length === 1 && n.attribs.mathvariant !== 'normal' });
      case 'mn':
      case 'mtext':
        return push(textOf(n), s);
      case 'mo': {
        const op = textOf(n).trim();
        // Invisible operators: a function's application (sin x) is a space, invisible times and the like nothing.
        if (op === '\u2061') return push(' ', s);
        if (/^[\u2062-\u2064]$/.test(op)) return;
        // Inside a sub- or superscript (k=1 under a sum) the operator is set tight.
        return push(SPACED.has(op) && !s.subscript && !s.superscript ? ` ${op} ` : op, s);
      }
      case 'mspace':
        return push(' ', s);
      case 'msup':
      case 'msub':
      case 'msubsup': {
        const big = walkBase(a, s);
        walk(b, { ...s, subscript: n.name !== 'msup', superscript: n.name === 'msup' });
        if (c) walk(c, { ...s, superscript: true, subscript: false });
        return big ? push(' ', s) : undefined;
      }
      case 'munder':
      case 'mover':
      case 'munderover':
        // Limits under and over (∑, lim) as sub- and superscripts; an accent (x̂) after its letter.
        if (n.attribs.accent === 'true') {
          walk(a, s);
          return push(ACCENTS[textOf(b).trim()] ?? textOf(b), s);
        }
        {
          const big = walkBase(a, s);
          walk(b, { ...s, [n.name === 'mover' ? 'superscript' : 'subscript']: true });
          if (c) walk(c, { ...s, superscript: true, subscript: false });
          return big ? push(' ', s) : undefined;
        }
      case 'mfrac':
        grouped(a, s);
        push('/', s);
        return grouped(b, s);
      case 'msqrt': {
        push('√', s);
        if (parts(n).length === 1) return grouped(a, s);
        push('(', s);
        parts(n).forEach((p) => walk(p, s));
        return push(')', s);
      }
      case 'mroot':
        walk(b, { ...s, superscript: true });
        push('√', s);
        return grouped(a, s);
      case 'mtr':
        parts(n).forEach((cell, i) => {
          if (i > 0) push('  ', s);
          walk(cell, s);
        });
        return;
      case 'mtable':
        parts(n).forEach((row, i) => {
          if (i > 0) push('; ', s);
          walk(row, s);
        });
        return;
      case 'semantics':
        return walk(a, s);
      default:
        for (const child of n.children) walk(child, s);
    }
  };
  const math = findMath(node);
  if (math) walk(math, style);
  return runs;
}

function findMath(node: Element): Element | undefined {
  if (node.name === 'math') return node;
  for (const c of parts(node)) {
    const found = findMath(c);
    if (found) return found;
  }
  return undefined;
}
