// What the dev server tells open pages over the reload channel (the client imports these types:
// `import type` brings no server code into its bundle).

/** The slides of a build that changed, by their index among the page's `section[data-line]`. */
export interface ChangedSections {
  /** How many slides each top-level <section> holds (0: none, it is a slide): the page checks it has the same. */
  shape: string;
  changed: Array<[index: number, html: string]>;
}

export type ReloadMessage =
  /**
   * The deck built: refetch its page for the parts that changed; any error overlay goes. When
   * only some slides changed (the page around them the same), `sections` carries them: the
   * page swaps them in without fetching itself.
   */
  | { type: 'update'; slug: string; slides: boolean; styles: boolean; sections?: ChangedSections }
  /** The last save does not build: show `text` (the line the terminal printed) over the deck. */
  | { type: 'error'; slug: string; text: string; file?: string; line?: number }
  /** The deck's Markdown file is gone. */
  | { type: 'removed'; slug: string }
  /** The list of decks changed: the index page reloads. */
  | { type: 'index' };

/** The WebSocket endpoint and the client script, outside any deck's folder. */
export const RELOAD_PATH = '/__deckmark/ws';
export const CLIENT_PATH = '/__deckmark/live-reload.js';
