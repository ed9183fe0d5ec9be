// `deckmark pptx` read back (unzip + XML): one slide per deck slide, titles in the title
// placeholder and body text as text in text frames (never a picture), lists with bullets,
// numbers and levels, runs, links (in-deck ones jump to their slide), tables, pictures with alt
// text, notes, document properties, theme and size; every example and corpus deck; bad input.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileDeckFile } from '../../src/build/build-deck.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';
import { CORPUS_DECKS, corpusAvailable } from '../helpers/corpus.js';
import { readPptx, type PptxContents } from '../helpers/read-pptx.js';

const FIXTURE = `---
title: Prøvedekk æøå
author: Åse Ødegård
description: Et dekk for PowerPoint-testene
lang: nb
size: 4:3
---

# Prøvedekk æøå

Undertittel

Note: Notater til første lysbilde.

---

## Lenker

[Wikipedia](https://no.wikipedia.org/wiki/Strategi), [til mål](#/goals) og [til fjerde](#/3).

Tekst med **fet**, *kursiv* og \`kode\`.

---

## Lister

- én
  - under én
- to

1. første
2. andre

----

<!-- .slide: data-background-image="poster.jpg" -->

## Under

Loddrett lysbilde.

---

<!-- .slide: id="goals" class="inverse" -->

## Mål

| Kanal | Innlegg |
|---|--:|
| Facebook | 5 |

![Et stillbilde fra filmen](poster.jpg)

Note: Målnotat.

---

## Kort

::: cards
### Må
Hvem må vi snakke med?
### Bør
Hvem bør vi snakke med?
:::

---

## Rå HTML

<div class="egen">Tekst i rå HTML</div>

<iframe src="https://example.org/kart" title="Kart"></iframe>
`;

/** Every stored text of a slide, joined: what an editor can select and change. */
function allText(pptx: PptxContents, n: number): string {
  return pptx.slides[n].paragraphs.join('\n');
}

describe('deckmark pptx', { timeout: 120_000 }, () => {
  describe('a deck with every kind of content', () => {
    let pptx: PptxContents;
    let stderr: string;
    let dir: string;
    beforeAll(async () => {
      dir = tempDir();
      writeFileSync(path.join(dir, 'package.json'), '{}');
      writeFileSync(path.join(dir, 'deck.md'), FIXTURE);
      copyFileSync(path.join(SLIDES, 'img/sample-clip-poster.jpg'), path.join(dir, 'poster.jpg'));
      const result = await runCli('pptx', path.join(dir, 'deck.md'), '-o', path.join(dir, 'out'));
      expect(result.code, result.stderr).toBe(0);
      stderr = result.stderr;
      pptx = await readPptx(path.join(dir, 'out/deck/deck.pptx'));
    });

    it('has one slide per deck slide, vertical ones in order, each title as text in the title placeholder', () => {
      expect(pptx.slides.map((s) => s.title)).toEqual(['Prøvedekk æøå', 'Lenker', 'Lister', 'Under', 'Mål', 'Kort', 'Rå HTML']);
      expect(stderr).toMatch(/wrote .*deck\.pptx \(7 slides/);
    });

    it('keeps the body as text in text frames, with bold, italic and code runs', () => {
      expect(allText(pptx, 0)).toContain('Undertittel');
      expect(allText(pptx, 1)).toContain('Tekst med fet, kursiv og kode.');
      expect(pptx.slides[1].bold).toContain('fet');
      expect(pptx.slides[1].italic).toContain('kursiv');
      expect(pptx.slides[1].xml).toMatch(
        /<a:latin typeface="JetBrains Mono"[^>]*\/><a:ea[^>]*\/><a:cs[^>]*\/>(?:<[^>]+>)*<\/a:rPr><a:t>kode<\/a:t>/,
      );
      expect(allText(pptx, 3)).toContain('Loddrett lysbilde.');
    });

    it('writes lists as bulleted and numbered paragraphs with their levels', () => {
      expect(pptx.slides[2].bullets).toEqual([
        { text: 'én', kind: 'char', level: 0 },
        { text: 'under én', kind: 'char', level: 1 },
        { text: 'to', kind: 'char', level: 0 },
        { text: 'første', kind: 'number', level: 0 },
        { text: 'andre', kind: 'number', level: 0 },
      ]);
      // Bullets in the theme's accent colour, as on screen.
      expect(pptx.slides[2].xml.match(/<a:buClr><a:srgbClr val="2F4FD8"\/><\/a:buClr><a:buSzPct val="100000"\/><a:buChar /g)).toHaveLength(
        3,
      );
    });

    it('links to the web, and in-deck links (#/goals, #/3) jump to their slide', () => {
      expect(pptx.slides[1].links).toEqual(['https://no.wikipedia.org/wiki/Strategi', 'slide:5', 'slide:5']);
    });

    it('writes tables as tables, pictures with their alt text, and notes as notes', () => {
      expect(pptx.slides[4].tables).toBe(1);
      expect(allText(pptx, 4)).toMatch(/Kanal[\s\S]*Innlegg[\s\S]*Facebook[\s\S]*5/);
      expect(pptx.slides[4].pictures).toEqual(['Et stillbilde fra filmen']);
      expect(pptx.slides[0].notes).toContain('Notater til første lysbilde.');
      expect(pptx.slides[4].notes).toContain('Målnotat.');
      expect(pptx.slides[1].notes).toBe('');
    });

    it('draws the cards layout as shapes holding editable text', () => {
      expect(allText(pptx, 5)).toMatch(/Må\nHvem må vi snakke med\?\nBør\nHvem bør vi snakke med\?/);
      expect(pptx.slides[5].xml.match(/prst="roundRect"/g)?.length).toBeGreaterThanOrEqual(2);
      expect(pptx.slides[5].pictures).toEqual([]);
    });

    it('keeps the text of raw HTML; an iframe to another site is a panel naming it, with a warning at its line', () => {
      expect(allText(pptx, 6)).toContain('Tekst i rå HTML');
      expect(pptx.slides[6].pictures).toEqual(['Kart']);
      expect(stderr).toMatch(
        /deck\.md:73:1: warning: <iframe> "Kart" cannot be PowerPoint content: the \.pptx has a panel naming it and its URL \(the export is offline\) \(pptx-picture\)/,
      );
    });

    it("sets the document's properties, the theme's fonts and colours, the slide size, and inverse slides' colours", () => {
      expect(pptx.core).toMatchObject({
        'dc:title': 'Prøvedekk æøå',
        'dc:creator': 'Åse Ødegård',
        'dc:subject': 'Et dekk for PowerPoint-testene',
        'dc:language': 'nb',
      });
      expect([pptx.width, pptx.height]).toEqual([1024 / 96, 768 / 96]); // 4:3 is 1024×768
      expect(pptx.fonts).toEqual({ major: 'Source Sans 3', minor: 'Source Sans 3' });
      expect(pptx.slides[1].background).toBe('FFFFFF');
      expect(pptx.slides[3].xml).toMatch(/<p:bg><p:bgPr><a:blipFill[^>]*><a:blip r:embed="rId\d+"/); // the background picture
      expect(pptx.slides[4].background).toBe('0F1D33'); // the default theme's --dm-inverse-bg
      expect(pptx.slides[4].xml).toMatch(/<a:srgbClr val="FFFFFF"\/><\/a:solidFill>(?:<[^>]+>)*<\/a:rPr><a:t>Mål<\/a:t>/);
    });

    it('is offered by the rebuilt deck and the index ("Last ned PowerPoint" in Norwegian)', () => {
      const html = readFileSync(path.join(dir, 'out/deck/index.html'), 'utf8');
      expect(html).toContain('<a class="dm-pdf-link dm-pptx-link" href="deck.pptx" download>Last ned PowerPoint</a>');
      expect(readFileSync(path.join(dir, 'out/index.html'), 'utf8')).toContain('href="deck/deck.pptx">Last ned PowerPoint</a>');
      expect(JSON.parse(readFileSync(path.join(dir, 'out/deck/deck.json'), 'utf8')).pptx).toBe('deck.pptx');
    });
  });

  describe.each(readdirSync(SLIDES).filter((f) => f.endsWith('.md')))('the example deck %s', (name) => {
    it('has every slide with its title as text', async () => {
      const out = tempDir();
      const result = await runCli('pptx', path.join(SLIDES, name), '-o', out);
      expect(result.code, result.stderr).toBe(0);
      const slug = name.replace(/\.md$/, '');
      const pptx = await readPptx(path.join(out, slug, `${slug}.pptx`));
      const { deck } = await compileDeckFile(path.join(SLIDES, name), { outDir: out });
      const slides = deck.slides.flatMap((s) => [s, ...s.children]);
      expect(pptx.slides.map((s) => s.title)).toEqual(slides.map((s) => s.title));
      for (const slide of pptx.slides) expect(slide.paragraphs.length).toBeGreaterThan(0);
    });
  });

  it.runIf(corpusAvailable())('exports every corpus deck without errors', async () => {
    const out = tempDir();
    const decks = readdirSync(CORPUS_DECKS).filter((f) => f.endsWith('.md'));
    for (const name of decks) {
      const result = await runCli('pptx', path.join(CORPUS_DECKS, name), '-o', out);
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      expect(result.stderr).not.toMatch(/internal error/);
      const slug = name.replace(/\.md$/, '');
      expect(existsSync(path.join(out, slug, `${slug}.pptx`))).toBe(true);
    }
  });

  it('refuses -o FILE.pptx for several decks, and a missing deck, with a message and no file', async () => {
    const out = tempDir();
    const many = await runCli('pptx', SLIDES, '-o', path.join(out, 'x.pptx'));
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/-o FILE\.pptx needs a single deck/);
    const missing = await runCli('pptx', path.join(out, 'nope.md'), '-o', out);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.md/);
    expect(missing.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(readdirSync(out)).toEqual([]);
  });
});
