// The dev server behind `deckmark serve`: builds the decks into a folder, serves that folder
// with the reload client in every page, and rebuilds a deck whenever a file of it changes.
import { mkdir, mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DeckError } from '../model/deck-error.js';
import type { BuildOptions } from '../build/build-deck.js';
import { findDecks } from '../build/find-decks.js';
import { escapeHtml } from '../markdown/html.js';
import { CLIENT_DIR } from '../build/paths.js';
import { createLiveSite, type LiveSite, type Reporter } from './live-site.js';
import { CLIENT_PATH } from './messages.js';
import { createRebuildQueue } from './rebuild-queue.js';
import { attachReloadChannel } from './reload-channel.js';
import { resolveRequestPath } from './request-path.js';
import { sendFile, sendHtml, sendStatus, sendText } from './static-files.js';
import { watchDecks, type DeckWatcher } from './watcher.js';

export type { Reporter } from './live-site.js';

export interface DevServerOptions {
  /** A .md file or a folder of them. */
  input: string;
  /** The port to listen on; 0 takes any free one. @defaultValue 8000 */
  port?: number;
  /** The address to listen on. @defaultValue '127.0.0.1' */
  host?: string;
  /** Where the decks are built; a temporary folder, removed on close, when not given. */
  outDir?: string;
  /** Separators and `strict`, as for `build`. */
  build?: Omit<BuildOptions, 'outDir' | 'singleFile'>;
  reporter: Reporter;
  /** Quiet time after a file event before the rebuild starts. @defaultValue 30 */
  quietMs?: number;
}

export interface DevServer {
  /** `http://host:port/`, the index of the decks. */
  url: string;
  port: number;
  outDir: string;
  /** Deck slugs at start, for printing their URLs. */
  slugs: string[];
  /** Stops watching, drops every connection and frees the port; idempotent. */
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host === '::1' || host.startsWith('127.');
}

/**
 * On a loopback address only local names may be asked for: a web page that rebinds its own
 * domain to 127.0.0.1 would otherwise read the decks (and listen on the channel) across sites.
 */
function hostGuard(listenHost: string): (req: IncomingMessage) => boolean {
  if (!isLoopback(listenHost)) return () => true;
  return (req) => {
    const name = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    return LOOPBACK_NAMES.has(name) || name === listenHost || name.startsWith('127.') || name.endsWith('.localhost');
  };
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === 'EADDRINUSE') {
    return new DeckError('port-unavailable', `port ${port} on ${host} is already in use`, {
      hint: 'stop the program using it, or pick another port with --port (--port 0 takes any free one)',
    });
  }
  if (error.code === 'EACCES') {
    return new DeckError('port-unavailable', `not allowed to listen on port ${port} on ${host}`, {
      hint: 'ports below 1024 need privileges: pick another with --port',
    });
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new DeckError('usage', `--host ${host} is not an address of this machine`, { hint: 'use 127.0.0.1, or 0.0.0.0 for every address' });
  }
  return error;
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(listenError(error, port, host));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** The reload client goes in last, after the deck's runtime has made `window.Reveal`. */
export function injectClient(html: string, slug: string): string {
  const tag = `<script src="${CLIENT_PATH}" data-slug="${escapeHtml(slug)}"></script>\n`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

/** What `/<slug>/` shows while the deck has never built: the error, until a good save. */
function standInPage(slug: string, error: string): string {
  const page = `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(slug)}: does not build</title></head>\n<body><pre>${escapeHtml(error)}</pre></body></html>\n`;
  return injectClient(page, slug);
}

/** `slug` for `<root>/<slug>/index.html`, '' for any other page. */
function pageSlug(root: string, file: string): string {
  const parts = path.relative(root, file).split(path.sep);
  return parts.length === 2 && parts[1] === 'index.html' ? parts[0] : '';
}

/** The deck a `/<slug>/` or `/<slug>/index.html` URL asks for, if it is one. */
function askedSlug(url: string): string | undefined {
  const m = /^\/([^/?#]+)\/(index\.html)?(?:[?#]|$)/.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

export async function startServer(options: DevServerOptions): Promise<DevServer> {
  const { reporter } = options;
  const port = options.port ?? 8000;
  const host = options.host ?? '127.0.0.1';
  const input = path.resolve(options.input);
  const slugs = (await findDecks(input)).map((file) => path.basename(file).replace(/\.md$/i, ''));
  const inputIsFolder = (await stat(input)).isDirectory();
  const ownOutDir = options.outDir === undefined;
  const outDir = ownOutDir ? await mkdtemp(path.join(os.tmpdir(), 'deckmark-serve-')) : path.resolve(options.outDir!);
  await mkdir(outDir, { recursive: true });
  const root = await realpath(outDir);
  const clientFile = path.join(CLIENT_DIR, 'live-reload.js');

  const accepts = hostGuard(host);
  let site: LiveSite | undefined;
  let ready: Promise<unknown> = Promise.resolve();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendStatus(res, 405, { Allow: 'GET, HEAD' });
    if (!accepts(req)) return sendStatus(res, 403);
    // Pages asked for during the first build wait for it instead of finding nothing.
    await ready.catch(() => undefined);
    const url = req.url ?? '/';
    if (url.split('?')[0] === CLIENT_PATH) {
      const info = await stat(clientFile);
      return sendFile(req, res, { file: clientFile, size: info.size, mtimeMs: info.mtimeMs });
    }
    const found = await resolveRequestPath(root, url);
    if ('redirect' in found) {
      res.writeHead(301, { Location: found.redirect, 'Content-Length': 0 });
      res.end();
    } else if ('status' in found) {
      const slug = found.status === 404 ? askedSlug(url) : undefined;
      const error = slug === undefined ? undefined : site?.unbuiltError(slug);
      if (slug !== undefined && error) sendText(res, 500, standInPage(slug, error), 'text/html; charset=utf-8');
      else sendStatus(res, found.status);
    } else if (found.file.endsWith('.html')) {
      await sendHtml(res, found, (html) => injectClient(html, pageSlug(root, found.file)));
    } else {
      sendFile(req, res, found);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      reporter.log(`deckmark serve: ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendStatus(res, 500);
      else res.destroy();
    });
  });
  const channel = attachReloadChannel(server, () => site?.greeting() ?? [], accepts);

  let watcher: DeckWatcher | undefined;
  const queue = createRebuildQueue(
    (files) => site!.rebuild(files),
    (error) => reporter.log(`deckmark serve: ${error instanceof DeckError ? reporter.formatError(error) : String(error)}`),
    options.quietMs,
  );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await queue.close();
      await watcher?.close();
      channel.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownOutDir) await rm(outDir, { recursive: true, force: true });
    })());

  try {
    // Listen first: a taken port is known at once, not after building every deck.
    const bound = await listen(server, port, host);
    watcher = await watchDecks({
      input,
      inputIsFolder,
      onDeckChange: (file) => queue.schedule(file),
      onError: (error) => reporter.log(`deckmark serve: watching failed: ${error instanceof Error ? error.message : String(error)}`),
    });
    site = createLiveSite({
      input,
      inputIsFolder,
      outDir,
      build: options.build ?? {},
      reporter,
      send: (message) => channel.broadcast(message),
      watchInputs: (file, inputs) => watcher!.setInputs(file, inputs),
    });
    const built = site;
    ready = queue.exclusive(() => built.buildAll());
    await ready;
    return { url: `http://${urlHost(host)}:${bound}/`, port: bound, outDir, slugs, close };
  } catch (error) {
    await close();
    throw error;
  }
}
