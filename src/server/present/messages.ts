// What travels over `deckmark present`'s channel, and the checks every message from a page
// passes before the server acts on it (the browser clients import these types with `import type`,
// which brings no server code into their bundles).

export const PRESENT_PATH = '/__deckmark/present';
export const DECK_CLIENT_PATH = '/__deckmark/present-deck.js';
export const REMOTE_CLIENT_PATH = '/__deckmark/present-remote.js';

/** Who a socket is: the audience only listens; presenter and remote hold the key. */
export type Role = 'presenter' | 'remote' | 'audience';

export type Action = 'next' | 'prev' | 'pause' | 'resume';
const ACTIONS: readonly string[] = ['next', 'prev', 'pause', 'resume'] satisfies Action[];

/** Where the presenter's deck is: what every page needs to follow it. */
export interface PublicState {
  h: number;
  v: number;
  /** The fragment shown last; -1 for none. */
  f: number;
  paused: boolean;
  /** The slide's place in reading order (from 0), and how many there are. */
  index: number;
  total: number;
}

/** What the remote shows besides: only key holders get it (the notes are the speaker's). */
export interface FullState extends PublicState {
  title: string;
  nextTitle: string;
  notes: string;
}

export type PageMessage = { type: 'state'; state: FullState } | { type: 'command'; action: Action };

export type ServerMessage =
  /** The first message on every socket: what is on screen now (null before a presenter spoke). */
  | { type: 'hello'; role: Role; state: PublicState | FullState | null; presenters: number; elapsedMs: number | null }
  | { type: 'state'; state: PublicState | FullState; elapsedMs?: number | null }
  /** To presenters: a remote pressed a button. */
  | { type: 'command'; action: Action }
  /** To remotes: how many presenter pages are connected. */
  | { type: 'presenters'; count: number }
  /** Every few seconds, so a page can tell a dead connection from a quiet one. */
  | { type: 'alive' };

/** Bytes a page may send in one message; the notes take most of it. */
export const MAX_MESSAGE_BYTES = 32 * 1024;
const MAX_TITLE = 300;
const MAX_NOTES = 16_000;

const isCount = (x: unknown, min = 0): x is number => Number.isInteger(x) && (x as number) >= min && (x as number) <= 100_000;
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

function readState(x: unknown): FullState | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const s = x as Record<string, unknown>;
  const ok =
    isCount(s.h) &&
    isCount(s.v) &&
    isCount(s.f, -1) &&
    typeof s.paused === 'boolean' &&
    isCount(s.index) &&
    isCount(s.total, 1) &&
    isText(s.title, MAX_TITLE) &&
    isText(s.nextTitle, MAX_TITLE) &&
    isText(s.notes, MAX_NOTES);
  if (!ok) return undefined;
  // Rebuilt field by field: nothing the page added rides along to other pages.
  const { h, v, f, paused, index, total, title, nextTitle, notes } = s as unknown as FullState;
  return { h, v, f, paused, index, total, title, nextTitle, notes };
}

/** The message in `text` when it is one this role may send; undefined for anything else. */
export function readPageMessage(text: string, role: Role): PageMessage | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type === 'command' && role !== 'audience' && typeof m.action === 'string' && ACTIONS.includes(m.action)) {
    return { type: 'command', action: m.action as Action };
  }
  if (m.type === 'state' && role === 'presenter') {
    const state = readState(m.state);
    return state && { type: 'state', state };
  }
  return undefined;
}

export function publicState(state: FullState): PublicState {
  const { h, v, f, paused, index, total } = state;
  return { h, v, f, paused, index, total };
}
