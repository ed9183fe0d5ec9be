// The dev server behind `deckmark serve`: builds the decks into a folder, serves that folder
// with the reload client in every page, and rebuilds a deck whenever a file of it changes.
import { mkdir, mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DeckError } from '../model/deck-error.js';
import type { BuildOptions, BuiltDeck } from '../build/build-deck.js';
import { pdfName } from '../build/deck-files.js';
import { findDecks } from '../build/find-decks.js';
import { CLIENT_DIR } from '../build/paths.js';
import { createLiveSite, type LiveSite, type Reporter } from './live-site.js';
import { hostGuard, listen, urlHost } from './listen.js';
import { CLIENT_PATH } from './messages.js';
import { askedSlug, injectClient, pageSlug, standInPage } from './page-html.js';
import { createRebuildQueue } from './rebuild-queue.js';
import { attachReloadChannel } from './reload-channel.js';
import { resolveRequestPath } from './request-path.js';
import { isBuildOutput, refuseOutputOverSources } from './served-files.js';
import { sendFile, sendHtml, sendStatus, sendText } from './static-files.js';
import { watchDecks, type DeckWatcher } from './watcher.js';

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
  /** Keeps every deck's PDF in step with its builds (`serve --pdf`); the decks link their PDF from the start. */
  pdf?: BackgroundPdf;
}

/** What the server needs of the PDF printer (src/export/pdf-keeper.ts; the CLI passes it in). */
interface BackgroundPdf {
  update(built: BuiltDeck): void;
  settled(slug: string): Promise<void>;
  close(): Promise<void>;
}

export interface DevServer {
  /** `http://host:port/`, the index of the decks. */
  url: string;
  port: number;
  outDir: string;
  /** Deck slugs at start, for printing their URLs. */
  slugs: string[];
  /** Pages connected to the reload channel now. */
  readonly pages: number;
  /** Stops watching, drops every connection and frees the port; idempotent. */
  close(): Promise<void>;
}

/** The real path of a folder that may not exist yet (then of its nearest existing parent). */
async function realOrResolved(dir: string): Promise<string> {
  const resolved = path.resolve(dir);
  const parent = path.dirname(resolved);
  try {
    return await realpath(resolved);
  } catch {
    return parent === resolved ? resolved : path.join(await realOrResolved(parent), path.basename(resolved));
  }
}

/** The slug of a request for a deck's own PDF (`/<slug>/<slug>.pdf`). */
function pdfRequestSlug(url: string): string | undefined {
  const m = /^\/([^/?#]+)\/([^/?#]+)(?:[?#]|$)/.exec(url);
  if (!m) return undefined;
  try {
    const slug = decodeURIComponent(m[1]);
    return decodeURIComponent(m[2]) === pdfName(slug) ? slug : undefined;
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
  if (!ownOutDir) refuseOutputOverSources(await realpath(input), inputIsFolder, await realOrResolved(options.outDir!));
  const outDir = ownOutDir ? await mkdtemp(path.join(os.tmpdir(), 'deckmark-serve-')) : path.resolve(options.outDir!);
  await mkdir(outDir, { recursive: true });
  const root = await realpath(outDir);
  const clientFile = path.join(CLIENT_DIR, 'live-reload.js');

  let bound = -1; // the port, once listening
  const accepts = hostGuard(host, () => bound);
  let site: LiveSite | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendStatus(res, 405, { Allow: 'GET, HEAD' });
    if (!accepts(req)) return sendStatus(res, 403);
    // A build swaps a deck's folder by renames; a request between them would find nothing.
    // So requests wait for the builds under way (the first one included): a few ms, usually.
    await queue.idle();
    const url = req.url ?? '/';
    // A PDF being printed is sent once it shows the last save.
    const pdfSlug = options.pdf && pdfRequestSlug(url);
    if (pdfSlug) await options.pdf!.settled(pdfSlug);
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
    } else if (!(await isBuildOutput(root, found.file))) {
      sendStatus(res, 404);
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
  );

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await queue.close();
      await watcher?.close();
      await options.pdf?.close();
      channel.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownOutDir) await rm(outDir, { recursive: true, force: true });
    })());

  try {
    // Listen first: a taken port is known at once, not after building every deck.
    bound = await listen(server, port, host);
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
      build: { ...options.build, pdfLink: options.pdf !== undefined },
      reporter,
      onBuilt: options.pdf && ((built) => options.pdf!.update(built)),
      send: (message) => channel.broadcast(message),
      watchInputs: (file, inputs) => watcher!.setInputs(file, inputs),
    });
    const built = site;
    await queue.exclusive(() => built.buildAll());
    return {
      url: `http://${urlHost(host)}:${bound}/`,
      port: bound,
      outDir,
      slugs,
      get pages() {
        return channel.size;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
