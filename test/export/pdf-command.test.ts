// `deckmark pdf` in real Chromium, read back with pdfjs: pages, sizes, text, links, outline,
// metadata, fragments, notes, handouts, offline exports, a killed browser, no browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/read-pdf.js';
import { REPO, runCli, SLIDES, tempDir } from '../helpers/cli.js';

const PT = 0.75; // PDF points per CSS pixel

const FIXTURE = `---
title: Prøvedekk æøå
author: Åse Ødegård
description: Et dekk for PDF-testene
lang: nb
---

# Prøvedekk æøå

Note: Notater til første lysbilde.

---

## Lenker

[Wikipedia](https://no.wikipedia.org/wiki/Strategi), [til mål](#/goals) og [til fjerde](#/3).

---

## Trinn

- én
- to {.fragment}
- tre {.fragment}

----

## Under

Loddrett lysbilde.

---

## Mål {#goals}

Note: ${'Dette er et langt notat som skal holde seg innenfor siden. '.repeat(40)}

---

## For mye

${Array.from({ length: 40 }, (_, i) => `- punkt ${i + 1}`).join('\n')}
`;

async function exportPdf(deckText: string, ...flags: string[]) {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  const deck = path.join(dir, 'deck.md');
  writeFileSync(deck, deckText);
  const out = path.join(dir, 'out');
  const result = await runCli('pdf', deck, '-o', out, ...flags);
  expect(result.code, result.stderr).toBe(0);
  const pdfFile = path.join(out, 'deck/deck.pdf');
  return { ...result, pdfFile, out, pdf: await readPdf(pdfFile) };
}

describe('deckmark pdf', { timeout: 120_000 }, () => {
  describe('the example deck', () => {
    let out: string;
    beforeAll(async () => {
      out = tempDir();
      const r = await runCli('pdf', path.join(SLIDES, 'strategi-sosiale-medier.md'), '-o', out);
      expect(r.code, r.stderr).toBe(0);
    });

    it('has one 1280×720 page per slide, the title with Norwegian letters, bookmarks and metadata', async () => {
      const pdf = await readPdf(path.join(out, 'strategi-sosiale-medier/strategi-sosiale-medier.pdf'));
      const manifest = JSON.parse(readFileSync(path.join(out, 'strategi-sosiale-medier/deck.json'), 'utf8'));
      expect(pdf.pages).toHaveLength(manifest.slideCount);
      for (const page of pdf.pages) expect([page.width, page.height]).toEqual([1280 * PT, 720 * PT]);
      expect(pdf.pages[0].text).toContain('Strategi for god bruk av sosiale medier');
      expect(pdf.pages.map((p) => p.text).join(' ')).toMatch(/Sånn er vi i dag/);
      const count = (items: typeof pdf.outline): number => items.reduce((n, i) => n + 1 + count(i.items), 0);
      expect(count(pdf.outline)).toBe(manifest.slideCount);
      expect(pdf.outline[0]).toMatchObject({ title: 'Strategi for god bruk av sosiale medier', page: 0 });
      expect(pdf.info).toMatchObject({ Title: 'Strategi for god bruk av sosiale medier', Author: 'Ingrid Solheim', Language: 'nb' });
      expect(String(pdf.info.Creator)).toMatch(/deckmark/);
      const urls = pdf.pages.flatMap((p) => p.links.map((l) => l.url)).filter(Boolean);
      expect(urls).toContain('http://www.markedsheltene.no/innsikt/slik-lager-du-en-strategi-for-sosiale-medier/');
      expect(pdf.size).toBeLessThan(1024 * 1024);
    });

    it('is linked from the rebuilt deck and the index', () => {
      const html = readFileSync(path.join(out, 'strategi-sosiale-medier/index.html'), 'utf8');
      expect(html).toMatch(/<a class="dm-pdf-link" href="strategi-sosiale-medier\.pdf" download>Last ned PDF<\/a>/);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/href="strategi-sosiale-medier\/strategi-sosiale-medier\.pdf"/);
    });
  });

  it('links in-deck targets to their pages, nests vertical slides, and shrinks an overflowing slide with a warning', async () => {
    const { pdf, stderr } = await exportPdf(FIXTURE);
    expect(pdf.pages).toHaveLength(6);
    expect(pdf.pages[0].text).toContain('Prøvedekk æøå');
    const links = pdf.pages[1].links;
    expect(links).toContainEqual({ url: 'https://no.wikipedia.org/wiki/Strategi' });
    expect(links).toContainEqual({ page: 4 }); // #/goals: the 5th page
    expect(links).toContainEqual({ page: 4 }); // #/3: the 4th stack, also on page 5
    expect(links.filter((l) => l.page !== undefined)).toHaveLength(2);
    expect(pdf.outline.map((o) => o.title)).toEqual(['Prøvedekk æøå', 'Lenker', 'Trinn', 'Mål', 'For mye']);
    expect(pdf.outline[2].items).toEqual([{ title: 'Under', page: 3, items: [] }]);
    expect(stderr).toMatch(
      /deck\.md:40:1: warning: slide content overflows its 720px height by \d+px \(\d+%\): shrunk to \d+% in the PDF \(overflow\)/,
    );
    // Shrunk, not cut off: the last point is printed inside the page.
    const last = pdf.pages[5].words.find((w) => w.str === 'punkt 40');
    expect(last?.y).toBeGreaterThan(0);
    expect(last?.x).toBeGreaterThan(0);
  });

  it('prints one page per fragment step with --fragments', async () => {
    const { pdf } = await exportPdf(FIXTURE, '--fragments');
    expect(pdf.pages).toHaveLength(6 + 2);
  });

  it('puts long notes below each slide, inside the page, with --notes below', async () => {
    const { pdf } = await exportPdf(FIXTURE, '--notes', 'below');
    expect(pdf.pages).toHaveLength(6);
    expect(pdf.pages[4].height).toBe(720 * 1.5 * PT);
    expect(pdf.pages[4].text).toMatch(/Mål.*langt notat/);
    expect(pdf.pages[4].text.match(/langt notat/g)?.length).toBe(40);
  });

  it('puts notes on their own page with --notes page', async () => {
    const { pdf } = await exportPdf(FIXTURE, '--notes', 'page');
    expect(pdf.pages).toHaveLength(6 + 2);
    expect(pdf.pages[1].text).toContain('Notater til første lysbilde');
  });

  it('makes an A4 handout with 3 slides and writing lines per page with --handout 3', async () => {
    const { pdf } = await exportPdf(FIXTURE, '--handout', '3');
    expect(pdf.pages).toHaveLength(2);
    for (const page of pdf.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    expect(pdf.pages[0].text).toContain('Notater til første lysbilde');
    expect(pdf.outline.map((o) => o.page)).toEqual([0, 0, 0, 1, 1]);
  });

  it('finishes offline with a YouTube link and a remote image, warning about the image', async () => {
    const deck = '# Video\n\nhttps://www.youtube.com/watch?v=reBGK5isnco\n\n---\n\n## Bilde\n\n![Ekstern](https://example.com/bilde.png)\n';
    const started = Date.now();
    const { pdf, stderr } = await exportPdf(deck);
    expect(pdf.pages).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(stderr).toMatch(/deck\.md:7:1: warning: https:\/\/example\.com\/bilde\.png is not on this machine/);
  });

  it('fails with one helpful message when no browser is found, while build still works', () => {
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/nonexistent' };
    const bin = path.join(REPO, 'bin/deckmark.js');
    const out = tempDir();
    const pdf = spawnSync(process.execPath, [bin, 'pdf', path.join(SLIDES, 'syntax-tour.md'), '-o', out], { env, encoding: 'utf8' });
    expect(pdf.status).toBe(1);
    expect(pdf.stderr).toMatch(/PUPPETEER_EXECUTABLE_PATH is set to \/nonexistent.*apt-get install chromium/s);
    expect(pdf.stderr).not.toMatch(/\n\s+at /);
    const build = spawnSync(process.execPath, [bin, 'build', path.join(SLIDES, 'syntax-tour.md'), '-o', out], { env, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  });

  it('leaves the previous PDF untouched and exits non-zero when the browser dies mid-export', async () => {
    const first = await exportPdf(FIXTURE);
    const before = readFileSync(first.pdfFile);
    // A deck big enough that the export is still running when we kill the browser.
    const big = Array.from({ length: 2000 }, (_, i) => `## Lysbilde ${i + 1}\n\n${'Tekst med æøå. '.repeat(30)}`).join('\n\n---\n\n');
    writeFileSync(path.join(path.dirname(first.out), 'deck.md'), big);
    const child = spawn(
      process.execPath,
      [path.join(REPO, 'bin/deckmark.js'), 'pdf', path.join(path.dirname(first.out), 'deck.md'), '-o', first.out],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Kill the child's browser 1.5 s after it appears: past its launch (~0.3 s), inside the
    // export of 2000 slides (several seconds). Chromium's spare renderers make "a page is open"
    // unobservable from outside, and the assertions below hold whenever the browser dies.
    let killed = false;
    let seen: number | undefined;
    for (let i = 0; i < 400 && !killed; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout.trim().split('\n');
      const browser = ps
        .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
        .find((m) => m?.[2] === String(child.pid) && /deckmark-chrome-/.test(m[3]));
      if (browser) seen ??= Date.now();
      if (browser && Date.now() - seen! > 1500) {
        process.kill(Number(browser[1]), 'SIGKILL');
        killed = true;
      }
    }
    expect(killed).toBe(true);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/error: (PDF export of .*deck\.md failed|Could not start the browser)/);
    expect(readFileSync(first.pdfFile)).toEqual(before);
    expect(existsSync(first.pdfFile)).toBe(true);
  });
});
