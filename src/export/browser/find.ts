// Finds a Chrome, Chromium or Edge on this machine, and says in one line why not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeckError } from '../../model/deck-error.js';

/** Tells whether a path is an existing executable file. */
export type ExistsFn = (file: string) => boolean;
/** Lists a folder's entries; [] when it cannot be read. */
export type ReaddirFn = (dir: string) => string[];

/** Names a running browser to connect to instead of launching one (as `--browser-ws-endpoint` does). */
export const BROWSER_WS_ENV = 'DECKMARK_BROWSER_WS';

const HOW_TO_GET_ONE =
  'Install one (Debian/Ubuntu: `apt-get install chromium`; anywhere: `npx @puppeteer/browsers install chrome@stable`) ' +
  'or set PUPPETEER_EXECUTABLE_PATH to the path of a Chrome, Chromium or Edge executable.';

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
    `No Chrome, Chromium or Edge found; PDF and image export and \`deckmark check\` need one, ` +
      `\`build\` and \`serve\` only for Mermaid diagrams not drawn before. Tried: ${tried.join(', ')}. ${HOW_TO_GET_ONE}`,
    {
      hint: 'apt-get install chromium, or npx @puppeteer/browsers install chrome@stable, or set PUPPETEER_EXECUTABLE_PATH',
    },
  );
}

/** Why no browser can be used here, in one line; undefined when one is found or one to connect to is named. */
export function browserProblem(endpoint = process.env[BROWSER_WS_ENV]): string | undefined {
  if (endpoint) return undefined;
  try {
    findBrowser();
    return undefined;
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    return `no Chrome or Chromium found (${error.hint})`;
  }
}
