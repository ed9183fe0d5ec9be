// Tests finding a browser (with injected file checks) and launching real Chromium with offline pages.
import fs from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/export/browser/find.js';
import { launchBrowser, withBrowser } from '../../src/export/browser/launch.js';
import { blockedRequests, withPage } from '../../src/export/browser/pages.js';
import { DeckError } from '../../src/model/deck-error.js';

const nothing = (): string[] => [];

describe('findBrowser', () => {
  it('returns PUPPETEER_EXECUTABLE_PATH when that file exists', () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: '/opt/my/chrome', CHROME_PATH: '/opt/other/chrome' };
    const found = findBrowser(env, 'linux', (file) => file === '/opt/my/chrome' || file === '/usr/bin/chromium', nothing);
    expect(found).toBe('/opt/my/chrome');
  });

  it('refuses a PUPPETEER_EXECUTABLE_PATH that points at a missing file, rather than pick another browser', () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: '/missing/chrome', HOME: '/home/u' };
    expect(() => findBrowser(env, 'linux', (file) => file === '/usr/bin/chromium', nothing)).toThrow(
      expect.objectContaining({
        code: 'browser-not-found',
        message: expect.stringMatching(/PUPPETEER_EXECUTABLE_PATH is set to \/missing\/chrome/),
      }),
    );
  });

  it('uses CHROME_PATH when PUPPETEER_EXECUTABLE_PATH is not set', () => {
    const env = { CHROME_PATH: '/opt/chrome' };
    expect(findBrowser(env, 'linux', (file) => file === '/opt/chrome', nothing)).toBe('/opt/chrome');
  });

  it("uses the newest build in Puppeteer's cache before system paths", () => {
    const env = { PUPPETEER_CACHE_DIR: '/cache' };
    const readdir = (dir: string): string[] => (dir === '/cache/chrome' ? ['linux-9.0.1', 'linux-131.0.6778.85'] : []);
    const found = findBrowser(env, 'linux', (file) => file.startsWith('/cache/') || file === '/usr/bin/chromium', readdir);
    expect(found).toBe('/cache/chrome/linux-131.0.6778.85/chrome-linux64/chrome');
  });

  it('looks under Program Files and LOCALAPPDATA on Windows', () => {
    const env = {
      ProgramFiles: 'C:\\Program Files',
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
      USERPROFILE: 'C:\\Users\\u',
    };
    const edge = 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(env, 'win32', (file) => file === edge, nothing)).toBe(edge);
  });

  it('throws browser-not-found listing every path tried and how to get a browser', () => {
    const env = { HOME: '/home/u' };
    let error: unknown;
    try {
      findBrowser(env, 'linux', () => false, nothing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeckError);
    const { code, message, hint } = error as DeckError;
    expect(code).toBe('browser-not-found');
    for (const tried of [
      '/home/u/.cache/puppeteer/chrome/*/chrome-linux64/chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/google-chrome',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/microsoft-edge',
    ]) {
      expect(message).toContain(tried);
    }
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('npx @puppeteer/browsers install chrome@stable');
    expect(message).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(message).not.toContain('\n');
    expect(hint).toBeTruthy();
  });

  it('lists the macOS application paths', () => {
    expect(() => findBrowser({ HOME: '/Users/u' }, 'darwin', () => false, nothing)).toThrow(
      /\/Applications\/Google Chrome\.app\/Contents\/MacOS\/Google Chrome.*Microsoft Edge\.app/,
    );
  });
});

/** The profile folder Chromium was started with. */
function userDataDirOf(args: string[]): string {
  const arg = args.find((a) => a.startsWith('--user-data-dir='));
  if (!arg) throw new Error(`no --user-data-dir in ${args.join(' ')}`);
  return arg.slice('--user-data-dir='.length);
}

describe('launchBrowser and withPage', { timeout: 60_000 }, () => {
  it('loads a data: page', async () => {
    const title = await withBrowser((browser) =>
      withPage(browser, async (page) => {
        await page.goto('data:text/html,<title>hello deckmark</title><p>hi</p>');
        return page.title();
      }),
    );
    expect(title).toBe('hello deckmark');
  });

  it('lends pages at once that are all shown: each gets animation frames (a hidden tab would wait for ever)', async () => {
    const frameAndState = (page: Parameters<Parameters<typeof withPage>[1]>[0]) =>
      page.evaluate(
        () =>
          new Promise<string>((done) => {
            requestAnimationFrame(() => done(document.visibilityState));
            setTimeout(() => done('no frame in 5 s'), 5_000);
          }),
      );
    const states = await withBrowser((browser) =>
      // The second page opened while the first is still lent: it would be the tab in front.
      withPage(browser, (first) => withPage(browser, async (second) => [await frameAndState(first), await frameAndState(second)])),
    );
    expect(states).toEqual(['visible', 'visible']);
  });

  it('aborts outside requests at once and records them', async () => {
    await withBrowser(async (browser) => {
      const started = Date.now();
      const blocked = await withPage(browser, async (page) => {
        await page.goto('data:text/html,<img src="https://example.com/x.png"><p>offline</p>', { waitUntil: 'load' });
        return blockedRequests(page);
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(blocked).toEqual(['https://example.com/x.png']);
    });
  });

  it('lends the blank tab the browser opened with first (one window fewer), then pages in windows of their own', async () => {
    await withBrowser(async (browser) => {
      const [blank] = await browser.pages();
      await withPage(browser, async (first) => {
        expect(first).toBe(blank);
        await withPage(browser, async (second) => expect(second).not.toBe(blank));
      });
      await withPage(browser, async (again) => expect(again).not.toBe(blank)); // closed with its first use
    });
  });

  it('lets through what allow() accepts and closes the page', async () => {
    await withBrowser(async (browser) => {
      const seen: string[] = [];
      let lent: Page | undefined;
      const blocked = await withPage(
        browser,
        async (page) => {
          lent = page;
          await page.goto('data:text/html,<img src="https://a.test/1.png"><img src="https://b.test/2.png">');
          return blockedRequests(page);
        },
        {
          allow: (url) => {
            seen.push(url);
            return url.startsWith('https://a.test/');
          },
          viewport: { width: 800, height: 600 },
        },
      );
      expect(seen).toContain('https://a.test/1.png');
      expect(blocked).toEqual(['https://b.test/2.png']);
      expect(lent!.isClosed()).toBe(true);
      expect(await browser.pages()).not.toContain(lent);
    });
  });

  it('removes its profile folder when the browser closes', async () => {
    const browser = await launchBrowser();
    const dir = userDataDirOf(browser.process()?.spawnargs ?? []);
    expect(dir).toMatch(/deckmark-chrome-/);
    expect(fs.existsSync(dir)).toBe(true);
    await browser.close();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('removes its profile folder when the browser dies', async () => {
    const browser = await launchBrowser();
    const dir = userDataDirOf(browser.process()?.spawnargs ?? []);
    const gone = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
    browser.process()?.kill('SIGKILL');
    await gone;
    await browser.close();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('closes the browser when the work throws', async () => {
    let pid: number | undefined;
    await expect(
      withBrowser(async (browser) => {
        pid = browser.process()?.pid;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(pid).toBeDefined();
    expect(() => process.kill(pid as number, 0)).toThrow();
  });
});
