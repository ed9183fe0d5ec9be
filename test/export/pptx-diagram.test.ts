// A Mermaid diagram in the PowerPoint export: a picture with the diagram's name as alt text, its
// SVG valid on its own (the camelCase names HTML parsing lowercased restored). The drawing is a
// fixture passed to the build as its drawer, so no browser is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDeck } from '../../src/build/build-deck.js';
import type { DiagramDrawer } from '../../src/build/diagrams.js';
import { renderPptx } from '../../src/export/pptx/write-pptx.js';
import { DIAGRAM_ID } from '../../src/markdown/plugins/mermaid.js';
import { readPptx } from '../helpers/read-pptx.js';
import { tempDir } from '../helpers/cli.js';

const SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" id="${DIAGRAM_ID}" class="flowchart dm-diagram-svg" width="300" height="120" viewBox="-10 -20 300 120">` +
  `<defs><linearGradient id="${DIAGRAM_ID}-g"><stop offset="0" stop-color="#eef1fd"/></linearGradient></defs>` +
  `<marker id="${DIAGRAM_ID}_end" markerWidth="8" markerHeight="8" refX="4" refY="4"><path d="M0 0L8 4L0 8z"/></marker>` +
  `<rect width="100" height="40" fill="url(#${DIAGRAM_ID}-g)"/><text x="50" y="20">Facebook</text>` +
  `<path d="M100 20L200 20" marker-end="url(#${DIAGRAM_ID}_end)"/></svg>`;

const drawer: DiagramDrawer = async (requests) => requests.map(() => ({ svg: SVG, type: 'flowchart-v2', title: 'Fra spørsmål til svar' }));

describe('a Mermaid diagram in the .pptx', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is a picture named like the SVG, whose SVG keeps viewBox, markers and gradients', async () => {
    const dir = tempDir('deckmark-pptx-diagram-');
    vi.stubEnv('DECKMARK_CACHE_DIR', path.join(dir, 'cache'));
    writeFileSync(path.join(dir, 'package.json'), '{}');
    const file = path.join(dir, 'deck.md');
    writeFileSync(file, '---\ntitle: T\nlang: nb\n---\n\n## Flyt\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
    const built = await buildDeck(file, { outDir: path.join(dir, 'out'), drawDiagrams: drawer });
    const deckDir = path.dirname(built.output);
    const result = await renderPptx(built.deck, deckDir, readFileSync(path.join(deckDir, 'assets/theme.css'), 'utf8'));
    const pptxFile = path.join(dir, 'deck.pptx');
    writeFileSync(pptxFile, Buffer.from(result.bytes));

    const pptx = await readPptx(pptxFile);
    expect(pptx.slides[0].pictures).toEqual(['Flytdiagram: Fra spørsmål til svar']);
    const zip = await JSZip.loadAsync(readFileSync(pptxFile));
    const svgs = await Promise.all(zip.file(/^ppt\/media\/.*\.svg$/).map((f) => f.async('string')));
    expect(svgs).toHaveLength(1);
    const [svg] = svgs;
    expect(svg).toContain('viewBox="-10 -20 300 120"');
    expect(svg).toMatch(/<marker [^>]*markerWidth="8" markerHeight="8" refX="4" refY="4"/);
    expect(svg).toMatch(/<linearGradient [^>]*>.*<\/linearGradient>/);
    expect(svg).not.toMatch(/viewbox=|refx=|lineargradient/);
  });
});
