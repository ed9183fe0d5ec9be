// The present client in a deck page (`deckmark present` adds it): as the presenter, it tells the
// server where the deck is after every step and obeys the remote; as the audience, it follows
// the presenter slide by slide and fragment by fragment, until the viewer steps away — then a
// "follow the presenter" button brings it back to live.
import { makeBadge, makeFollowButton, makeQrOverlay } from './badge.js';
import { openChannel, type FullState, type PublicState, type ServerMessage, type Status } from './channel.js';

interface RevealLike {
  isReady(): boolean;
  on(type: string, listener: () => void): void;
  getIndices(): { h: number; v?: number; f?: number };
  getCurrentSlide(): HTMLElement | undefined;
  getSlides(): HTMLElement[];
  getTotalSlides(): number;
  getSlideNotes(slide?: HTMLElement): string | null;
  slide(h: number, v?: number, f?: number): void;
  next(): void;
  prev(): void;
  isPaused(): boolean;
  togglePause(paused?: boolean): void;
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
}

interface PresentData {
  role: 'presenter' | 'audience';
  strings: { followPresenter: string; reconnecting: string; badKey: string; scanRemote: string };
  remoteUrl?: string;
}

/** What the page did, on window for tests and for whoever debugs a page. */
const present = { role: '', status: 'reconnecting' as Status, following: true, states: 0 };
(window as unknown as { deckmarkPresent: typeof present }).deckmarkPresent = present;

const STEP_EVENTS = ['slidechanged', 'fragmentshown', 'fragmenthidden', 'paused', 'resumed'];
/** The server lets a socket send 10 messages a second after a burst: stay under it. */
const PUBLISH_GAP_MS = 110;

function slideTitle(slide: HTMLElement | undefined): string {
  const heading = slide?.querySelector('h1, h2, h3, h4, h5, h6');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The notes as plain text (the remote shows text, never the deck's HTML); lists keep their bullets. */
function notesText(html: string | null): string {
  if (!html) return '';
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  body.querySelectorAll('li').forEach((li) => li.prepend('• '));
  body.querySelectorAll('p, li, br, div, h1, h2, h3, h4, h5, h6, tr').forEach((block) => block.after('\n'));
  return (body.textContent ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, 16_000);
}

function stateOf(reveal: RevealLike): FullState {
  const { h, v, f } = reveal.getIndices();
  const slides = reveal.getSlides();
  const current = reveal.getCurrentSlide();
  const index = Math.max(0, current ? slides.indexOf(current) : 0);
  return {
    h,
    v: v ?? 0,
    f: f ?? -1,
    paused: reveal.isPaused(),
    index,
    total: Math.max(1, reveal.getTotalSlides()),
    title: slideTitle(current),
    nextTitle: slideTitle(slides[index + 1]),
    notes: notesText(reveal.getSlideNotes(current)),
  };
}

function startPresenter(reveal: RevealLike, data: PresentData, badge: HTMLElement): void {
  const token = new URLSearchParams(location.search).get('token');
  let lastSent = '';
  let sentAt = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  // At most one state per PUBLISH_GAP_MS, the latest one last: a held arrow key must not run
  // into the server's rate limit and leave the audience a few slides behind.
  let forced = false;
  const publish = (force = false): void => {
    forced ||= force;
    const wait = sentAt + PUBLISH_GAP_MS - performance.now();
    if (wait > 0) {
      pending ??= setTimeout(() => {
        pending = undefined;
        publish();
      }, wait);
      return;
    }
    const state = stateOf(reveal);
    const text = JSON.stringify(state);
    if (text === lastSent && !forced) return;
    if (channel.send({ type: 'state', state })) {
      lastSent = text;
      sentAt = performance.now();
      forced = false;
    }
  };
  const onMessage = (message: ServerMessage): void => {
    if (message.type !== 'command') return;
    if (message.action === 'next') reveal.next();
    else if (message.action === 'prev') reveal.prev();
    else if (reveal.isPaused() !== (message.action === 'pause')) reveal.togglePause(message.action === 'pause');
  };
  const channel = openChannel('presenter', token, onMessage, (status) => {
    showStatus(badge, data, status);
    // Connected (again): this page is the truth, whatever the server knew before.
    if (status === 'live') publish(true);
  });
  for (const type of STEP_EVENTS) reveal.on(type, () => publish());

  const template = document.getElementById('deckmark-remote-qr') as HTMLTemplateElement | null;
  if (template && data.remoteUrl) {
    const overlay = makeQrOverlay(template.content.cloneNode(true) as DocumentFragment, data.strings.scanRemote, data.remoteUrl);
    reveal.addKeyBinding({ keyCode: 82, key: 'R', description: data.strings.scanRemote }, () => (overlay.hidden = !overlay.hidden));
  }
}

const sameSpot = (a: { h: number; v?: number; f?: number }, b: PublicState): boolean =>
  a.h === b.h && (a.v ?? 0) === b.v && (a.f ?? -1) === b.f;

function startAudience(reveal: RevealLike, data: PresentData, badge: HTMLElement): void {
  let live: PublicState | null = null;
  let applying = false;

  const follow = (): void => {
    present.following = true;
    button.hidden = true;
    if (!live) return;
    applying = true;
    try {
      if (!sameSpot(reveal.getIndices(), live)) reveal.slide(live.h, live.v, live.f);
      if (reveal.isPaused() !== live.paused) reveal.togglePause(live.paused);
    } finally {
      applying = false;
    }
  };
  const button = makeFollowButton(data.strings.followPresenter, follow);

  // A step the viewer took: away from live shows the button, back onto it hides it.
  const onStep = (): void => {
    if (applying || !live) return;
    present.following = sameSpot(reveal.getIndices(), live);
    button.hidden = present.following;
  };
  for (const type of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal.on(type, onStep);

  const onMessage = (message: ServerMessage): void => {
    if ((message.type !== 'hello' && message.type !== 'state') || !message.state) return;
    live = message.state;
    present.states += 1;
    if (present.following) follow();
  };
  openChannel('audience', null, onMessage, (status) => showStatus(badge, data, status));
}

function showStatus(badge: HTMLElement, data: PresentData, status: Status): void {
  present.status = status;
  badge.textContent = status === 'refused' ? data.strings.badKey : data.strings.reconnecting;
  badge.hidden = status === 'live';
}

function main(): void {
  // The speaker view's previews load this page again with `receiver`: they follow their window, not the channel.
  if (new URLSearchParams(location.search).has('receiver')) return;
  const text = document.getElementById('deckmark-present')?.textContent;
  const reveal = (window as unknown as { Reveal?: RevealLike }).Reveal;
  if (!text || !reveal) return;
  const data = JSON.parse(text) as PresentData;
  present.role = data.role;
  const start = (): void => {
    const badge = makeBadge(data.strings.reconnecting);
    if (data.role === 'presenter') startPresenter(reveal, data, badge);
    else startAudience(reveal, data, badge);
  };
  if (reveal.isReady()) start();
  else reveal.on('ready', start);
}

main();
