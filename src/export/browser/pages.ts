// Lends out offline pages: outside requests blocked and recorded, the deck's own folder readable,
// the deck's dialogs and navigations away undone.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { guardPage, type PageGuard, type PageIncident } from '../page-guard.js';

export interface WithPageOptions {
  /** Lets an outside (http:, https:, ws:…) request through; every other one is aborted. @defaultValue none allowed */
  allow?: (url: string) => boolean;
  /** Only `file:` URLs inside this folder go through (the deck's own files); others are blocked like outside ones. @defaultValue any file */
  files?: string;
  viewport?: { width: number; height: number };
}

/** Schemes that never reach the network. */
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:', 'about:'];

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

/** The blank tab a browser we launched opened with, until a page is first lent (see {@link offerFirstPage}). */
const firstPages = new WeakMap<Browser, Page>();

/**
 * Offers the blank tab Chromium opens at launch as the first page to lend: one window fewer
 * (~0.3 s and ~40 MB PSS for an export of one deck). Only for a browser we launched: a remote
 * one's tabs are not ours.
 */
export function offerFirstPage(browser: Browser, page: Page): void {
  firstPages.set(browser, page);
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

/** A page lent by {@link lendPage}: `release` closes it (`failed`: a close that fails is not an error then). */
export interface LentPage {
  page: Page;
  release(failed?: boolean): Promise<void>;
}

/**
 * Opens a page until it is released. The deck's dialogs, navigations away and runaway scripts
 * are undone (see page-guard.ts, {@link pageIncidents}). Requests to `file:` (inside `files`
 * when given), `data:`, `blob:` and `about:` URLs, and those `allow` accepts, go through; all
 * others are aborted at once and recorded (see {@link blockedRequests}), so a closed network
 * never makes a page hang and a deck cannot print the machine's files.
 */
export async function lendPage(browser: Browser, options: WithPageOptions = {}): Promise<LentPage> {
  // A window of its own: pages lent at once (decks exported in parallel) would otherwise be tabs
  // of one window, and a tab not in front is hidden — no animation frames, no screenshots: a
  // step that waits for one hangs until the protocol times out (seen as a 60 s .pptx export).
  const first = firstPages.get(browser);
  firstPages.delete(browser);
  const page = first && !first.isClosed() ? first : await browser.newPage({ type: 'window' });
  const blocked: string[] = [];
  blockedByPage.set(page, blocked);
  let guard: PageGuard | undefined;
  const release = async (failed = true): Promise<void> => {
    await guard?.stop();
    if (!page.isClosed()) {
      await page.close().catch((error: unknown) => {
        if (!failed && browser.connected) throw error;
      });
    }
  };
  try {
    guard = await guardPage(page);
    incidentsByPage.set(page, guard.incidents);
    if (options.viewport) await page.setViewport(options.viewport);
    await page.setRequestInterception(true);
  } catch (error) {
    await release();
    throw error;
  }
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
  return { page, release };
}

/** Forgets what a lent page blocked and undid so far: a page loaded ahead of its use reports only what came after. */
export function forgetPageRecords(page: Page): void {
  blockedByPage.get(page)?.splice(0);
  incidentsByPage.get(page)?.splice(0);
}

/** Runs `fn` with a page lent by {@link lendPage} and always closes it. */
export async function withPage<T>(browser: Browser, fn: (page: Page) => Promise<T>, options: WithPageOptions = {}): Promise<T> {
  return useLentPage(await lendPage(browser, options), fn);
}

/** Runs `fn` with a lent page, then releases it. */
export async function useLentPage<T>({ page, release }: LentPage, fn: (page: Page) => Promise<T>): Promise<T> {
  let failed = true;
  try {
    const result = await fn(page);
    failed = false;
    return result;
  } finally {
    await release(failed);
  }
}

/** The options that lend a page for a built deck (`deckHtml`, its index.html): of the machine's files, only the deck's folder is read. */
export function deckPageOptions(deckHtml: string, options: WithPageOptions = {}): WithPageOptions {
  return { ...options, files: path.dirname(deckHtml) };
}

/** {@link withPage} for a built deck (`deckHtml`, its index.html): of the machine's files, only the deck's folder is read. */
export function withDeckPage<T>(
  browser: Browser,
  deckHtml: string,
  fn: (page: Page) => Promise<T>,
  options: WithPageOptions = {},
): Promise<T> {
  return withPage(browser, fn, deckPageOptions(deckHtml, options));
}
