// Finds and launches Chrome/Chromium and lends out offline pages: the only module that imports Puppeteer.
import fs from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { DeckError } from '../model/deck-error.js';
import { madeByDeadProcess } from '../build/stale-temps.js';
import { guardPage, type PageGuard, type PageIncident } from './page-guard.js';

/** Tells whether a path is an existing executable file. */
export type ExistsFn = (file: string) => boolean;
/** Lists a folder's entries; [] when it cannot be read. */
export type ReaddirFn = (dir: string) => string[];

export interface LaunchBrowserOptions {
  /** The browser to run. @defaultValue the result of {@link findBrowser} */
  executablePath?: string;
  /** Pass `--no-sandbox`. Also on automatically as root, in a container, or when `CI` is set. @defaultValue false */
  noSandbox?: boolean;
}

export interface WithPageOptions {
  /** Lets an outside (http:, https:, ws:…) request through; every other one is aborted. @defaultValue none allowed */
  allow?: (url: string) => boolean;
  /** Only `file:` URLs inside this folder go through (the deck's own files); others are blocked like outside ones. @defaultValue any file */
  files?: string;
  viewport?: { width: number; height: number };
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

/** Schemes that never reach the network. */
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:', 'about:'];

const HOW_TO_GET_ONE =
  'Install one (Debian/Ubuntu: `apt-get install chromium`; anywhere: `npx @puppeteer/browsers install chrome@stable`) ' +
  'or set PUPPETEER_EXECUTABLE_PATH to the path of a Chrome, Chromium or Edge executable.';

// ---------------------------------------------------------------- finding

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** Reads an environment variable; case-insensitively on Windows, as Windows does. */
function envValue(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name] || undefined;
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key && env[key]) || undefined;
}

/** Compares folder names like `linux-131.0.6778.85` by their version numbers, newest first. */
function newestFirst(a: string, b: string): number {
  const va = (a.match(/\d+/g) ?? []).map(Number);
  const vb = (b.match(/\d+/g) ?? []).map(Number);
  for (let i = 0; i < Math.max(va.length, vb.length); i++) {
    const d = (vb[i] ?? -1) - (va[i] ?? -1);
    if (d !== 0) return d;
  }
  return b.localeCompare(a);
}

/** Paths inside one Puppeteer build folder (`<cache>/chrome/<build>/`) that hold the browser. */
function cacheExecutables(platform: NodeJS.Platform): string[][] {
  const forTesting = ['Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'];
  if (platform === 'darwin')
    return [
      ['chrome-mac-arm64', ...forTesting],
      ['chrome-mac-x64', ...forTesting],
    ];
  if (platform === 'win32') return [['chrome-win64', 'chrome.exe']];
  return [['chrome-linux64', 'chrome']];
}

function systemPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => path.posix.join(home, 'Applications', a))];
  }
  if (platform === 'win32') {
    const roots = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA']
      .map((name) => envValue(env, name, platform))
      .filter((root): root is string => root !== undefined);
    const apps = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, ...app)));
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ];
}

/**
 * Finds a Chrome, Chromium or Edge executable: `PUPPETEER_EXECUTABLE_PATH`, `CHROME_PATH`,
 * Puppeteer's cache (`PUPPETEER_CACHE_DIR` or `~/.cache/puppeteer`, newest build first), then the
 * usual install paths of the platform. Throws a `browser-not-found` DeckError listing every path tried.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: ExistsFn = isExecutableFile,
  readdir: ReaddirFn = readdirOrEmpty,
): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const home = envValue(env, platform === 'win32' ? 'USERPROFILE' : 'HOME', platform) ?? os.homedir();
  const tried: string[] = [];
  const check = (file: string, label = file): boolean => {
    tried.push(label);
    return exists(file);
  };

  // A browser named explicitly is the one to use: a wrong path is an error, not a reason to pick another.
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const file = envValue(env, name, platform);
    if (!file) continue;
    if (exists(file)) return file;
    throw new DeckError('browser-not-found', `${name} is set to ${file}, which is not an executable file. ${HOW_TO_GET_ONE}`, {
      hint: `fix or unset ${name}`,
    });
  }

  const cache = envValue(env, 'PUPPETEER_CACHE_DIR', platform) ?? join(home, '.cache', 'puppeteer');
  const builds = readdir(join(cache, 'chrome')).sort(newestFirst);
  for (const inner of cacheExecutables(platform)) {
    const found = builds.map((build) => join(cache, 'chrome', build, ...inner)).find((file) => exists(file));
    tried.push(join(cache, 'chrome', '*', ...inner));
    if (found) return found;
  }

  for (const file of systemPaths(env, platform, home)) {
    if (check(file)) return file;
  }

  throw new DeckError(
    'browser-not-found',
    `No Chrome, Chromium or Edge found; PDF and image export and \`deckmark check\` need one ` +
      `(\`build\` and \`serve\` do not). Tried: ${tried.join(', ')}. ${HOW_TO_GET_ONE}`,
    {
      hint: 'apt-get install chromium, or npx @puppeteer/browsers install chrome@stable, or set PUPPETEER_EXECUTABLE_PATH',
    },
  );
}

// ---------------------------------------------------------------- launching

interface OpenBrowser {
  process: ChildProcess | null;
  userDataDir: string;
}

/** Browsers launched and not yet closed, killed if the process exits or is interrupted. */
const openBrowsers = new Set<OpenBrowser>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function killOpenBrowsers(): void {
  for (const open of openBrowsers) {
    try {
      open.process?.kill('SIGKILL');
    } catch {
      // already gone
    }
    try {
      fs.rmSync(open.userDataDir, { recursive: true, force: true });
    } catch {
      // the OS cleans its temp folder eventually; exiting matters more here
    }
  }
  openBrowsers.clear();
  unwatchProcess();
}

function onSignal(signal: NodeJS.Signals): void {
  killOpenBrowsers();
  // Our listener replaced Node's default action; restore it unless someone else handles the signal.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function watchProcess(): void {
  if (openBrowsers.size !== 1) return;
  process.on('exit', killOpenBrowsers);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unwatchProcess(): void {
  if (openBrowsers.size !== 0) return;
  process.off('exit', killOpenBrowsers);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

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

const PROFILE_PREFIX = 'deckmark-chrome-';
/** Profiles of versions that did not name the process: stale when untouched for this long. */
const UNNAMED_PROFILE_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the browser profiles that killed runs left in the temp folder (a SIGKILL runs no
 * clean-up): those of processes that are gone, and old ones from before profiles named theirs.
 */
async function removeStaleProfiles(): Promise<void> {
  const tmp = os.tmpdir();
  const names = (await readdir(tmp).catch(() => [])).filter((n) => n.startsWith(PROFILE_PREFIX));
  for (const name of names) {
    const dead = madeByDeadProcess(name.slice(PROFILE_PREFIX.length));
    const stale =
      dead ??
      (await stat(path.join(tmp, name)).then(
        (s) => Date.now() - s.mtimeMs > UNNAMED_PROFILE_AGE_MS,
        () => false,
      ));
    if (stale) await rm(path.join(tmp, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Starts a headless browser with a fresh profile folder, removed when the browser closes or
 * disconnects. `browser.close()` resolves only once that folder is gone.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? findBrowser();
  const args = wantsNoSandbox(options.noSandbox) ? [...LAUNCH_ARGS, '--no-sandbox'] : [...LAUNCH_ARGS];
  await removeStaleProfiles();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
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
  openBrowsers.add(open);
  watchProcess();

  let cleaned: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleaned ??= (async () => {
      await waitForExit(open.process, 5_000);
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      openBrowsers.delete(open);
      unwatchProcess();
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

// ---------------------------------------------------------------- pages

const blockedByPage = new WeakMap<Page, string[]>();

/** The outside URLs a page lent by {@link withPage} tried to load and was refused, in order. */
export function blockedRequests(page: Page): string[] {
  return [...(blockedByPage.get(page) ?? [])];
}

const incidentsByPage = new WeakMap<Page, PageIncident[]>();

/** What the deck's scripts did that the page guard undid (dialogs, navigations, runaway scripts), in order. */
export function pageIncidents(page: Page): PageIncident[] {
  return [...(incidentsByPage.get(page) ?? [])];
}

function isLocalUrl(url: string): boolean {
  return LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme));
}

/** True for a `file:` URL of a file inside `folder` (`<iframe src="file:///etc/passwd">` is not). */
function isFileInside(folder: string, url: string): boolean {
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return false; // file://host/… and the like
  }
  const rel = path.relative(path.resolve(folder), file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Opens a page, runs `fn` with it, and always closes it. The deck's dialogs, navigations away
 * and runaway scripts are undone (see page-guard.ts, {@link pageIncidents}). Requests to `file:` (inside `files`
 * when given), `data:`, `blob:` and `about:` URLs, and those `allow` accepts, go through; all
 * others are aborted at once and recorded (see {@link blockedRequests}), so a closed network
 * never makes a page hang and a deck cannot print the machine's files.
 */
export async function withPage<T>(browser: Browser, fn: (page: Page) => Promise<T>, options: WithPageOptions = {}): Promise<T> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  blockedByPage.set(page, blocked);
  let failed = true;
  let guard: PageGuard | undefined;
  try {
    guard = await guardPage(page);
    incidentsByPage.set(page, guard.incidents);
    if (options.viewport) await page.setViewport(options.viewport);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      // One the page did not cancel itself (page-guard.ts): cancelled, not blocked, which would show an error page.
      if (guard!.isNavigationAway(request)) return void request.abort('aborted').catch(() => undefined);
      const url = request.url();
      let allowed = isLocalUrl(url) && (!options.files || !url.startsWith('file:') || isFileInside(options.files, url));
      if (!allowed && options.allow) {
        try {
          allowed = options.allow(url);
        } catch {
          allowed = false;
        }
      }
      if (allowed) {
        request.continue().catch(() => undefined);
      } else {
        blocked.push(url);
        request.abort('blockedbyclient').catch(() => undefined);
      }
    });
    const result = await fn(page);
    failed = false;
    return result;
  } finally {
    await guard?.stop();
    if (!page.isClosed()) {
      await page.close().catch((error: unknown) => {
        if (!failed && browser.connected) throw error;
      });
    }
  }
}

/** {@link withPage} for a built deck (`deckHtml`, its index.html): of the machine's files, only the deck's folder is read. */
export function withDeckPage<T>(
  browser: Browser,
  deckHtml: string,
  fn: (page: Page) => Promise<T>,
  options: WithPageOptions = {},
): Promise<T> {
  return withPage(browser, fn, { ...options, files: path.dirname(deckHtml) });
}

/** Why no browser can be used here, in one line; undefined when one is found. */
export function browserProblem(): string | undefined {
  try {
    findBrowser();
    return undefined;
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    return `no Chrome or Chromium found (${error.hint})`;
  }
}
