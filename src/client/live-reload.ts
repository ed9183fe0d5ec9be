// Live reload for `deckmark serve`: swaps a rebuilt deck's slides and styles into the open page
// without reloading it (same slide, same state), shows build errors over the deck, and
// reconnects when the server restarts. Bundled on its own; the server adds it to each page.

// The server's messages, as types only: the bundle takes no code from the server.
import type { ChangedSections, ReloadMessage } from '../server/messages.js';

/** The parts of the reveal.js API used here (window.Reveal, made by the deck's runtime). */
interface RevealLike {
  isReady(): boolean;
  getIndices(): { h: number; v?: number; f?: number };
  getCurrentSlide(): Element | undefined;
  configure(options: Record<string, unknown>): void;
  sync(): void;
  syncSlide(slide: Element): void;
  slide(h: number, v?: number, f?: number): void;
  layout(): void;
  navigateFragment(index: number): void;
  dispatchEvent(event: { type: string; data?: Record<string, unknown> }): void;
}

const ENDPOINT = '/__deckmark/ws';
/** `data-slug` of this script: the deck this page shows, '' for the index page. */
const slug = (document.currentScript as HTMLScriptElement | null)?.dataset.slug ?? '';

// ---------------------------------------------------------------- error overlay

/** Used when the page has no deckmark.css (the stand-in page of a deck that never built). */
const FALLBACK_STYLE: Partial<CSSStyleDeclaration> = {
  position: 'fixed',
  top: '16px',
  left: '16px',
  right: '16px',
  zIndex: '2147483000',
  padding: '16px 20px',
  border: '3px solid #c81e1e',
  borderRadius: '8px',
  background: '#fff',
  color: '#1a1a1a',
  font: '16px/1.4 system-ui, sans-serif',
};

let overlay: HTMLElement | undefined;

function showError(text: string): void {
  if (!overlay) {
    overlay = document.createElement('div');
    overlay.className = 'dm-error';
    overlay.setAttribute('role', 'alert');
    document.body.append(overlay);
    if (getComputedStyle(overlay).position !== 'fixed') Object.assign(overlay.style, FALLBACK_STYLE);
  }
  const title = document.createElement('strong');
  title.className = 'dm-error-title';
  title.textContent = 'This save does not build; the page shows the last good version.';
  const body = document.createElement('pre');
  body.style.whiteSpace = 'pre-wrap';
  body.style.marginTop = '8px';
  body.textContent = text;
  overlay.replaceChildren(title, body);
  overlay.hidden = false;
}

function clearError(): void {
  overlay?.remove();
  overlay = undefined;
}

// ---------------------------------------------------------------- swapping

function withCacheBuster(href: string, stamp: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}dm=${stamp}`;
}

/**
 * Puts the new page's stylesheets in beside the old ones and removes the old ones only once
 * the new have loaded, so the deck never shows unstyled. The hrefs get a cache-buster because
 * a theme file keeps its name (assets/theme.css) when its text changes.
 */
async function swapStyles(fresh: Document): Promise<void> {
  const selector = 'link[rel="stylesheet"], style';
  const old = [...document.head.querySelectorAll(selector)];
  const stamp = Date.now().toString(36);
  const added = [...fresh.head.querySelectorAll(selector)].map((element) => {
    const copy = document.importNode(element, true) as HTMLElement;
    const href = element.getAttribute('href');
    if (copy instanceof HTMLLinkElement && href) copy.href = withCacheBuster(href, stamp);
    return copy;
  });
  const loaded = added
    .filter((e): e is HTMLLinkElement => e instanceof HTMLLinkElement)
    .map(
      (link) =>
        new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        }),
    );
  const after = old[old.length - 1];
  if (after) after.after(...added);
  else document.head.append(...added);
  await Promise.all(loaded);
  for (const element of old) element.remove();
}

/** The HTML of each slide (sections with a source line) in the last page fetched. */
let lastSlides: string[] | undefined;

const slideSources = (root: ParentNode): string[] => [...root.querySelectorAll('section[data-line]')].map((s) => s.outerHTML);
/** Stacks and their sizes: when they stay the same, slides can be swapped one by one. */
const shapeOf = (root: Element): string => [...root.children].map((s) => s.querySelectorAll(':scope > section').length).join(',');
const openTag = (html: string): string => html.slice(0, html.indexOf('>'));

/**
 * Swaps the `changed` slides (index among the page's slides, new <section>) into the page in
 * place, when the page's slides are those of the last page fetched and keep their number and
 * `shape`; false when it can't. A changed <section> tag (attributes, background) needs reveal's
 * full sync instead.
 */
function swapInPlace(reveal: RevealLike, slides: Element, shape: string, changed: Array<readonly [number, Element]>): boolean {
  const before = lastSlides;
  const current = slides.querySelectorAll('section[data-line]');
  if (!before || current.length !== before.length || shapeOf(slides) !== shape) return false;
  if (changed.some(([i, section]) => i >= current.length || openTag(section.outerHTML) !== openTag(before[i]))) return false;
  for (const [i, section] of changed) {
    current[i].innerHTML = section.innerHTML;
    reveal.syncSlide(current[i]);
    before[i] = section.outerHTML;
  }
  return true;
}

/** The slides of a fetched page whose HTML differs from the last page's. */
function changedIn(freshSlides: Element, sources: string[]): Array<readonly [number, Element]> {
  const fresh = freshSlides.querySelectorAll('section[data-line]');
  return sources.flatMap((html, i) => (html === lastSlides?.[i] ? [] : [[i, fresh[i]] as const]));
}

/** Swaps in the changed slides the server sent, without fetching the page; false when this page cannot take them so. */
function swapSentSlides(reveal: RevealLike, slides: Element, sent: ChangedSections): boolean {
  const parsed = sent.changed.map(([i, html]) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return [i, template.content.firstElementChild] as const;
  });
  if (parsed.some(([, section]) => !section)) return false;
  const { h, v, f } = reveal.getIndices();
  if (!swapInPlace(reveal, slides, sent.shape, parsed as Array<readonly [number, Element]>)) return false;
  const all = slides.querySelectorAll('section[data-line]');
  const shown = reveal.getCurrentSlide();
  const swapped = sent.changed.map(([i]) => all[i]);
  // reveal.js's slide() sets every slide's classes and fragments, work that grows with the deck
  // (27 ms for a swap at 500 slides). Only the slide on screen needs its layout and fragments
  // back, and a slide elsewhere only when it has fragments (those of a slide left behind are
  // all shown); any other slide gets its state from reveal.js when it is navigated to.
  if (swapped.some((section) => section !== shown && section.querySelector('.fragment'))) settle(reveal, h, v, f);
  else if (shown && swapped.includes(shown)) {
    reveal.layout();
    if (f !== undefined) reveal.navigateFragment(f);
    tellSlideChanged(reveal, h, v);
  }
  return true;
}

/** Back to the slide and fragment shown before the swap, and the speaker view told. */
function settle(reveal: RevealLike, h: number, v: number | undefined, f: number | undefined): void {
  reveal.slide(h, v, f);
  tellSlideChanged(reveal, h, v);
}

function tellSlideChanged(reveal: RevealLike, h: number, v: number | undefined): void {
  // The speaker view hears about notes only on navigation events, and slide() sends none when
  // the indices stay the same: tell it the current slide is a new one.
  reveal.dispatchEvent({
    type: 'slidechanged',
    data: { indexh: h, indexv: v ?? 0, previousSlide: null, currentSlide: reveal.getCurrentSlide(), origin: 'deckmark-live-reload' },
  });
}

function swapSlides(reveal: RevealLike, slides: Element, fresh: Document): void {
  const { h, v, f } = reveal.getIndices();
  const freshSlides = fresh.querySelector('.reveal .slides')!;
  const sources = slideSources(freshSlides);
  const config = fresh.getElementById('deckmark-config')?.textContent;
  const current = document.getElementById('deckmark-config');
  const configChanged = !!config && !!current && config !== current.textContent;
  const inPlace =
    !configChanged &&
    lastSlides?.length === sources.length &&
    swapInPlace(reveal, slides, shapeOf(freshSlides), changedIn(freshSlides, sources));
  if (!inPlace) {
    // New sections start without reveal's classes; without this they would fly in as if navigated to.
    slides.classList.add('disable-slide-transitions');
    slides.innerHTML = freshSlides.innerHTML;
    if (configChanged) {
      current!.textContent = config!;
      reveal.configure(JSON.parse(config!) as Record<string, unknown>);
    }
    reveal.sync();
    requestAnimationFrame(() => requestAnimationFrame(() => slides.classList.remove('disable-slide-transitions')));
  }
  lastSlides = sources;
  settle(reveal, h, v, f);
}

/** What an update brings: the parts that changed, and the changed slides when the server sent them. */
interface Wanted {
  slides: boolean;
  styles: boolean;
  sections?: ChangedSections;
}

async function apply(parts: Wanted): Promise<void> {
  const reveal = (window as unknown as { Reveal?: RevealLike }).Reveal;
  const slides = document.querySelector('.reveal .slides');
  // The stand-in page of a deck that had not built, or a deck still starting: load it whole.
  if (!slides || !reveal?.isReady()) {
    location.reload();
    return;
  }
  if (!parts.styles && parts.sections && swapSentSlides(reveal, slides, parts.sections)) {
    live.updates += 1;
    return;
  }
  live.fetches += 1;
  const response = await fetch(location.pathname, { cache: 'no-store' });
  if (!response.ok) return; // gone meanwhile: a `removed` message says so
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  if (!fresh.querySelector('.reveal .slides')) return;
  if (parts.styles) await swapStyles(fresh);
  if (parts.slides) swapSlides(reveal, slides, fresh);
  document.title = fresh.title;
  live.updates += 1;
}

// Updates run one at a time; those that arrive meanwhile merge into the next.
let wanted: Wanted = { slides: false, styles: false };
let running = false;

async function update(parts: Wanted): Promise<void> {
  const merging = wanted.slides || wanted.styles; // two builds' slides in one: the page is fetched
  wanted = { slides: wanted.slides || parts.slides, styles: wanted.styles || parts.styles, sections: merging ? undefined : parts.sections };
  if (running) return;
  running = true;
  try {
    while (wanted.slides || wanted.styles) {
      const next = wanted;
      wanted = { slides: false, styles: false };
      await apply(next);
    }
  } catch (error) {
    console.error('deckmark: live reload failed, reloading the page', error);
    location.reload();
  } finally {
    running = false;
  }
}

// ---------------------------------------------------------------- channel

function onMessage(message: ReloadMessage): void {
  if (message.type === 'index') {
    if (slug === '') location.reload();
    return;
  }
  if (message.slug !== slug) return;
  if (message.type === 'error') showError(message.text);
  else if (message.type === 'removed') showError(`${slug}.md was removed; this page shows its last version.`);
  else {
    clearError();
    if (message.slides || message.styles) void update(message);
  }
}

/** The channel's state, on window for tests, the benchmark and whoever debugs a page. */
const live = { connected: false, updates: 0, fetches: 0, lastMessageAt: 0 };
(window as unknown as { deckmarkLiveReload: typeof live }).deckmarkLiveReload = live;

let delay = 250;
let connectedBefore = false;

function connect(): void {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ENDPOINT}`);
  socket.addEventListener('open', () => {
    delay = 250;
    live.connected = true;
    if (connectedBefore) {
      // A restarted server: the deck may have changed while it was down. Its greeting
      // re-sends any error that still stands.
      clearError();
      if (slug === '') location.reload();
      else void update({ slides: true, styles: true });
    }
    connectedBefore = true;
  });
  socket.addEventListener('message', (event) => {
    live.lastMessageAt = performance.timeOrigin + performance.now();
    onMessage(JSON.parse(String(event.data)) as ReloadMessage);
  });
  // Backoff: a server that is down for long is asked twice a few seconds, not hammered.
  socket.addEventListener('close', () => {
    live.connected = false;
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 4000);
  });
}

connect();
