// Exporting through a browser that runs elsewhere (--browser-ws-endpoint / DECKMARK_BROWSER_WS):
// here a second local Chromium started with --remote-debugging-port, as a browser pool would run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '../../src/api/index.js';
import { buildDeck } from '../../src/build/build-deck.js';
import { createPdfKeeper, DECKS_PRINTED_AHEAD } from '../../src/export/pdf-keeper.js';
import { findBrowser } from '../../src/export/browser/find.js';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { DeckError } from '../../src/model/deck-error.js';
import { tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/read-pdf.js';
import { until } from '../server/fixture.js';

let remote: ChildProcess;
let profile: string;
let endpoint: string;

/** Starts Chromium listening for DevTools on a free port; resolves with its ws:// endpoint. */
function startRemoteChromium(): Promise<string> {
  profile = mkdtempSync(path.join(os.tmpdir(), 'deckmark-remote-chrome-'));
  remote = spawn(
    findBrowser(),
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    // A process group of its own, so that its helper processes can be killed with it.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    remote.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (found) resolve(found[1]);
    });
    remote.once('exit', (code) => reject(new Error(`the remote Chromium exited (${code}): ${seen}`)));
  });
}

beforeAll(async () => {
  endpoint = await startRemoteChromium();
}, 30_000);

afterAll(async () => {
  // Gone, with its helper processes, before its profile is removed: a dying Chromium still
  // writes into it (a helper left running once failed the removal with ENOTEMPTY).
  const exited = new Promise((resolve) => remote.once('exit', resolve));
  if (remote.pid !== undefined) process.kill(-remote.pid, 'SIGKILL');
  if (remote.exitCode === null && remote.signalCode === null) await exited;
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('a remote browser', () => {
  it('prints the PDF, and is left running with none of our pages open', async () => {
    const dir = tempDir('deckmark-remote-pdf-');
    writeFileSync(path.join(dir, 'package.json'), '{}');
    const deck = path.join(dir, 'talk.md');
    writeFileSync(deck, '# Første\n\nfra en annen nettleser\n\n---\n\n# Andre\n');
    const [pdf] = await exportPdf(deck, { out: path.join(dir, 'site'), browserWsEndpoint: endpoint });
    const read = await readPdf(pdf.file);
    expect(read.pages.map((p) => p.text)).toEqual([expect.stringContaining('fra en annen nettleser'), expect.stringContaining('Andre')]);

    expect(remote.exitCode).toBeNull(); // disconnected from, not closed
    const again = await launchBrowser({ browserWsEndpoint: endpoint });
    try {
      expect((await again.pages()).map((p) => p.url())).toEqual(['about:blank']);
    } finally {
      await again.close();
    }
  }, 60_000);

  it('is found from DECKMARK_BROWSER_WS, and by the http:// address of its debugging port', async () => {
    const port = new URL(endpoint).port;
    process.env.DECKMARK_BROWSER_WS = `http://127.0.0.1:${port}`;
    try {
      const browser = await launchBrowser();
      expect(browser.process()).toBeNull(); // connected, not launched
      expect(await browser.version()).toMatch(/Chrom/);
      await browser.close();
      expect(remote.exitCode).toBeNull();
    } finally {
      delete process.env.DECKMARK_BROWSER_WS;
    }
  });

  it('serve --pdf keeps a page loaded ahead for the decks printed last only, and closes them', async () => {
    const dir = tempDir('deckmark-remote-keeper-');
    writeFileSync(path.join(dir, 'package.json'), '{}');
    const keeper = createPdfKeeper({ browserWsEndpoint: endpoint, log: () => undefined, formatError: (e) => e.message });
    const waiting = async () => {
      const viewer = await launchBrowser({ browserWsEndpoint: endpoint });
      try {
        return (await viewer.pages()).filter((p) => p.url().endsWith('/index.html')).length;
      } finally {
        await viewer.close();
      }
    };
    try {
      for (const name of ['en', 'to', 'tre', 'fire']) {
        const file = path.join(dir, `${name}.md`);
        writeFileSync(file, `# Lysbilde ${name}\n\n---\n\n# Neste\n`);
        keeper.update(await buildDeck(file, { outDir: path.join(dir, 'site'), pdfLink: true }));
        await keeper.settled(name);
      }
      await until(async () => (await waiting()) === DECKS_PRINTED_AHEAD, 10_000);
      await new Promise((r) => setTimeout(r, 300)); // and no more come
      expect(await waiting()).toBe(DECKS_PRINTED_AHEAD);
    } finally {
      await keeper.close();
    }
    expect(await waiting()).toBe(0);
  }, 60_000);

  it('that cannot be reached is a clear error, and a non-URL a usage error', async () => {
    const unreachable = await launchBrowser({ browserWsEndpoint: 'ws://127.0.0.1:9/devtools/browser/none' }).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(DeckError);
    expect(unreachable).toMatchObject({ code: 'export-failed' });
    expect((unreachable as DeckError).message).toMatch(
      /^Could not connect to the browser at ws:\/\/127\.0\.0\.1:9\/devtools\/browser\/none: /,
    );
    const wrong = await launchBrowser({ browserWsEndpoint: 'localhost:3000' }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({
      code: 'usage',
      message: 'the browser endpoint must be a ws://, wss:// or http:// URL, not "localhost:3000"',
    });
  });
});
