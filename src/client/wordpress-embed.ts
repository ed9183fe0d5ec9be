// WordPress's embed protocol, as the host side (wp-includes/js/wp-embed.js) speaks it: the
// host puts `#?secret=…` on the frame's URL and listens for `{message, value, secret}` from the
// frame — 'height' sizes the frame (clamped to 200–1000 px), 'link' makes the top window follow
// a link on the frame's host — and posts 'ready' once it listens, to be answered with a height.

const SECRET_HASH = /#\?secret=([A-Za-z0-9]+)[^#]*$/;

/** The secret WordPress appended to the frame's URL, if it did. */
export function embedSecret(hash: string): string | undefined {
  return SECRET_HASH.exec(hash)?.[1];
}

/** The deck's own part of the hash: `#/5#?secret=ab` → `#/5`, `#?secret=ab` → ``. */
export function deckHash(hash: string): string {
  return hash.replace(SECRET_HASH, '');
}

/** The frame's height that gives the deck its ratio at the frame's width. */
export function frameHeight(frameWidth: number, deck: { width: number; height: number }): number {
  return Math.round((frameWidth * deck.height) / deck.width);
}

/** True for a click that should leave the frame: a plain click on a web link out of the deck. */
function outgoingLink(event: MouseEvent): HTMLAnchorElement | undefined {
  if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || !/^https?:$/.test(link.protocol)) return undefined;
  const here = window.location.href.split('#')[0];
  return link.href.split('#')[0] === here ? undefined : link;
}

/**
 * Talks to the WordPress page the deck is embedded in: sends the frame's height now, on
 * resize and when the host says it is ready, and sends links out through the host (a
 * `sandbox="allow-scripts"` frame may neither open a window nor navigate the top one).
 */
export function speakWordPressEmbed(secret: string, deck: { width: number; height: number }): void {
  const send = (message: 'height' | 'link', value: string | number) => window.parent.postMessage({ message, value, secret }, '*');
  const sendHeight = () => send('height', frameHeight(window.innerWidth, deck));
  // The host setting the height resizes the frame too: only a new width needs a new height.
  let resizing: ReturnType<typeof setTimeout> | undefined;
  let width = window.innerWidth;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      sendHeight();
    }, 100);
  });
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { message?: unknown; secret?: unknown } | null;
    if (event.source === window.parent && data?.message === 'ready' && data.secret === secret) sendHeight();
  });
  document.addEventListener('click', (event) => {
    const link = outgoingLink(event);
    if (!link) return;
    event.preventDefault();
    send('link', link.href);
  });
  sendHeight();
}
