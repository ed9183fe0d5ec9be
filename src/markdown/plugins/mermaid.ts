// ```mermaid fences as inline SVG drawn at build time. The drawing happens outside the core (Mermaid
// in a headless browser, src/export/diagrams.ts; cached by src/build/diagrams.ts) and is passed in
// through `lookup`: this rule only places what it is given. A diagram that did not parse is a
// warning on the fence's line and its source shown as code; so is one no browser could draw (the
// build says why, once per deck).
import type { MarkdownIt, Token } from 'markdown-it';
import { escapeHtml } from '../html.js';
import { fileLine, warn, type SlideEnv } from '../env.js';
import { readFenceInfo, renderFence, type Highlighter } from './code-blocks.js';

/** The drawer's prefix of every id in a drawn SVG; each fence replaces it with its own, so two diagrams never share an id. */
export const DIAGRAM_ID = '__dm_diagram__';

/** A drawn diagram: sanitised SVG (ids prefixed with {@link DIAGRAM_ID}), its kind, and the author's accTitle/accDescr. */
export interface DrawnDiagram {
  svg: string;
  /** Mermaid's name for the kind of diagram (`flowchart-v2`, `sequence`, `pie`…). */
  type: string;
  title?: string;
  description?: string;
}

export type DiagramDrawing =
  | DrawnDiagram
  /** The source did not parse: Mermaid's message. */
  | { error: string }
  /** Nothing could draw it in this build (no browser); the build warns once. */
  | { unavailable: true };

/**
 * The drawing of a diagram's source in the slide's colours (`dark`: an inverse slide);
 * undefined when it has not been drawn yet (the build draws what was missed and parses again).
 */
export type DiagramLookup = (source: string, dark: boolean, line: number) => DiagramDrawing | undefined;

export interface MermaidOptions {
  lookup: DiagramLookup;
  /** Highlights a diagram shown as code. */
  highlight?: Highlighter;
  /** The kinds' names in the deck's language. @defaultValue English */
  kindNames?: DiagramKindNames;
}

/** The names of the diagram kinds deckmark promises, in the deck's language; `other` names the rest (`{kind}`: Mermaid's word). */
export interface DiagramKindNames {
  flowchart: string;
  sequence: string;
  class: string;
  state: string;
  er: string;
  gantt: string;
  pie: string;
  mindmap: string;
  timeline: string;
  journey: string;
  other: string;
}

export const ENGLISH_DIAGRAM_KINDS: DiagramKindNames = {
  flowchart: 'Flowchart',
  sequence: 'Sequence diagram',
  class: 'Class diagram',
  state: 'State diagram',
  er: 'Entity relationship diagram',
  gantt: 'Gantt chart',
  pie: 'Pie chart',
  mindmap: 'Mind map',
  timeline: 'Timeline',
  journey: 'User journey',
  other: 'Diagram ({kind})',
};

/** The SVG's accessible name: the kind of diagram, then the author's accTitle and accDescr. */
export function diagramLabel(drawn: DrawnDiagram, names: DiagramKindNames = ENGLISH_DIAGRAM_KINDS): string {
  // Mermaid's words for its kinds: `flowchart-v2`, `classDiagram`, `stateDiagram`, `er`, `pie`…
  const kind = drawn.type.replace(/-v\d+$/, '').replace(/Diagram$/, '');
  const name =
    Object.hasOwn(names, kind) && kind !== 'other'
      ? names[kind as keyof DiagramKindNames]
      : names.other.replace('{kind}', () => drawn.type);
  const title = drawn.title?.trim();
  const description = drawn.description?.trim();
  return [title ? `${name}: ${title}` : name, description].filter(Boolean).join('. ');
}

/**
 * True on a slide the theme paints dark, whose diagrams take the theme's inverse colours: class
 * `inverse`, or a dark `data-background-color` in hex (reveal.js's test for `has-dark-background`).
 */
function isDarkSlide(env: SlideEnv): boolean {
  if ((env.slideAttributes.class ?? '').split(/\s+/).includes('inverse')) return true;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((env.slideAttributes['data-background-color'] ?? '').trim())?.[1];
  if (!hex) return false;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return (r * 299 + g * 587 + b * 114) / 1000 < 128;
}

/** The drawn SVG with its ids made the fence's own, its role and name set on the root. */
function placeSvg(drawn: DrawnDiagram, id: string, names: DiagramKindNames | undefined): string {
  const svg = drawn.svg.replaceAll(DIAGRAM_ID, id);
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(diagramLabel(drawn, names))}"`);
}

export function mermaidPlugin(md: MarkdownIt, options: MermaidOptions): void {
  const otherFences = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, mdOptions, mdEnv, self) => {
    const token: Token = tokens[idx];
    if (readFenceInfo(token.info).lang !== 'mermaid') return otherFences(tokens, idx, mdOptions, mdEnv, self);
    const env = mdEnv as SlideEnv;
    const line = fileLine(env, token.map);
    const source = token.content.replace(/\n$/, '');
    const drawing = options.lookup(source, isDarkSlide(env), line);
    // Not drawn yet: plain code, since the build parses again once it is (no highlighting wasted on it).
    if (!drawing) return renderFence(token, self);
    if ('unavailable' in drawing) return renderFence(token, self, options.highlight);
    if ('error' in drawing) {
      const first = source.trim().split('\n')[0].trim();
      warn(
        env,
        'diagram-error',
        `mermaid diagram "${first.length > 40 ? `${first.slice(0, 40)}…` : first}" is shown as code: ${drawing.error}`,
        line,
      );
      return renderFence(token, self, options.highlight);
    }
    const id = `dm-${env.docId}${env.inNotes ? 'n' : ''}-${idx}`;
    return `<figure class="dm-diagram">${placeSvg(drawing, id, options.kindNames)}</figure>\n`;
  };
}
