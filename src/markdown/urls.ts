// What deckmark asks of a URL, answered in one place: does it point elsewhere (a scheme or
// `//`), what is its host, and its path decoded without throwing on a broken escape.

/** `https:`, `data:`, `mailto:`…: a URL with a scheme of its own. */
export function hasScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** A URL the deck loads from elsewhere, not from the deck's folder: a scheme or `//host`. */
export function isExternal(url: string): boolean {
  return hasScheme(url) || url.startsWith('//');
}

/** Not a file in the deck's folder: an external URL or a link within the page (`#…`). */
export function isRemote(src: string): boolean {
  return isExternal(src) || src.startsWith('#');
}

/** `https://www.kommunikasjon.no/Fagstoff/…` → `kommunikasjon.no`; undefined when it is no URL. */
export function hostOf(href: string): string | undefined {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** decodeURI, but a path with a broken escape (`%E0%A4.png`) stays as written instead of throwing. */
export function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
