// The incremental PDF (src/export/pdf-reuse.ts): a deck is edited at random, round after round,
// and each incremental export is compared with a full export of the same text (an empty cache),
// read back with pdf.js: pages, text per page, each page's structure tree (roles, alt texts),
// bookmarks, links and metadata, and the warnings. Never a stale page. The same with the print
// view of each export loaded ahead, as `serve --pdf` prints (src/export/print-ahead.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportPdf } from '../../src/api/pdf.js';
import { buildDeck } from '../../src/build/build-deck.js';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { printAhead, type PrintAhead } from '../../src/export/print-ahead.js';
import { renderPdf } from '../../src/export/render-pdf.js';
import { readPdf } from '../helpers/read-pdf.js';
import { tempDir } from '../helpers/cli.js';
import { seededRandom } from '../helpers/random.js';

const FRONT = `---
title: Inkrementell prøve
author: Åse Ødegård
lang: nb
---
`;

/** The deck's horizontal slides; a slide with `\n----\n` in it is a stack of vertical ones. */
function startSlides(): string[] {
  return [
    '# Inkrementell prøve\n\nTil [målene](#/goals), til [den tredje](#/2) og til [Wikipedia](https://no.wikipedia.org/wiki/PDF).\n\nNote: Notater til tittelen.',
    '## Bilde\n\n![Et blått kvadrat](kvadrat.svg)\n\nMed tekst under.',
    '## Liste\n\n- én\n- to\n- tre',
    '## Tabell\n\n| Kanal | Mål |\n|---|---|\n| Facebook | svar innen en time |\n| Twitter | følge opp |',
    '## Stabel\n\nØverst.\n\n----\n\n## Under\n\nLoddrett lysbilde.',
    '## Mål {#goals}\n\nÉn setning om mål.\n\n```js\nconst svar = 42;\n```',
    `## For mye\n\n${Array.from({ length: 30 }, (_, i) => `- punkt ${i + 1}`).join('\n')}`,
    '## Slutt\n\nTakk 🎉',
  ];
}

type Edit = (slides: string[], round: number, pick: (n: number) => number) => string;
const EDITS: Edit[] = [
  (s, r, pick) => {
    const i = pick(s.length);
    s[i] = s[i].replace(/\n\n/, `\n\nEndret i runde ${r}.\n\n`);
    return `text of slide ${i}`;
  },
  (s, r, pick) => {
    const i = pick(s.length + 1);
    s.splice(i, 0, `## Ny ${r}\n\nLagt til i runde ${r}, med [lenke til målene](#/goals).`);
    return `slide inserted at ${i}`;
  },
  (s, _r, pick) => {
    const i = pick(s.length);
    s.splice(i, 1);
    return `slide ${i} deleted`;
  },
  (s, _r, pick) => {
    const i = pick(s.length);
    s[i] = `\n\n\n${s[i]}`; // lines move, the slide's HTML does not change
    return `blank lines above slide ${i}`;
  },
  (s, _r, pick) => {
    const [i, j] = [pick(s.length), pick(s.length)];
    [s[i], s[j]] = [s[j], s[i]];
    return `slides ${i} and ${j} swapped`;
  },
  (s, r, pick) => {
    const i = pick(s.length);
    s[i] = s[i].includes('\nNote:') ? s[i].replace('\nNote:', `\nNote: runde ${r}.`) : `${s[i]}\n\nNote: Nytt notat ${r}.`;
    return `notes of slide ${i}`;
  },
];

/** What the next print needs made ready ahead (print-ahead.ts), counting the prints that used it: the page, the loaded PDF. */
function countedAhead(): PrintAhead & { taken: number; loaded: number } {
  const ahead = printAhead();
  const counted = { ...ahead, taken: 0, loaded: 0 };
  counted.take = async (key, deck) => {
    const page = await ahead.take(key, deck);
    if (page) counted.taken++;
    return page;
  };
  counted.takeLoaded = async (raw) => {
    const doc = await ahead.takeLoaded(raw);
    if (doc) counted.loaded++;
    return doc;
  };
  return counted;
}

/** A project folder with its own cache (set as DECKMARK_CACHE_DIR), the deck's path and its PDF's. */
function project(): { dir: string; cache: string; deck: string; out: string } {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  const cache = path.join(dir, 'cache');
  vi.stubEnv('DECKMARK_CACHE_DIR', cache);
  return { dir, cache, deck: path.join(dir, 'deck.md'), out: path.join(dir, 'deck.pdf') };
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

/** Each page's structure tree as pdf.js reads it, roles and alt texts only. */
async function structure(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const show = (node: StructNode | null): string =>
    node ? `${node.role ?? ''}${node.alt ? `[${node.alt}]` : ''}(${(node.children ?? []).map(show).join(',')})` : 'none';
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push(show((await (await doc.getPage(i)).getStructTree()) as StructNode));
  await doc.destroy();
  return pages;
}

describe('the incremental PDF', { timeout: 300_000 }, () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(['deckmark pdf', 'serve --pdf'])('after random edits, each export equals a full export of the same deck (%s)', async (mode) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(
      path.join(dir, 'kvadrat.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#1565c0"/></svg>',
    );
    const deck = path.join(dir, 'deck.md');
    const cache = path.join(dir, 'cache');
    const slides = startSlides();
    const pick = (
      (next) => (n: number) =>
        Math.floor(next() * n)
    )(seededRandom(19));

    const exportWith = async (cacheDir: string, out: string) => {
      vi.stubEnv('DECKMARK_CACHE_DIR', cacheDir);
      const [result] = await exportPdf(deck, { out });
      return result;
    };
    // As the dev server prints: one browser, the deck built into its folder, the print view loaded ahead.
    const browser = mode === 'serve --pdf' ? await launchBrowser() : undefined;
    const ahead = countedAhead();
    const printWith = async (out: string) => {
      if (!browser) return exportWith(cache, out);
      const built = await buildDeck(deck, { outDir: path.join(dir, 'site') });
      const result = await renderPdf(browser, built.output, built.deck, built.deck.meta.pdf, undefined, ahead);
      writeFileSync(out, result.bytes);
      return { ...result, file: out };
    };

    let reusing = 0; // rounds that took pages from the last export (not all: see the test of the file's growth)
    try {
      for (let round = 0; round <= EDITS.length + 2; round++) {
        // Every kind of edit once (rounds 1–6), then at random; sometimes two in one round.
        const kinds =
          round === 0 ? [] : [EDITS[(round - 1) % EDITS.length], ...(round > EDITS.length || pick(2) ? [EDITS[pick(EDITS.length)]] : [])];
        const edits = round === 0 ? ['first export'] : kinds.map((edit) => edit(slides, round, pick));
        writeFileSync(deck, FRONT + slides.join('\n\n---\n\n'));
        vi.stubEnv('DECKMARK_CACHE_DIR', cache);
        const inc = await printWith(path.join(dir, `inc-${round}.pdf`));
        const full = await exportWith(path.join(dir, `fresh-${round}`), path.join(dir, `full-${round}.pdf`));
        const what = `round ${round}: ${edits.join(', ')}`;

        expect(full.reusedPages, what).toBe(0);
        if (round === 0) expect(inc.reusedPages, what).toBe(0);
        if (inc.reusedPages > 0) reusing++;
        const [a, b] = await Promise.all([readPdf(inc.file), readPdf(full.file)]);
        expect(a.pages.length, what).toBe(b.pages.length);
        a.pages.forEach((page, i) => {
          expect(page.text, `${what}, page ${i + 1}`).toBe(b.pages[i].text);
          expect(page.links, `${what}, page ${i + 1}`).toEqual(b.pages[i].links);
        });
        expect(a.outline, what).toEqual(b.outline);
        expect({ ...a.info, CreationDate: 0, ModDate: 0 }, what).toEqual({ ...b.info, CreationDate: 0, ModDate: 0 });
        expect(await structure(inc.file), what).toEqual(await structure(full.file));
        const said = (r: typeof inc) => r.diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`).sort();
        expect(said(inc), what).toEqual(said(full));
      }
    } finally {
      await ahead.close();
      await browser?.close();
    }
    expect(reusing).toBeGreaterThanOrEqual(EDITS.length);
    if (browser) expect(Math.min(ahead.taken, ahead.loaded)).toBeGreaterThanOrEqual(EDITS.length); // not all: a theme or size change, or a growth reprint
  });

  it('loads a deck whose slides have scripts whole in serve --pdf: scripts put in later would not run', async () => {
    const { dir, cache, deck } = project();
    vi.stubEnv('DECKMARK_CACHE_DIR', cache);
    const slide = (n: number) =>
      `# Skript\n\n<p id="ut"></p><script>document.getElementById('ut').textContent = 'skrevet av skript ' + ${n};</script>`;
    const browser = await launchBrowser();
    const ahead = countedAhead();
    try {
      for (const n of [1, 2]) {
        writeFileSync(deck, `${FRONT}\n# Første\n\n---\n\n${slide(n)}\n`);
        const built = await buildDeck(deck, { outDir: path.join(dir, 'site') });
        const result = await renderPdf(browser, built.output, built.deck, built.deck.meta.pdf, undefined, ahead);
        writeFileSync(path.join(dir, `${n}.pdf`), result.bytes);
        expect(result.reusedPages).toBe(n === 1 ? 0 : 1);
        expect((await readPdf(path.join(dir, `${n}.pdf`))).pages[1].text).toContain(`skrevet av skript ${n}`);
      }
    } finally {
      await ahead.close();
      await browser.close();
    }
    expect(ahead.taken).toBe(0);
  });

  it('prints only the changed slide, and nothing for an unchanged deck', async () => {
    const { deck, out } = project();
    const slides = Array.from({ length: 12 }, (_, i) => `## Lysbilde ${i + 1}\n\nTekst ${i + 1}.`);
    writeFileSync(deck, FRONT + slides.join('\n\n---\n\n'));
    expect((await exportPdf(deck, { out }))[0].reusedPages).toBe(0);
    expect((await exportPdf(deck, { out }))[0]).toMatchObject({ pages: 12, reusedPages: 12 });
    slides[4] = '## Lysbilde 5\n\nEndret.';
    writeFileSync(deck, FRONT + slides.join('\n\n---\n\n'));
    expect((await exportPdf(deck, { out }))[0]).toMatchObject({ pages: 12, reusedPages: 11 });
    expect((await readPdf(out)).pages[4].text).toContain('Endret');
  });

  it('prints everything again before pages of many prints (each with its own font subsets) make the file grow', async () => {
    const { deck, out } = project();
    const slides = Array.from({ length: 6 }, (_, i) => `## Lysbilde ${i + 1}\n\nTekst ${i + 1}.`);
    const runs: Array<{ reusedPages: number; bytes: number }> = [];
    for (let edit = 0; edit < 8; edit++) {
      if (edit > 0) slides[edit % slides.length] += ` Endring ${edit}: ${'æøå ÆØÅ 0123456789 '.slice(0, 4 + edit)}`;
      writeFileSync(deck, FRONT + slides.join('\n\n---\n\n'));
      runs.push((await exportPdf(deck, { out }))[0]);
    }
    expect(runs.slice(1).some((r) => r.reusedPages > 0)).toBe(true);
    expect(runs.slice(2).some((r) => r.reusedPages === 0)).toBe(true); // a full print again
    // Kept to 1.5× the full print before a splice, plus what one print adds (this deck is mostly fonts).
    for (const r of runs) expect(r.bytes).toBeLessThan(runs[0].bytes * 2.6);
  });

  it('reuses the pages on the second export into a new folder, though the deck then links its PDF', async () => {
    const { dir, deck } = project();
    writeFileSync(deck, FRONT + ['## En\n\nTekst.', '## To\n\nTekst.'].join('\n\n---\n\n'));
    const out = path.join(dir, 'dist');
    expect((await exportPdf(deck, { out }))[0].reusedPages).toBe(0);
    expect(readFileSync(path.join(out, 'deck/index.html'), 'utf8')).toContain('class="dm-pdf-link"');
    expect((await exportPdf(deck, { out }))[0].reusedPages).toBe(2);
  });

  it('prints the deck whole when the kept PDF is damaged', async () => {
    const { cache, deck, out } = project();
    const slides = ['## En\n\nTekst.', '## To\n\nTekst.', '## Tre\n\nTekst.'];
    writeFileSync(deck, FRONT + slides.join('\n\n---\n\n'));
    await exportPdf(deck, { out });
    const [kept] = readdirSync(path.join(cache, 'pdf'));
    const bytes = readFileSync(path.join(cache, 'pdf', kept));
    const pdfAt = bytes.indexOf(0x0a) + 1;
    writeFileSync(path.join(cache, 'pdf', kept), Buffer.concat([bytes.subarray(0, pdfAt), Buffer.from('%PDF-1.4 not really')]));
    slides[1] = '## To\n\nEndret.';
    writeFileSync(deck, FRONT + slides.join('\n\n---\n\n'));
    expect((await exportPdf(deck, { out }))[0]).toMatchObject({ pages: 3, reusedPages: 0 });
    expect((await readPdf(out)).pages.map((p) => p.text)).toEqual(['En Tekst.', 'To Endret.', 'Tre Tekst.']);
    expect((await exportPdf(deck, { out }))[0]).toMatchObject({ pages: 3, reusedPages: 3 }); // kept again
  });

  it('prints every page again after a change of theme or page size', async () => {
    const { deck, out } = project();
    const text = ['## En\n\nTekst.', '## To\n\nTekst.', '## Tre\n\nTekst.'].join('\n\n---\n\n');
    writeFileSync(deck, `${FRONT}${text}`);
    await exportPdf(deck, { out });
    expect((await exportPdf(deck, { out, size: '4:3' }))[0].reusedPages).toBe(0);
    writeFileSync(deck, `${FRONT.replace('lang: nb', 'lang: nb\ntheme: dark')}${text}`);
    expect((await exportPdf(deck, { out }))[0].reusedPages).toBe(0);
    expect((await exportPdf(deck, { out }))[0].reusedPages).toBe(3);
  });
});
