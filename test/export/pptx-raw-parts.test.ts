// Which raw HTML becomes a picture in the .pptx (pptx/raw-parts.ts), what each is called in its
// alt text, and the line each is reported on (the slide's embeds, recorded at parse time).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { Element, parseHtml, type ChildNode } from '../../src/export/pptx/html.js';
import { isPart, partIndex, partKey, partLine, partName, partRequests, type PartRequest } from '../../src/export/pptx/raw-parts.js';
import { renderPptx } from '../../src/export/pptx/write-pptx.js';
import { tempDir } from '../helpers/cli.js';
import { readPptx } from '../helpers/read-pptx.js';
import { fixtureParseOptions } from '../markdown/fixtures.js';

const deck = parseDeck(
  `# Parts

<div class="wrap">
  <iframe src="https://maps.example.org/embed?x=1"></iframe>
  <canvas
    aria-label="A drawn graph"></canvas>
</div>

<video src="clip.mp4" poster="still.jpg"></video>

<object data="plan.pdf" title="The plan"><iframe src="fallback.html"></iframe></object>

![Film](https://www.youtube.com/watch?v=reBGK5isnco)

<template><canvas></canvas></template>

<audio src="data:audio/wav;base64,AAAA" controls></audio>

Note:
<iframe src="notes-only.html"></iframe>
`,
  fixtureParseOptions,
);
const slide = deck.slides[0];

describe('raw HTML parts of a slide', () => {
  it('are its own iframes, videos, audios, canvases and objects: not a video figure’s player, a template’s, an object’s fallback, nor the notes’', () => {
    expect(partRequests(slide, 0).map((r) => [r.index, r.tag, r.url, r.poster, r.name])).toEqual([
      [0, 'iframe', 'https://maps.example.org/embed?x=1', '', '<iframe> from maps.example.org'],
      [1, 'canvas', '', '', 'A drawn graph'],
      [2, 'video', 'assets/clip.mp4', 'assets/still.jpg', '<video> clip.mp4'],
      [3, 'object', 'plan.pdf', '', 'The plan'],
      [4, 'audio', 'data:audio/wav;base64,AAAA', '', '<audio>'],
    ]);
    expect(partRequests(slide, 0).every((r) => r.slideLine === 1)).toBe(true);
    // Both files of a raw <video> are the built deck's (each of a tag's src and poster is rewritten),
    // and so are the pages the frames show (the object's fallback, the notes').
    expect(slide.assets.map((a) => [a.kind, a.src, a.line])).toEqual([
      ['video', 'clip.mp4', 9],
      ['image', 'still.jpg', 9],
      ['page', 'fallback.html', 11],
      ['page', 'notes-only.html', 20],
    ]);
  });

  it('name what reveal.js loads lazily (`data-src`)', () => {
    const lazy = parseDeck('# Lazy\n\n<iframe data-src="samples/map.html"></iframe>\n', fixtureParseOptions).slides[0];
    // The page is the built deck's copy; it is named as written.
    expect(partRequests(lazy, 0).map((r) => [r.url, r.name])).toEqual([['assets/samples/map.html', '<iframe> map.html']]);
  });

  it('name a local file as written, not as the built deck’s copy with its content hash', () => {
    const [video] = parseHtml('<video src="assets/clip-0a1b2c3d4e.mp4"></video>') as Element[];
    expect(partName(video)).toBe('<video> clip.mp4');
  });

  it('are each on the line its tag opens on, counted in the same order', () => {
    expect(slide.embeds).toEqual([
      { tag: 'iframe', line: 4 },
      { tag: 'canvas', line: 5 },
      { tag: 'video', line: 9 },
      { tag: 'object', line: 11 },
      { tag: 'iframe', line: 11 },
      { tag: 'canvas', line: 15 },
      { tag: 'audio', line: 17 },
    ]);
    const every = (nodes: ChildNode[]): Element[] => nodes.flatMap((n) => (n instanceof Element ? [n, ...every(n.children)] : []));
    const parts = every(parseHtml(slide.html)).filter(isPart);
    const lines = Object.fromEntries(parts.map((p) => [partIndex(p), partLine(slide, p)]));
    expect(lines).toEqual({ 0: 4, 1: 5, 2: 9, 3: 11, 4: 17 });
  });
});

/** A 1×1 PNG. */
const DOT = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('the PowerPoint writer and raw HTML parts', () => {
  it('asks for pictures only for a deck that has parts, and places each one it is given with its name and line', async () => {
    const drawParts = vi.fn(
      async (requests: PartRequest[]) =>
        new Map(requests.map((r) => [partKey(r.slide, r.index), { data: `image/png;base64,${DOT}`, width: 40, height: 20 }])),
    );
    await renderPptx(parseDeck('# Plain\n\nText only.\n', fixtureParseOptions), tempDir(), '', { drawParts });
    expect(drawParts).not.toHaveBeenCalled();

    const result = await renderPptx(deck, tempDir(), '', { drawParts });
    expect(drawParts).toHaveBeenCalledTimes(1);
    expect(drawParts.mock.calls[0][0].map((r) => r.tag)).toEqual(['iframe', 'canvas', 'video', 'object', 'audio']);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([4, 5, 9, 11, 17].map((line) => ['pptx-picture', line]));
    const file = path.join(tempDir(), 'parts.pptx');
    writeFileSync(file, Buffer.from(result.bytes));
    expect((await readPptx(file)).slides[0].pictures).toEqual([
      '<iframe> from maps.example.org',
      'A drawn graph',
      '<video> clip.mp4',
      'The plan',
      'QR code: https://youtu.be/reBGK5isnco', // the video figure: its still and QR code, as before
      '<audio>',
    ]);
  });
});
