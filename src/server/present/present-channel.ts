// The channel of `deckmark present`: one WebSocket endpoint for the presenter's deck, the
// remotes and the audience. The presenter's deck is the single source of truth: remotes send
// commands, which go to the presenter pages; the presenter sends where it is, which goes to
// everyone (the notes and titles only to key holders). A page that connects, or connects
// again, gets the last state at once.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { refuse, sameOrigin } from '../reload-channel.js';
import {
  MAX_MESSAGE_BYTES,
  PRESENT_PATH,
  publicState,
  readPageMessage,
  type FullState,
  type Role,
  type ServerMessage,
} from './messages.js';
import { rateLimit, type RateLimit } from './rate-limit.js';
import { tokenMatches } from './token.js';

/** Close codes a page reads: a refused key (do not retry), a page that broke the rules. */
const CLOSE_BAD_KEY = 4401;
const CLOSE_POLICY = 1008;

/** A page that cannot keep up (this much unsent) is dropped rather than buffered for. */
const MAX_BUFFERED = 1024 * 1024;
const HEARTBEAT_MS = 20_000;

interface Peer {
  role: Role;
  limit: RateLimit;
  alive: boolean;
}

export interface PresentChannel {
  /** Connected sockets by role. */
  counts(): Record<Role, number>;
  /** Messages dropped (malformed, not allowed, over the rate limit) since start. */
  readonly dropped: number;
  /** The presenter's last state, or null before it first spoke. */
  readonly state: FullState | null;
  close(): void;
}

function askedRole(req: IncomingMessage): { role: Role; token: string | null } {
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  const role = params.get('role');
  return { role: role === 'presenter' || role === 'remote' ? role : 'audience', token: params.get('token') };
}

/**
 * Serves the channel on `server`'s upgrade requests; `accepts` is the server's own check of the
 * request (its Host header). `heartbeatMs` is for tests.
 */
export function attachPresentChannel(
  server: Server,
  token: string,
  accepts: (req: IncomingMessage) => boolean,
  heartbeatMs = HEARTBEAT_MS,
): PresentChannel {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const peers = new Map<WebSocket, Peer>();
  let state: FullState | null = null;
  /** When the presenter first moved: the remote's elapsed time counts from there. */
  let startedAt: number | null = null;
  let dropped = 0;

  const elapsedMs = (): number | null => (startedAt === null ? null : Date.now() - startedAt);
  const count = (role: Role): number => [...peers.values()].filter((p) => p.role === role).length;

  const send = (socket: WebSocket, text: string): void => {
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED) socket.terminate();
    else socket.send(text);
  };
  const sendTo = (roles: Role[], message: ServerMessage): void => {
    const text = JSON.stringify(message);
    for (const [socket, peer] of peers) if (roles.includes(peer.role)) send(socket, text);
  };

  const publish = (next: FullState): void => {
    const moved = state !== null && (state.h !== next.h || state.v !== next.v || state.f !== next.f);
    if (moved && startedAt === null) startedAt = Date.now();
    state = next;
    sendTo(['remote'], { type: 'state', state: next, elapsedMs: elapsedMs() });
    sendTo(['audience'], { type: 'state', state: publicState(next) });
  };

  const onMessage = (socket: WebSocket, peer: Peer, data: RawData, isBinary: boolean): void => {
    if (peer.role === 'audience') {
      socket.close(CLOSE_POLICY, 'audience pages only listen');
      return;
    }
    const message = !isBinary && peer.limit.take() ? readPageMessage(data.toString(), peer.role) : undefined;
    if (!message) {
      dropped += 1;
      return;
    }
    if (message.type === 'state') publish(message.state);
    else sendTo(['presenter'], message);
  };

  wss.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    // A page that vanishes mid-send is nothing to report.
    socket.on('error', () => socket.terminate());
    const asked = askedRole(req);
    if (asked.role !== 'audience' && !tokenMatches(asked.token, token)) {
      socket.close(CLOSE_BAD_KEY, 'wrong key');
      return;
    }
    // Presses come one by one and the presenter sends a state per step: 20 at once, 10 a second.
    const peer: Peer = { role: asked.role, limit: rateLimit(20, 10), alive: true };
    peers.set(socket, peer);
    socket.on('pong', () => (peer.alive = true));
    socket.on('message', (data, isBinary) => onMessage(socket, peer, data, isBinary));
    socket.on('close', () => {
      peers.delete(socket);
      if (peer.role === 'presenter') sendTo(['remote'], { type: 'presenters', count: count('presenter') });
    });
    const shown = state && peer.role === 'audience' ? publicState(state) : state;
    const hello: ServerMessage = { type: 'hello', role: peer.role, state: shown, presenters: count('presenter'), elapsedMs: elapsedMs() };
    socket.send(JSON.stringify(hello));
    if (peer.role === 'presenter') sendTo(['remote'], { type: 'presenters', count: count('presenter') });
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if ((req.url ?? '').split('?')[0] !== PRESENT_PATH) return refuse(socket, '404 Not Found');
    socket.on('error', () => socket.destroy());
    if (!accepts(req) || !sameOrigin(req)) return refuse(socket, '403 Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  // Pings find the sockets of phones that left the network; the `alive` message lets a page
  // that slept tell a dead connection from a quiet one.
  const heartbeat = setInterval(() => {
    for (const [socket, peer] of peers) {
      if (!peer.alive) {
        socket.terminate();
        continue;
      }
      peer.alive = false;
      socket.ping();
    }
    sendTo(['presenter', 'remote', 'audience'], { type: 'alive' });
  }, heartbeatMs);
  heartbeat.unref();

  return {
    counts: () => ({ presenter: count('presenter'), remote: count('remote'), audience: count('audience') }),
    get dropped() {
      return dropped;
    },
    get state() {
      return state;
    },
    close() {
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      for (const socket of peers.keys()) socket.terminate();
      wss.close();
    },
  };
}
