// Measures `deckmark present`'s press → slide latency in Chromium: a remote page at phone size
// taps Next, the presenter's deck steps, and two audience decks follow; the time from the tap's
// click event on the remote to each audience page's `slidechanged` (Date.now() in both pages:
// one machine, one clock). Run: npm run build && npx tsx bench/present-latency.ts [presses=30]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { formatDiagnostic, formatError } from '../src/cli/report.js';
import { launchBrowser } from '../src/export/browser/launch.js';
import { startPresentServer } from '../src/server/present/present-server.js';

const PRESSES = Number(process.argv[2] ?? 30);
const POLL = { polling: 20, timeout: 10_000 };

interface Timed {
  __times: number[];
  Reveal: { isReady(): boolean; on(type: string, fn: () => void): void; getIndices(): { h: number } };
  deckmarkPresent?: { status: string };
  deckmarkRemote?: { status: string; presenters: number };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'deckmark-present-latency-'));
const deck = path.join(dir, 'talk.md');
writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
writeFileSync(
  deck,
  ['---', 'title: Latency', '---', '', ...Array.from({ length: PRESSES + 1 }, (_, i) => `## Slide ${i + 1}\n`)].join('\n---\n\n'),
);
const server = await startPresentServer({ input: deck, port: 0, reporter: { log: () => undefined, formatError, formatDiagnostic } });
const browser = await launchBrowser();
try {
  const openDeck = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as Timed).deckmarkPresent?.status === 'live', POLL);
    await page.evaluate(() => {
      const w = window as unknown as Timed;
      w.__times = [];
      w.Reveal.on('slidechanged', () => w.__times.push(Date.now()));
    });
    return page;
  };
  await openDeck(server.presenterUrl);
  const audience = [await openDeck(server.audienceUrl), await openDeck(server.audienceUrl)];
  const remote = await browser.newPage();
  await remote.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await remote.goto(server.remoteUrl);
  await remote.waitForFunction(() => (window as unknown as Timed).deckmarkRemote?.presenters === 1, POLL);
  await remote.evaluate(() => {
    const w = window as unknown as Timed;
    w.__times = [];
    document.getElementById('next')!.addEventListener('click', () => w.__times.push(Date.now()), { capture: true });
  });
  const next = (await remote.$('#next'))!;
  for (let i = 1; i <= PRESSES; i++) {
    await next.tap();
    await Promise.all(
      audience.map((page) => page.waitForFunction((h) => (window as unknown as Timed).Reveal.getIndices().h === h, POLL, i)),
    );
    await new Promise((r) => setTimeout(r, 150));
  }
  const pressed = await remote.evaluate(() => (window as unknown as Timed).__times);
  const latencies = (await Promise.all(audience.map((page) => page.evaluate(() => (window as unknown as Timed).__times))))
    .flatMap((moved) => moved.map((t, i) => t - pressed[i]))
    .sort((a, b) => a - b);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  console.log(`present in Chromium, ${new Date().toISOString()}: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
  console.log(`${PRESSES} taps on the remote → 2 audience pages: ${latencies.length} steps`);
  console.log(`tap → audience slidechanged: p50 ${at(50)} ms, p95 ${at(95)} ms, max ${latencies[latencies.length - 1]} ms`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
