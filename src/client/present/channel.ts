// The present channel as the pages see it: one WebSocket that comes back by itself — with
// backoff and jitter (a room of phones must not return all at once), at once when the network
// or the tab comes back — and that notices a connection that died silently (a laptop that slept).

// The server's messages, as types only: the bundle takes no code from the server.
import type { Action, FullState, PageMessage, PublicState, Role, ServerMessage } from '../../server/present/messages.js';
export type { Action, FullState, PageMessage, PublicState, Role, ServerMessage };

/** live: connected; reconnecting: trying again; refused: the key is wrong, trying again will not help. */
export type Status = 'live' | 'reconnecting' | 'refused';

const PATH = '/__deckmark/present';
const CLOSE_BAD_KEY = 4401;
/** The server says something every 20 s; silence for this long means the connection is gone. */
const SILENCE_MS = 50_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

export interface Channel {
  send(message: PageMessage): boolean;
  readonly status: Status;
}

export function openChannel(
  role: Role,
  token: string | null,
  onMessage: (message: ServerMessage) => void,
  onStatus: (status: Status) => void,
): Channel {
  let socket: WebSocket | undefined;
  let status: Status = 'reconnecting';
  let delay = FIRST_DELAY_MS;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastHeard = Date.now();

  const setStatus = (next: Status): void => {
    status = next;
    onStatus(next);
  };

  const connect = (): void => {
    clearTimeout(retry);
    retry = undefined;
    const query = new URLSearchParams({ role });
    if (token) query.set('token', token);
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${PATH}?${query}`);
    socket = ws;
    ws.addEventListener('open', () => {
      delay = FIRST_DELAY_MS;
      lastHeard = Date.now();
      setStatus('live');
    });
    ws.addEventListener('message', (event) => {
      lastHeard = Date.now();
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type !== 'alive') onMessage(message);
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = undefined;
      if (event.code === CLOSE_BAD_KEY) {
        setStatus('refused');
        return;
      }
      setStatus('reconnecting');
      retry = setTimeout(connect, delay * (0.75 + Math.random() / 2));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    });
  };

  /** A connection silent for too long is left behind (its close may take minutes) for a new one. */
  const dropIfSilent = (): void => {
    if (!socket || socket.readyState !== WebSocket.OPEN || Date.now() - lastHeard <= SILENCE_MS) return;
    const dead = socket;
    socket = undefined;
    dead.close();
    setStatus('reconnecting');
    connect();
  };
  /** Back now, not at the end of the backoff: the network or the tab just returned. */
  const soon = (): void => {
    if (status === 'refused') return;
    if (socket) dropIfSilent();
    else connect();
  };
  window.addEventListener('online', soon);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && soon());
  setInterval(dropIfSilent, 5_000);

  connect();
  return {
    send(message) {
      if (socket?.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    get status() {
      return status;
    },
  };
}
