// The phone remote of `deckmark present`: previous/next (buttons, swipes, a clicker's keys),
// blank screen, and what the presenter's deck says: titles, notes, position; elapsed time and
// the clock; the screen kept awake where the browser allows.
import { openChannel, type Action, type FullState, type ServerMessage, type Status } from './channel.js';

interface Strings {
  connected: string;
  reconnecting: string;
  waiting: string;
  badKey: string;
  blankScreen: string;
  showScreen: string;
}

const strings = JSON.parse(document.getElementById('present-strings')!.textContent!) as Strings;
const $ = (id: string): HTMLElement => document.getElementById(id)!;
const buttons = { prev: $('prev') as HTMLButtonElement, next: $('next') as HTMLButtonElement, blank: $('blank') as HTMLButtonElement };

/** What the page knows, on window for tests and for whoever debugs a page. */
const remote = { status: 'reconnecting' as Status, presenters: 0, state: null as FullState | null, sent: 0 };
(window as unknown as { deckmarkRemote: typeof remote }).deckmarkRemote = remote;

/** When the presenter first moved, in this phone's clock; null before. */
let startedAt: number | null = null;

function render(): void {
  const { status, presenters, state } = remote;
  const label = $('status');
  const shown: Status | 'waiting' = status === 'live' && presenters === 0 ? 'waiting' : status;
  label.dataset.state = shown;
  label.textContent = {
    live: `● ${strings.connected}`,
    waiting: strings.waiting,
    reconnecting: strings.reconnecting,
    refused: strings.badKey,
  }[shown];
  const usable = shown === 'live';
  for (const button of Object.values(buttons)) button.disabled = !usable;
  if (!state) return;
  $('title').textContent = state.title;
  $('next-title').textContent = state.nextTitle;
  $('notes').textContent = state.notes;
  $('position').textContent = `${state.index + 1} / ${state.total}`;
  buttons.blank.setAttribute('aria-pressed', String(state.paused));
  buttons.blank.textContent = state.paused ? strings.showScreen : strings.blankScreen;
}

const two = (n: number): string => String(n).padStart(2, '0');

function tick(): void {
  const seconds = startedAt === null ? 0 : Math.floor((Date.now() - startedAt) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  $('elapsed').textContent = h > 0 ? `${h}:${two(m)}:${two(seconds % 60)}` : `${m}:${two(seconds % 60)}`;
  const now = new Date();
  $('clock').textContent = `${two(now.getHours())}:${two(now.getMinutes())}`;
}

function onMessage(message: ServerMessage): void {
  if (message.type === 'presenters') remote.presenters = message.count;
  if (message.type === 'hello') remote.presenters = message.presenters;
  if (message.type === 'hello' || message.type === 'state') {
    // A key holder is sent the full state (titles and notes); the audience's has none.
    if (message.state && 'notes' in message.state) remote.state = message.state;
    if (message.elapsedMs != null) startedAt = Date.now() - message.elapsedMs;
  }
  render();
  tick();
}

const channel = openChannel('remote', new URLSearchParams(location.search).get('token'), onMessage, (status) => {
  remote.status = status;
  render();
});

function press(action: Action): void {
  if (!channel.send({ type: 'command', action })) return;
  remote.sent += 1;
  navigator.vibrate?.(10);
}

buttons.prev.addEventListener('click', () => press('prev'));
buttons.next.addEventListener('click', () => press('next'));
buttons.blank.addEventListener('click', () => press(remote.state?.paused ? 'resume' : 'pause'));

// A presentation clicker is a keyboard.
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return;
  const action = { ArrowRight: 'next', PageDown: 'next', ' ': 'next', ArrowLeft: 'prev', PageUp: 'prev' }[event.key] as Action | undefined;
  if (!action) return;
  event.preventDefault();
  press(action);
});

// A horizontal swipe over the notes: to the left is next, as on a slide.
let swipeFrom: { x: number; y: number } | undefined;
$('swipe').addEventListener('pointerdown', (event) => (swipeFrom = { x: event.clientX, y: event.clientY }));
$('swipe').addEventListener('pointercancel', () => (swipeFrom = undefined));
// A sideways move is ours: left to the browser, it becomes a fling whose end swallows the next tap.
$('swipe').addEventListener(
  'touchmove',
  (event) => {
    const touch = event.touches[0];
    if (swipeFrom && touch && Math.abs(touch.clientX - swipeFrom.x) > Math.abs(touch.clientY - swipeFrom.y)) event.preventDefault();
  },
  { passive: false },
);
$('swipe').addEventListener('pointerup', (event) => {
  if (!swipeFrom) return;
  const dx = event.clientX - swipeFrom.x;
  const dy = event.clientY - swipeFrom.y;
  swipeFrom = undefined;
  if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) press(dx < 0 ? 'next' : 'prev');
});

// Wake Lock: the browser lets it go when the tab hides, so it is asked for again on return.
interface WakeLockNavigator {
  wakeLock?: { request(type: 'screen'): Promise<unknown> };
}
let awake = false;
function stayAwake(): void {
  const lock = (navigator as WakeLockNavigator).wakeLock;
  if (!lock || awake || document.visibilityState !== 'visible') return;
  awake = true;
  lock.request('screen').then(
    (sentinel) => (sentinel as EventTarget).addEventListener('release', () => (awake = false)),
    () => (awake = false),
  );
}
document.addEventListener('visibilitychange', stayAwake);
document.addEventListener('pointerdown', stayAwake);
stayAwake();

render();
tick();
setInterval(tick, 1000);
