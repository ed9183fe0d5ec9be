// The reload channel: one WebSocket endpoint on the dev server that tells open pages a deck
// was rebuilt, broke, or went away.
//
// Why a WebSocket and not Server-Sent Events: an EventSource holds one of the browser's six
// HTTP/1.1 connections to the origin for as long as the page is open. A presenter easily has
// the deck, the speaker view (whose two preview iframes load the deck again) and the index
// open at once; with SSE those alone would take five of the six, and the next page's CSS and
// images would queue behind them. A WebSocket does not count against that limit, and `ws` is
// already in the tree (Puppeteer uses it). Reconnecting, which SSE would give for free, is
// ten lines in the client.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { RELOAD_PATH, type ReloadMessage } from './messages.js';

export interface ReloadChannel {
  /** Sends a message to every open page. */
  broadcast(message: ReloadMessage): void;
  /** Pages connected now. */
  readonly size: number;
  /** Drops every page at once (they reconnect to the next server) and stops accepting. */
  close(): void;
}

/** A page from another site must not listen in: the messages carry file paths. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Answers an upgrade request with a bare HTTP status. */
export function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Serves the channel on `server`'s upgrade requests. `greeting` gives what a page must know the
 * moment it connects (the decks that are broken now), so a reload never hides an error;
 * `accepts` is the server's own check of the request (its Host header).
 */
export function attachReloadChannel(
  server: Server,
  greeting: () => ReloadMessage[],
  accepts: (req: IncomingMessage) => boolean,
): ReloadChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  wss.on('connection', (socket) => {
    // A page that vanishes mid-send is nothing to report.
    socket.on('error', () => socket.terminate());
    for (const message of greeting()) socket.send(JSON.stringify(message));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if ((req.url ?? '').split('?')[0] !== RELOAD_PATH) return refuse(socket, '404 Not Found');
    if (!accepts(req) || !sameOrigin(req)) return refuse(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  return {
    broadcast(message) {
      const text = JSON.stringify(message);
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
    },
    get size() {
      return wss.clients.size;
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
