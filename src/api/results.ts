// What the API's functions hand back about a deck: the stable part of the build's record.
import type { BuiltDeck } from '../build/build-deck.js';
import type { Diagnostic } from '../model/deck.js';

export type { Diagnostic } from '../model/deck.js';
export type { Separators } from '../compile/split-slides.js';

/** Which browser the commands that need one use. */
export interface BrowserChoice {
  /**
   * A running browser to connect to (`ws://…` DevTools endpoint, or `http://host:port` of its
   * remote-debugging port) instead of launching one; it must see the deck's files at the same paths.
   * @defaultValue `$DECKMARK_BROWSER_WS`, else a Chrome or Chromium found on this machine is launched
   */
  browserWsEndpoint?: string;
}

export interface DeckResult {
  /** The deck's name in the output: its file name without `.md`. */
  slug: string;
  title: string;
  /** The written deck: `<out>/<slug>/index.html`, or the single file. */
  output: string;
  /** Slides, vertical ones included. */
  slideCount: number;
  /** The deck's public URL (front matter, or the project config's base + slug). */
  url?: string;
  /** The title-slide image the deck points at, when it does. */
  image?: string;
  /** The compiler's problems, then the browser-free check rules' findings as warnings. */
  diagnostics: Diagnostic[];
}

export function deckResult(built: BuiltDeck): DeckResult {
  return {
    slug: built.slug,
    title: built.deck.meta.title,
    output: built.output,
    slideCount: built.manifest.slideCount,
    url: built.deck.meta.url,
    image: built.image?.file,
    diagnostics: built.diagnostics,
  };
}
