// Gets the exporters a browser: launches headless Chromium, or connects to one running elsewhere
// (a pool such as a browserless container). The only module that loads Puppeteer.
import fs from 'node:fs';
import { rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'puppeteer-core';
import { DeckError } from '../../model/deck-error.js';
import { forgetOpenBrowser, trackOpenBrowser, type OpenBrowser } from './exit-guard.js';
import { BROWSER_WS_ENV, findBrowser } from './find.js';
import { offerFirstPage } from './pages.js';
import { newProfileDir } from './profiles.js';

export interface LaunchBrowserOptions {
  /** The browser to run. @defaultValue the result of {@link findBrowser} */
  executablePath?: string;
  /** Pass `--no-sandbox`. Also on automatically as root, in a container, or when `CI` is set. @defaultValue false */
  noSandbox?: boolean;
  /**
   * Connect to this running browser (`ws://…` or `http://host:port`) instead of launching one; it
   * must see the deck's files at the same paths (same machine or a shared volume).
   * @defaultValue `$DECKMARK_BROWSER_WS`, else launch
   */
  browserWsEndpoint?: string;
}

const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-sync',
  '--disable-quic',
  '--font-render-hinting=none',
];

function wantsNoSandbox(asked: boolean | undefined): boolean {
  const ci = process.env.CI;
  return (
    asked === true ||
    process.getuid?.() === 0 ||
    fs.existsSync('/.dockerenv') ||
    (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0')
  );
}

function waitForExit(child: ChildProcess | null, ms: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts a headless browser with a fresh profile folder, removed when the browser closes or
 * disconnects. `browser.close()` resolves only once that folder is gone. With a browser endpoint
 * (option or `$DECKMARK_BROWSER_WS`), connects to that browser instead.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<Browser> {
  const endpoint = options.browserWsEndpoint ?? (process.env[BROWSER_WS_ENV] || undefined);
  if (endpoint) return connectBrowser(endpoint);
  const executablePath = options.executablePath ?? findBrowser();
  const args = wantsNoSandbox(options.noSandbox) ? [...LAUNCH_ARGS, '--no-sandbox'] : [...LAUNCH_ARGS];
  const userDataDir = await newProfileDir();
  const { launch } = await import('puppeteer-core');

  let browser: Browser;
  try {
    browser = await launch({
      executablePath,
      headless: true,
      args,
      userDataDir,
      pipe: true,
      protocolTimeout: 60_000,
      timeout: 30_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeckError('export-failed', `Could not start the browser ${executablePath}: ${reason}`, {
      hint: 'check that it runs (`<browser> --version`), or point PUPPETEER_EXECUTABLE_PATH at another one',
    });
  }

  const open: OpenBrowser = { process: browser.process(), userDataDir };
  trackOpenBrowser(open);
  const [blank] = await browser.pages().catch(() => []);
  if (blank) offerFirstPage(browser, blank);

  let cleaned: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleaned ??= (async () => {
      await waitForExit(open.process, 5_000);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      forgetOpenBrowser(open);
    })());
  browser.once('disconnected', () => void cleanUp());

  const close = browser.close.bind(browser);
  browser.close = async () => {
    try {
      await close();
    } finally {
      await cleanUp();
    }
  };
  return browser;
}

/**
 * Connects to the browser at `endpoint`: a `ws://…` DevTools endpoint, or the `http://host:port`
 * of a browser's remote-debugging port. `close()` only disconnects: the browser is not ours to
 * stop, and the pages we opened are closed by whoever lent them.
 */
async function connectBrowser(endpoint: string): Promise<Browser> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    url = new URL('invalid:');
  }
  const byHttp = url.protocol === 'http:' || url.protocol === 'https:';
  if (!byHttp && url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new DeckError('usage', `the browser endpoint must be a ws://, wss:// or http:// URL, not "${endpoint}"`);
  }
  const { connect } = await import('puppeteer-core');
  let browser: Browser;
  try {
    browser = await connect({
      ...(byHttp ? { browserURL: endpoint } : { browserWSEndpoint: endpoint }),
      protocolTimeout: 60_000,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DeckError('export-failed', `Could not connect to the browser at ${endpoint}: ${reason}`, {
      hint: `check that it runs and is reachable, or unset ${BROWSER_WS_ENV} / --browser-ws-endpoint to launch one here`,
    });
  }
  browser.close = async () => {
    if (browser.connected) await browser.disconnect();
  };
  return browser;
}

/** Launches a browser, runs `fn` with it, and always closes it. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: LaunchBrowserOptions = {}): Promise<T> {
  const browser = await launchBrowser(options);
  let failed = true;
  try {
    const result = await fn(browser);
    failed = false;
    return result;
  } finally {
    await browser.close().catch((error: unknown) => {
      browser.process()?.kill('SIGKILL');
      if (!failed) throw error;
    });
  }
}
