// Build-time math: KaTeX, imported only for a deck whose text may hold math, so the CLI
// starts without it. Its CSS and fonts go with the deck (theme-files.ts) when a slide uses it.
import type { MathRenderer } from '../markdown/plugins/math.js';
import { mayContainMath } from '../markdown/plugins/math.js';

/** A KaTeX renderer when the deck's text may hold math, else undefined (KaTeX not loaded). */
export async function loadMathRenderer(text: string): Promise<MathRenderer | undefined> {
  if (!mayContainMath(text)) return undefined;
  const { default: katex } = await import('katex');
  return (tex, display) =>
    katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true, // the parser turns the error into a warning with the line
      strict: 'ignore', // e.g. letters like æ ø å in math mode: render them, don't warn on stderr
      trust: false,
      output: 'htmlAndMathml', // MathML for screen readers, HTML for the eye
      maxExpand: 1000, // macro expansions per formula: a \def loop stops with an error (a warning here)
      maxSize: 50, // em: \rule{1e6em}{1em} cannot make a page of boxes
    });
}
