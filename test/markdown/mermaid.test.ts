// ```mermaid fences in the pure core: the plugin places the drawing it is given (its ids made the
// fence's own, role and name on the SVG), shows a bad or undrawable diagram as code with a warning
// on the fence's line, and asks for the slide's colours (inverse slides dark). No browser here:
// the drawings are fixtures; test/build/diagrams.test.ts draws real ones.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { DIAGRAM_ID, diagramLabel, type DiagramDrawing, type DiagramLookup } from '../../src/markdown/plugins/mermaid.js';

/** A drawing as the drawer makes one: ids prefixed, a style scoped to the root, a marker referenced by url(#…). */
const DRAWN: DiagramDrawing = {
  svg:
    `<svg xmlns="http://www.w3.org/2000/svg" id="${DIAGRAM_ID}" class="flowchart dm-diagram-svg" width="200" height="100" viewBox="0 0 200 100">` +
    `<style>#${DIAGRAM_ID} .node rect{fill:#eef1fd}</style>` +
    `<marker id="${DIAGRAM_ID}_pointEnd"><path d="M0 0L10 5L0 10z"/></marker>` +
    `<g class="node" id="${DIAGRAM_ID}-A"><rect width="50" height="20"/><text>A</text></g>` +
    `<path d="M50 10L100 10" marker-end="url(#${DIAGRAM_ID}_pointEnd)"/></svg>`,
  type: 'flowchart-v2',
};

interface Asked {
  source: string;
  dark: boolean;
  line: number;
}

/** A lookup over fixture drawings: sources starting with `BAD` do not parse, `LATER` are not drawn yet, `NONE` cannot be drawn. */
function fixtureLookup(asked: Asked[] = []): DiagramLookup {
  return (source, dark, line) => {
    asked.push({ source, dark, line });
    if (source.startsWith('BAD')) return { error: 'Parse error on line 2 of the diagram (unexpected end)' };
    if (source.startsWith('LATER')) return undefined;
    if (source.startsWith('NONE')) return { unavailable: true };
    if (source.includes('accTitle'))
      return { ...DRAWN, title: 'Kundereisen', description: 'Fra Facebook til saksbehandler' } as DiagramDrawing;
    return DRAWN;
  };
}

function parse(body: string, lookup: DiagramLookup | null = fixtureLookup()) {
  const deck = parseDeck(`---\ntitle: T\n---\n\n${body}`, {
    file: 'deck.md',
    diagrams: lookup ?? undefined,
    highlight: (code, lang) => (lang === 'mermaid' ? code.split('\n').map((l) => `<span class="hl">${l}</span>`) : undefined),
  });
  const html = deck.slides.map((s) => s.html).join('\n');
  return { deck, html, $: cheerio.load(html) };
}

const FENCE = '```mermaid\nflowchart LR\n  A --> B\n```\n';

describe('```mermaid', () => {
  it('places the drawing in a figure: role img, a name, no code block', () => {
    const { $, deck } = parse(`## Flyt\n\n${FENCE}`);
    expect(deck.diagnostics).toEqual([]);
    const svg = $('figure.dm-diagram > svg');
    expect(svg).toHaveLength(1);
    expect(svg.attr('role')).toBe('img');
    expect(svg.attr('aria-label')).toBe('Flowchart');
    expect($('pre')).toHaveLength(0);
  });

  it('makes every id the fence’s own, references and the scoped style too', () => {
    const { html, $ } = parse(`## To\n\n${FENCE}\n${FENCE}`);
    expect(html).not.toContain(DIAGRAM_ID);
    const ids = $('[id]')
      .map((_, e) => $(e).attr('id'))
      .get();
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6); // two diagrams on one slide share no id
    $('svg').each((_, svg) => {
      const id = $(svg).attr('id')!;
      expect($(svg).find('style').text()).toBe(`#${id} .node rect{fill:#eef1fd}`);
      expect($(svg).find('path[marker-end]').attr('marker-end')).toBe(`url(#${id}_pointEnd)`);
      expect($(svg).find(`marker#${id}_pointEnd`)).toHaveLength(1);
    });
  });

  it('keeps ids apart across slides and in the notes', () => {
    const { deck } = parse(`## En\n\n${FENCE}\nNote:\n${FENCE}\n---\n\n## To\n\n${FENCE}`);
    const ids = [deck.slides[0].html, deck.slides[0].notes, deck.slides[1].html].map((h) => /<svg[^>]* id="([^"]+)"/.exec(h)?.[1]);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it('names the diagram with its kind, accTitle and accDescr', () => {
    const { $ } = parse('```mermaid\nflowchart LR\n  accTitle: Kundereisen\n  A --> B\n```\n');
    expect($('svg').attr('aria-label')).toBe('Flowchart: Kundereisen. Fra Facebook til saksbehandler');
    expect(diagramLabel({ svg: '', type: 'sequence' })).toBe('Sequence diagram');
    expect(diagramLabel({ svg: '', type: 'newKind' })).toBe('Diagram (newKind)');
  });

  it('names the kind in the deck’s language', () => {
    const deck = parseDeck(`---\nlang: nb\n---\n\n${FENCE}`, { file: 'deck.md', diagrams: fixtureLookup() });
    expect(deck.slides[0].html).toContain('aria-label="Flytdiagram"');
    const nn = parseDeck(`---\nlang: nn\n---\n\n${FENCE}`, {
      file: 'deck.md',
      diagrams: () => ({ ...DRAWN, type: 'journey' }) as DiagramDrawing,
    });
    expect(nn.slides[0].html).toContain('aria-label="Brukarreise"');
    expect(diagramLabel({ svg: '', type: 'classDiagram' })).toBe('Class diagram');
    expect(diagramLabel({ svg: '', type: 'constructor' })).toBe('Diagram (constructor)');
  });

  it('escapes the name it writes into the SVG', () => {
    const lookup: DiagramLookup = () => ({ ...DRAWN, title: '"><script>x</script>' }) as DiagramDrawing;
    const { html } = parse(FENCE, lookup);
    expect(html).not.toContain('<script>');
    expect(html).toContain('aria-label="Flowchart: &quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('asks with the source, the fence’s line and the slide’s colours (inverse or a dark background colour: dark)', () => {
    const asked: Asked[] = [];
    parse(`## Lys\n\n${FENCE}\n---\n\n<!-- .slide: class="inverse" -->\n## Mørk\n\n${FENCE}`, fixtureLookup(asked));
    expect(asked).toEqual([
      { source: 'flowchart LR\n  A --> B', dark: false, line: 7 },
      { source: 'flowchart LR\n  A --> B', dark: true, line: 17 },
    ]);
    const byBackground: Asked[] = [];
    parse(
      ['#0b1f3a', '#fff', '#333', 'url(x.png)'].map((bg) => `<!-- .slide: data-background-color="${bg}" -->\n${FENCE}`).join('\n---\n\n'),
      fixtureLookup(byBackground),
    );
    expect(byBackground.map((a) => a.dark)).toEqual([true, false, true, false]);
  });

  it('shows a diagram that does not parse as highlighted code, with a warning on the fence’s line', () => {
    const { $, deck } = parse('## Feil\n\n```mermaid\nBAD\n  A -->\n```\n');
    expect($('svg')).toHaveLength(0);
    expect(
      $('pre code.language-mermaid span.hl')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(['BAD', '  A -->']);
    expect(deck.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'diagram-error',
        file: 'deck.md',
        line: 7,
        message: 'mermaid diagram "BAD" is shown as code: Parse error on line 2 of the diagram (unexpected end)',
      }),
    ]);
  });

  it('shows a diagram nothing could draw as highlighted code, without a warning of its own (the build warns once)', () => {
    const { $, deck } = parse('```mermaid\nNONE\n```\n');
    expect($('pre code.language-mermaid span.hl').text()).toBe('NONE');
    expect(deck.diagnostics).toEqual([]);
  });

  it('shows a diagram not drawn yet as plain code, not highlighted (the build parses again once it is)', () => {
    const { $, deck } = parse('```mermaid\nLATER\n```\n');
    expect($('pre code.language-mermaid').text()).toBe('LATER');
    expect($('span.hl')).toHaveLength(0);
    expect(deck.diagnostics).toEqual([]);
  });

  it('leaves other fences and ~~~mermaid alike to the code blocks', () => {
    const { $ } = parse('```js\nlet a;\n```\n\n~~~mermaid\npie\n  "A" : 1\n~~~\n');
    expect($('pre code.language-js')).toHaveLength(1);
    expect($('figure.dm-diagram svg')).toHaveLength(1);
  });

  it('without a lookup (no build), a diagram is a code block', () => {
    const { $ } = parse(FENCE, null);
    expect($('pre code.language-mermaid')).toHaveLength(1);
    expect($('svg')).toHaveLength(0);
  });

  it('--safe keeps the drawing (it holds no script) and escapes raw HTML around it', () => {
    const deck = parseDeck(`## S\n\n<b onclick="x()">hi</b>\n\n${FENCE}`, { file: 'deck.md', diagrams: fixtureLookup(), safe: true });
    expect(deck.slides[0].html).toContain('<figure class="dm-diagram"><svg role="img"');
    expect(deck.slides[0].html).toContain('&lt;b onclick');
  });
});
