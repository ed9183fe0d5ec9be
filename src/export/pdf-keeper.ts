// `serve --pdf`: keeps each deck's PDF in step with its last build, printed in the background
// by one browser kept warm. A save during a print is printed next (only the latest build of a
// deck waits); the PDF is written atomically, so a download never gets half a file.
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { BuiltDeck } from '../build/build-deck.js';
import { pdfName, shownPath } from '../build/deck-files.js';
import { writeFileAtomic } from '../build/write-atomic.js';
import { DeckError } from '../model/deck-error.js';
import { browserProblem } from './browser/find.js';
import { launchBrowser, type LaunchBrowserOptions } from './browser/launch.js';
import { printAhead, type PrintAhead } from './print-ahead.js';
import { renderPdf } from './render-pdf.js';

export interface PdfKeeper {
  /** The deck was built: print it again, after the print under way for it if any. */
  update(built: BuiltDeck): void;
  /** Resolves once the deck's PDF shows its latest build (at once when nothing is pending). */
  settled(slug: string): Promise<void>;
  /** Waits for the prints under way and closes the browser. */
  close(): Promise<void>;
}

export interface PdfKeeperOptions extends LaunchBrowserOptions {
  log(line: string): void;
  formatError(error: DeckError): string;
}

interface DeckQueue {
  /** The latest build not yet printed. */
  next?: BuiltDeck;
  /** The loop printing this deck, while it runs. */
  running?: Promise<void>;
  /** The print view of its next print, loaded ahead. */
  ahead: PrintAhead;
}

/**
 * How many decks keep a page loaded ahead for their next print (print-ahead.ts): those printed
 * last, the ones being edited. Each page is a renderer of its own; a folder of fifty decks must
 * not hold fifty.
 */
export const DECKS_PRINTED_AHEAD = 2;

export function createPdfKeeper(options: PdfKeeperOptions): PdfKeeper {
  const queues = new Map<string, DeckQueue>();
  /** The decks printed last, the last first. */
  const recent: DeckQueue[] = [];
  let browser: Promise<Browser> | undefined;
  let unavailable = false;

  const print = async (built: BuiltDeck, ahead: PrintAhead): Promise<void> => {
    const started = performance.now();
    browser ??= launchBrowser(options);
    const printed = await renderPdf(await browser, built.output, built.deck, built.deck.meta.pdf, undefined, ahead);
    const target = path.join(path.dirname(built.output), pdfName(built.slug));
    await writeFileAtomic(target, Buffer.from(printed.bytes));
    const ms = Math.round(performance.now() - started);
    const reused = printed.reusedPages > 0 ? `: ${printed.pages - printed.reusedPages} printed, ${printed.reusedPages} unchanged` : '';
    options.log(`pdf: wrote ${shownPath(target)} (${printed.pages} pages${reused}) in ${ms} ms`);
  };

  const drain = async (queue: DeckQueue): Promise<void> => {
    while (queue.next) {
      const built = queue.next;
      queue.next = undefined;
      try {
        await print(built, queue.ahead);
        recent.splice(0, recent.length, queue, ...recent.filter((q) => q !== queue));
        for (const older of recent.splice(DECKS_PRINTED_AHEAD)) void older.ahead.close();
      } catch (error) {
        options.log(error instanceof DeckError ? options.formatError(error) : `pdf: ${built.slug}: ${String(error)}`);
      }
    }
    queue.running = undefined;
  };

  return {
    update(built) {
      if (unavailable) return;
      const problem = browser ? undefined : browserProblem(options.browserWsEndpoint);
      if (problem) {
        unavailable = true;
        options.log(`pdf: not kept up to date: ${problem}`);
        return;
      }
      const queue = queues.get(built.slug) ?? { ahead: printAhead() };
      queues.set(built.slug, queue);
      queue.next = built;
      queue.running ??= drain(queue);
    },

    async settled(slug) {
      await queues.get(slug)?.running;
    },

    async close() {
      await Promise.all([...queues.values()].map((q) => q.running));
      await Promise.all([...queues.values()].map((q) => q.ahead.close()));
      await browser?.then((b) => b.close()).catch(() => undefined);
    },
  };
}
