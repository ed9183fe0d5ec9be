// Small fixed elements the present client puts over a deck: the "reconnecting" badge, the
// audience's "follow the presenter" button. Styled inline: a deck's theme knows nothing of them.

const BASE: Partial<CSSStyleDeclaration> = {
  position: 'fixed',
  zIndex: '2147483000',
  font: '600 16px/1.3 system-ui, sans-serif',
  borderRadius: '999px',
  boxShadow: '0 2px 10px rgba(0,0,0,.35)',
};

export function makeBadge(text: string): HTMLElement {
  const badge = document.createElement('div');
  badge.className = 'dm-present-status';
  badge.setAttribute('role', 'status');
  badge.textContent = text;
  badge.hidden = true;
  Object.assign(badge.style, BASE, { top: '12px', right: '12px', padding: '6px 14px', background: '#ffcf5c', color: '#1a1a1a' });
  document.body.append(badge);
  return badge;
}

export function makeFollowButton(text: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'dm-present-follow';
  button.textContent = text;
  button.hidden = true;
  Object.assign(button.style, BASE, {
    bottom: '24px',
    left: '50%',
    transform: 'translateX(-50%)',
    padding: '12px 24px',
    border: '0',
    background: '#2f6fde',
    color: '#fff',
    cursor: 'pointer',
  });
  button.addEventListener('click', onClick);
  document.body.append(button);
  return button;
}

/** The presenter's overlay with the remote's QR code (an SVG the server made) and URL. */
export function makeQrOverlay(svg: DocumentFragment, caption: string, url: string): HTMLElement {
  const overlay = document.createElement('div');
  overlay.className = 'dm-present-qr';
  overlay.hidden = true;
  Object.assign(overlay.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483001',
    display: 'grid',
    placeItems: 'center',
    background: 'rgba(0,0,0,.7)',
  });
  const panel = document.createElement('figure');
  Object.assign(panel.style, {
    margin: '0',
    padding: '24px',
    background: '#fff',
    color: '#111',
    borderRadius: '16px',
    textAlign: 'center',
  });
  const code = document.createElement('div');
  code.append(svg);
  const image = code.querySelector('svg');
  if (image) Object.assign(image.style, { width: 'min(60vmin, 420px)', height: 'auto', display: 'block', margin: '0 auto' });
  image?.setAttribute('role', 'img');
  image?.setAttribute('aria-label', caption);
  const text = document.createElement('figcaption');
  text.style.font = '18px/1.4 system-ui, sans-serif';
  text.textContent = caption;
  const link = document.createElement('div');
  Object.assign(link.style, {
    font: '13px/1.4 ui-monospace, monospace',
    wordBreak: 'break-all',
    maxWidth: 'min(60vmin, 420px)',
    margin: '8px auto 0',
  });
  link.textContent = url;
  panel.append(code, text, link);
  overlay.append(panel);
  overlay.addEventListener('click', () => (overlay.hidden = true));
  // `display: grid` would win over the hidden attribute.
  new MutationObserver(() => (overlay.style.display = overlay.hidden ? 'none' : 'grid')).observe(overlay, {
    attributes: true,
    attributeFilter: ['hidden'],
  });
  overlay.style.display = 'none';
  document.body.append(overlay);
  return overlay;
}
