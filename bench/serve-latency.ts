// Measures `deckmark serve`'s save → updated slide latency in Chromium: the time from just
// before a deck file is written to the moment the open page's DOM shows the new text on the slide
// it shows, for the example deck and a generated 100-slide deck. Run: npx tsx bench/serve-latency.ts [runs]
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { formatDiagnostic, formatError } from '../src/cli/report.js';
import { launchBrowser } from '../src/export/browser/launch.js';
import { withPage } from '../src/export/browser/pages.js';
import { startServer } from '../src/server/dev-server.js';
import { writeDecks } from './decks.js';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.argv[2] ?? 10);
/** Longer than the watcher's second look at a file, so runs do not merge. */
const PAUSE_MS = 250;

interface Case {
  name: string;
  deck: string;
}

interface Result {
  name: string;
  slides: number;
  /** Save → the page's DOM has the new text; and → the next animation frame after that. */
  dom: number[];
  frame: number[];
  /** The parts of `dom`: save → the page gets the server's message (watch, the rebuild up to
   * the rendered page), then the swap (with the changed slides in the message, no fetch of the page). */
  untilMessage: number[];
  swap: number[];
  /** Updates for which the page fetched itself (the changed slides not in the message). */
  fetched: number;
  /** The whole rebuild, as the server logs it: it goes on after the message (checks, reading view, writes). */
  build: number[];
}

/** A project folder (package.json) holding the decks, so their images are inside it. */
function makeCases(): { root: string; cases: Case[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'deckmark-bench-serve-'));
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n');
  const example = path.join(root, 'example');
  mkdirSync(example);
  copyFileSync(path.join(REPO, 'slides/strategi-sosiale-medier.md'), path.join(example, 'strategi-sosiale-medier.md'));
  cpSync(path.join(REPO, 'slides/img'), path.join(example, 'img'), { recursive: true });
  const generated = writeDecks(path.join(root, 'generated'), [100]).get(100)!;
  return {
    root,
    cases: [
      { name: 'strategi-sosiale-medier (example)', deck: path.join(example, 'strategi-sosiale-medier.md') },
      { name: 'generated, 100 slides', deck: generated },
    ],
  };
}

/**
 * The deck's text with `token` added to the heading of its third slide: the slide the page
 * shows, as an author edits the slide in front of them (both bench decks have one `#` or `##`
 * heading per slide at the start).
 */
function withToken(text: string, token: string): string {
  let n = 0;
  return text.replace(/^(#{1,2} .*)$/gm, (line) => (n++ === 2 ? `${line} ${token}` : line));
}

/** Watches the slides for `token`; resolves to epoch ms of the DOM change and of the next frame. */
function armObserver(page: Page, token: string): Promise<void> {
  return page.evaluate((token) => {
    const w = window as unknown as { __seen?: Promise<{ dom: number; frame: number }> };
    const slides = document.querySelector('.reveal .slides')!;
    w.__seen = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!slides.textContent?.includes(token)) return;
        const dom = performance.timeOrigin + performance.now();
        observer.disconnect();
        requestAnimationFrame(() => resolve({ dom, frame: performance.timeOrigin + performance.now() }));
      });
      observer.observe(slides, { childList: true, subtree: true, characterData: true });
    });
  }, token);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs: number[]): string =>
  `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;

async function measure(page: Page, c: Case, printed: string[], url: string): Promise<Result> {
  const slug = path.basename(c.deck, '.md');
  await page.goto(`${url}${slug}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as any).Reveal?.isReady() && (window as any).deckmarkLiveReload?.connected);
  await page.evaluate(() => (window as any).Reveal.slide(2));
  const slides = await page.evaluate(() => (window as any).Reveal.getTotalSlides() as number);
  const original = readFileSync(c.deck, 'utf8');
  const result: Result = { name: c.name, slides, dom: [], frame: [], untilMessage: [], swap: [], fetched: 0, build: [] };
  // Run 0 warms up (the first rebuild loads the highlighter and fills caches; the page fetches
  // itself once, to have slides to compare with) and is not counted.
  let fetchesBefore = 0;
  for (let run = 0; run <= RUNS; run++) {
    const token = `[bench-${run}-${Date.now()}]`;
    await armObserver(page, token);
    const logged = printed.length;
    const before = Date.now();
    writeFileSync(c.deck, withToken(original, token));
    const seen = await page.evaluate(() => (window as any).__seen as Promise<{ dom: number; frame: number }>);
    const { message, fetches } = await page.evaluate(() => {
      const live = (window as any).deckmarkLiveReload as { lastMessageAt: number; fetches: number };
      return { message: live.lastMessageAt, fetches: live.fetches };
    });
    await new Promise((r) => setTimeout(r, PAUSE_MS));
    const build = printed
      .slice(logged)
      .map((l) => /^rebuilt .* in (\d+) ms$/.exec(l)?.[1])
      .find(Boolean);
    if (run === 0) {
      fetchesBefore = fetches;
      continue;
    }
    result.dom.push(seen.dom - before);
    result.frame.push(seen.frame - before);
    result.untilMessage.push(message - before);
    result.swap.push(seen.dom - message);
    result.fetched = fetches - fetchesBefore;
    if (build) result.build.push(Number(build));
  }
  const where = await page.evaluate(() => (window as any).Reveal.getIndices().h as number);
  if (where !== 2) throw new Error(`${c.name}: the page left slide 3 (now ${where + 1})`);
  const shown = await page.evaluate(() => document.querySelector('.reveal .slides section.present')?.textContent ?? '');
  if (!shown.includes(`[bench-${RUNS}-`)) throw new Error(`${c.name}: the edit is not on the slide shown`);
  writeFileSync(c.deck, original);
  return result;
}

const { root, cases } = makeCases();
const printed: string[] = [];
const browser = await launchBrowser();
const results: Result[] = [];
try {
  for (const c of cases) {
    const server = await startServer({
      input: c.deck,
      port: 0,
      reporter: { log: (line) => printed.push(line), formatError, formatDiagnostic },
    });
    try {
      results.push(
        await withPage(browser, (page) => measure(page, c, printed, server.url), {
          viewport: { width: 1280, height: 720 },
          allow: (u) => u.startsWith(server.url) || u.startsWith(server.url.replace('http:', 'ws:')),
        }),
      );
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
  rmSync(root, { recursive: true, force: true });
}

process.stdout.write(`deckmark serve: save → new text in the page (Chromium, ${RUNS} runs after 1 warm-up, ${os.cpus().length} cores)\n`);
for (const r of results) {
  process.stdout.write(`\n${r.name} (${r.slides} slides)\n`);
  process.stdout.write(`  DOM updated       ${fmt(r.dom)}\n`);
  process.stdout.write(`  next frame        ${fmt(r.frame)}\n`);
  process.stdout.write(`  save → message    ${fmt(r.untilMessage)} (watch, rebuild up to the rendered page, message)\n`);
  if (r.build.length)
    process.stdout.write(`  whole rebuild     ${fmt(r.build)} (the server's timing; the message goes before the checks and writes)\n`);
  process.stdout.write(`  message → swapped ${fmt(r.swap)} (${r.fetched} of ${r.dom.length} updates fetched the page)\n`);
}
