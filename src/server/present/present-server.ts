// The server behind `deckmark present`: builds one deck into a temporary folder and serves
// three views of it — the audience's deck, the presenter's deck (its speaker view as always)
// and the phone remote — with the channel that keeps them together.
import { mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { buildDeck, type BuildOptions } from '../../build/build-deck.js';
import { shownPath } from '../../build/deck-files.js';
import { findDecks } from '../../build/find-decks.js';
import { CLIENT_DIR } from '../../build/paths.js';
import { uiStrings } from '../../compile/ui-strings.js';
import { scriptJson } from '../../markdown/html.js';
import { DeckError } from '../../model/deck-error.js';
import type { Reporter } from '../live-site.js';
import { hostGuard, listen, urlHost } from '../listen.js';
import { appendToBody } from '../page-html.js';
import { resolveRequestPath } from '../request-path.js';
import { isBuildOutput } from '../served-files.js';
import { sendFile, sendHtml, sendStatus, sendText } from '../static-files.js';
import { DECK_CLIENT_PATH, REMOTE_CLIENT_PATH, type Role } from './messages.js';
import { attachPresentChannel, type PresentChannel } from './present-channel.js';
import { remotePage } from './remote-page.js';
import { makeToken, tokenMatches } from './token.js';

export interface PresentServerOptions {
  /** A .md file, or a folder holding exactly one. */
  input: string;
  /** @defaultValue 8000; 0 takes any free one. */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** The key of the presenter and remote URLs; a new random one when not given. */
  token?: string;
  build?: Omit<BuildOptions, 'outDir' | 'singleFile'>;
  reporter: Reporter;
}

export interface PresentServer {
  presenterUrl: string;
  remoteUrl: string;
  audienceUrl: string;
  port: number;
  token: string;
  /** True when the server listens on loopback only. */
  loopback: boolean;
  channel: PresentChannel;
  /** Drops every connection, frees the port, removes the built deck; idempotent. */
  close(): Promise<void>;
}

/** The remote's page runs its own script and talks to this server only; no site may frame it. */
const REMOTE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

/** The address a phone on the same network reaches this machine at, when listening on all. */
function lanAddress(): string | undefined {
  for (const address of Object.values(os.networkInterfaces()).flat()) {
    if (address && address.family === 'IPv4' && !address.internal) return address.address;
  }
  return undefined;
}

async function theOneDeck(input: string): Promise<string> {
  const files = await findDecks(input);
  if (files.length === 1) return files[0];
  throw new DeckError('usage', `present shows one deck, and ${shownPath(input)} holds ${files.length}`, {
    hint: `name the deck: deckmark present ${shownPath(files[0])}`,
  });
}

export async function startPresentServer(options: PresentServerOptions): Promise<PresentServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? makeToken();
  const file = await theOneDeck(path.resolve(options.input));
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'deckmark-present-'));
  const cleanUp = (): Promise<void> => rm(outDir, { recursive: true, force: true });

  let built;
  try {
    built = await buildDeck(file, { ...options.build, outDir });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  for (const diagnostic of built.diagnostics) options.reporter.log(options.reporter.formatDiagnostic(diagnostic));
  const { slug } = built;
  const { lang, title } = built.deck.meta;
  const ui = uiStrings(lang);
  const root = await realpath(outDir);
  const deckPath = `/${encodeURIComponent(slug)}/`;

  let bound = -1;
  const accepts = hostGuard(host, () => bound);
  let remoteUrl = '';
  let remoteQr = '';

  /** The deck page with the present client for `role` (the QR code of the remote for the presenter). */
  const deckPage = (role: Role) => (html: string) => {
    const data = {
      role,
      strings: { followPresenter: ui.followPresenter, reconnecting: ui.reconnecting, badKey: ui.badKey, scanRemote: ui.scanRemote },
      remoteUrl: role === 'presenter' ? remoteUrl : undefined,
    };
    const qr = role === 'presenter' ? `<template id="deckmark-remote-qr">${remoteQr}</template>\n` : '';
    return appendToBody(
      html,
      `${qr}<script type="application/json" id="deckmark-present">${scriptJson(data)}</script>\n<script src="${DECK_CLIENT_PATH}"></script>\n`,
    );
  };

  const sendClient = async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    const client = path.join(CLIENT_DIR, name);
    const info = await stat(client);
    sendFile(req, res, { file: client, size: info.size, mtimeMs: info.mtimeMs });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendStatus(res, 405, { Allow: 'GET, HEAD' });
    if (!accepts(req)) return sendStatus(res, 403);
    // The presenter's and remote's URLs carry the key: no link on a slide may pass it on.
    res.setHeader('Referrer-Policy', 'no-referrer');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/') {
      res.writeHead(302, { Location: deckPath, 'Content-Length': 0 });
      res.end();
      return;
    }
    if (url.pathname === DECK_CLIENT_PATH) return sendClient(req, res, 'present-deck.js');
    if (url.pathname === REMOTE_CLIENT_PATH) return sendClient(req, res, 'present-remote.js');
    const keyed = url.pathname === `${deckPath}presenter` || url.pathname === `${deckPath}remote`;
    if (keyed && !tokenMatches(url.searchParams.get('token'), token)) {
      return sendText(res, 403, `403 Forbidden: ${ui.badKey}\n`, 'text/plain; charset=utf-8');
    }
    if (url.pathname === `${deckPath}remote`) {
      return sendText(res, 200, remotePage(lang, title), 'text/html; charset=utf-8', { 'Content-Security-Policy': REMOTE_CSP });
    }
    const index = path.join(root, slug, 'index.html');
    // The speaker view's previews load the presenter's URL with `receiver`: the client stays out of them.
    if (url.pathname === `${deckPath}presenter`) {
      const info = await stat(index);
      return sendHtml(res, { file: index, size: info.size, mtimeMs: info.mtimeMs }, deckPage('presenter'));
    }
    const found = await resolveRequestPath(root, req.url ?? '/');
    if ('redirect' in found) {
      res.writeHead(301, { Location: found.redirect, 'Content-Length': 0 });
      res.end();
    } else if ('status' in found) sendStatus(res, found.status);
    else if (found.file === index) await sendHtml(res, found, deckPage('audience'));
    else if (await isBuildOutput(root, found.file)) sendFile(req, res, found);
    else sendStatus(res, 404);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.reporter.log(`deckmark present: ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendStatus(res, 500);
      else res.destroy();
    });
  });
  const channel = attachPresentChannel(server, token, accepts);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      channel.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await cleanUp();
    })());

  try {
    bound = await listen(server, options.port ?? 8000, host);
  } catch (error) {
    await close();
    throw error;
  }
  const wildcard = host === '0.0.0.0' || host === '::';
  // On every address, the phone and the audience need one of the room's network, not localhost.
  const shared = `http://${wildcard ? (lanAddress() ?? 'localhost') : urlHost(host)}:${bound}${deckPath}`;
  const local = `http://${urlHost(host)}:${bound}${deckPath}`;
  const key = `?token=${encodeURIComponent(token)}`;
  remoteUrl = `${shared}remote${key}`;
  remoteQr = await QRCode.toString(remoteUrl, { type: 'svg', margin: 2 });
  return {
    presenterUrl: `${local}presenter${key}`,
    remoteUrl,
    audienceUrl: shared,
    port: bound,
    token,
    loopback: LOOPBACK.test(host),
    channel,
    close,
  };
}
