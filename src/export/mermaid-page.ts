// Code that runs inside the drawing page (src/export/diagrams.ts), where Mermaid is loaded: draws a
// diagram and makes its SVG fit for a deck. Each function is passed to page.evaluate, so it must
// not use anything from its module scope.

/** What Mermaid's page global offers us (mermaid.min.js). */
interface MermaidGlobal {
  initialize(config: Record<string, unknown>): void;
  parse(text: string): Promise<unknown>;
  render(id: string, text: string): Promise<{ svg: string }>;
}

export type PageDrawing = { svg: string; type: string; title?: string; description?: string } | { error: string };

/** Initialises Mermaid for one theme: the `base` theme with the deck's colours, labels as SVG text, nothing clickable. */
export function initMermaid(themeVariables: Record<string, string | boolean>): void {
  const mermaid = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
  // The kinds with text sizes of their own (sequence, Gantt, ER) get the theme's too: slide-sized text.
  const size = parseFloat(String(themeVariables.fontSize)) || 16;
  mermaid.initialize({
    startOnLoad: false,
    theme: 'base',
    themeVariables,
    fontFamily: themeVariables.fontFamily,
    fontSize: size,
    // A Gantt chart's dates are d3's axis labels, 10 px unless styled; a mind map's round root
    // centres its text only with HTML labels.
    themeCSS: `.grid .tick text{font-size:${size * 0.75}px} .mindmap-node circle + .label text{text-anchor:middle}`,
    securityLevel: 'strict',
    deterministicIds: true,
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    class: { htmlLabels: false },
    state: { htmlLabels: false },
    gantt: {
      fontSize: size * 0.8,
      sectionFontSize: size * 0.8,
      barHeight: size * 1.5,
      barGap: size * 0.3,
      topPadding: size * 2.5,
      leftPadding: size * 6,
      gridLineStartPadding: size * 1.5,
    },
    er: { fontSize: size },
    journey: { titleFontFamily: themeVariables.fontFamily, taskFontFamily: themeVariables.fontFamily },
  });
}

/**
 * Draws `source` and returns sanitised SVG: no script, no foreignObject (Mermaid's HTML labels
 * become SVG text), no `on*` attributes, no links out, every id prefixed with `prefix` (the
 * fence's own id replaces it), the root sized by its viewBox; or Mermaid's parse error.
 */
export async function drawMermaid(source: string, prefix: string): Promise<PageDrawing> {
  const mermaid = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
  try {
    await mermaid.parse(source);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // Mermaid's parser: "Parse error on line 3:\n<excerpt>\n---^\nExpecting 'A', 'B', … got 'EOF'".
    const first = text.split('\n')[0].replace(/:$/, '');
    const got = /got '([^']*)'\s*$/.exec(text)?.[1];
    const message = got ? `${first} of the diagram (unexpected ${got === 'EOF' ? 'end' : got})` : first || 'it does not parse';
    return { error: message.length > 200 ? `${message.slice(0, 200)}…` : message };
  }
  let svgText: string;
  try {
    ({ svg: svgText } = await mermaid.render(prefix, source));
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    document.querySelectorAll(`[id^="d${prefix}"], #${prefix}`).forEach((e) => e.remove()); // Mermaid's scratch elements
  }
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return { error: 'Mermaid made no SVG of it' };

  // HTML labels some diagrams draw whatever the setting (a journey's tasks): SVG text in their middle.
  for (const fo of [...root.querySelectorAll('foreignObject')]) {
    const text = doc.createElementNS(SVG_NS, 'text');
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((name) => Number(fo.getAttribute(name)) || 0);
    text.setAttribute('x', String(x + w / 2));
    text.setAttribute('y', String(y + h / 2));
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('dominant-baseline', 'central');
    text.setAttribute('class', 'dm-label');
    text.textContent = (fo.textContent ?? '').replace(/\s+/g, ' ').trim();
    fo.replaceWith(text);
  }
  for (const el of [...root.querySelectorAll('script, iframe, object, embed, a, animate, set, image')]) {
    if (el.nodeName === 'a') el.replaceWith(...el.childNodes);
    else el.remove();
  }

  const ids = new Map<string, string>();
  for (const el of root.querySelectorAll('[id]')) ids.set(el.id, el.id.startsWith(prefix) ? el.id : `${prefix}-${el.id}`);
  ids.set(root.id, prefix);
  // One pattern for every id that changes: `#old` in CSS, url(#old) and href="#old".
  const changed = [...ids].filter(([from, to]) => from !== to).map(([from]) => from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const idRef = new RegExp(changed.length > 0 ? `#(${changed.join('|')})(?![\\w-])` : '(?!)', 'g');
  const used = new Set<string>();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.id) {
      // Mermaid repeats a few ids inside one drawing (a mind map's nodes): references go to the first.
      const id = ids.get(el.id) ?? el.id;
      el.id = used.has(id) ? `${id}-${used.size}` : id;
      used.add(el.id);
    }
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if (name === 'href' || name === 'xlink:href') {
        if (value.startsWith('#'))
          el.setAttribute(
            attr.name,
            value.replace(idRef, (_, id: string) => `#${ids.get(id)}`),
          );
        else el.removeAttribute(attr.name);
      } else if (name === 'aria-labelledby' || name === 'aria-describedby' || name === 'aria-roledescription' || name === 'role')
        el.removeAttribute(attr.name);
      else if (value.includes('url(')) {
        // Only references to the drawing's own parts (markers, gradients).
        if (/url\(\s*['"]?(?!#)/i.test(value)) el.removeAttribute(attr.name);
        else
          el.setAttribute(
            attr.name,
            value.replace(idRef, (_, id: string) => `#${ids.get(id)}`),
          );
      }
    }
  }
  for (const style of root.querySelectorAll('style')) {
    const css = (style.textContent ?? '').replace(/@import[^;]*;?/gi, '').replace(/url\(\s*['"]?(?!#)[^)]*\)/gi, 'none');
    style.textContent = css.replace(idRef, (_, id: string) => `#${ids.get(id)}`);
  }

  // Sized by its drawing: the deck's CSS scales it into the slide (and PowerPoint reads the size).
  const [, , width, height] = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (width > 0 && height > 0) {
    root.setAttribute('width', String(Math.ceil(width)));
    root.setAttribute('height', String(Math.ceil(height)));
  }
  const type = svgText.match(/aria-roledescription="([^"]*)"/)?.[1] ?? root.getAttribute('class') ?? 'diagram';
  root.removeAttribute('style');
  root.setAttribute('class', `${root.getAttribute('class') ?? ''} dm-diagram-svg`.trim());
  const title = root.querySelector(':scope > title')?.textContent ?? undefined;
  const description = root.querySelector(':scope > desc')?.textContent ?? undefined;
  return { svg: new XMLSerializer().serializeToString(root), type, title, description };
}
