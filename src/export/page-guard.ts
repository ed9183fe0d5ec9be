// Keeps a deck's own scripts from stalling a browser step (pdf, check, the social card image):
// dialogs (`alert()`) are dismissed, navigations away from the deck (`location.href = …`, a meta
// refresh) are cancelled, and a script that keeps the page busy for SCRIPT_LIMIT_MS is stopped.
// Each is recorded with the slide it came from, found through the debugger's script positions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CDPSession, HTTPRequest, Page } from 'puppeteer-core';
import type { Deck, Diagnostic } from '../model/deck.js';
import { diagnostic } from '../model/diagnostic.js';

export interface PageIncident {
  kind: 'dialog' | 'navigation' | 'busy-script';
  /** What happened, for the message: the dialog and its text, or the URL. */
  detail: string;
  /** The slide's first source line (its section's data-line), when it could be told. */
  line?: number;
}

/** How long a script of the deck may keep the page busy before it is stopped. */
const SCRIPT_LIMIT_MS = 5_000;
const CHECK_EVERY_MS = 500;
const GUARD_BINDING = '__deckmarkGuard';

/**
 * Runs in the page before its own scripts. Text, not a function: a transpiler's helpers (such
 * as keepNames's `__name`) do not exist in the page. Reports dialogs with their caller's stack,
 * and cancels every navigation to another document (a hash change stays) and every form sent,
 * reporting it.
 */
const PAGE_SIDE = `(() => {
  const report = (kind, url) => window[${JSON.stringify(GUARD_BINDING)}]?.(JSON.stringify({ kind, url: url || '', stack: String(new Error().stack) }));
  for (const name of ['alert', 'confirm', 'prompt']) {
    const original = window[name];
    window[name] = function (...args) {
      report('dialog');
      return original.apply(this, args);
    };
  }
  // window.stop() would end the deck's loading half way (its runtime never starts).
  window.stop = () => report('navigation', 'window.stop()');
  // A form sent by script (form.submit() fires no event): cancelled like a navigation.
  HTMLFormElement.prototype.submit = function () {
    report('navigation', this.action);
  };
  addEventListener('submit', (e) => {
    e.preventDefault();
    report('navigation', e.target.action);
  }, true);
  window.navigation?.addEventListener('navigate', (e) => {
    const here = location.href.replace(/#.*$/, '');
    if (e.hashChange || (e.navigationType !== 'reload' && e.destination.url.replace(/#.*$/, '') === here) || !e.cancelable) return;
    e.preventDefault();
    report('navigation', e.destination.url);
  });
})();`;

interface Paused {
  callFrames: { callFrameId: string; location: { scriptId: string; lineNumber: number } }[];
}

/** The data-line of the slide whose `<section>` opens last before 0-based line `line` of `html`. */
export function slideLineAt(html: string, line: number): number | undefined {
  let found: number | undefined;
  for (const [n, text] of html.split('\n').entries()) {
    if (n > line) break;
    for (const m of text.matchAll(/<section\b[^>]*\bdata-line="(\d+)"/g)) found = Number(m[1]);
  }
  return found;
}

/** The slide whose HTML first holds `needle` (a URL a navigation went to), in the page's HTML. */
function slideLineOf(html: string, needles: string[]): number | undefined {
  const lines = html.split('\n');
  for (const needle of needles.filter((n) => n !== '')) {
    const at = lines.findIndex((l) => l.toLowerCase().includes(needle.toLowerCase()));
    if (at >= 0) return slideLineAt(html, at);
  }
  return undefined;
}

export interface PageGuard {
  incidents: PageIncident[];
  /** True (and recorded) for a navigation of the page away from the deck: the caller cancels it. */
  isNavigationAway(request: HTTPRequest): boolean;
  stop(): Promise<void>;
}

/** Installs the guard on a new page, before it loads anything. */
export async function guardPage(page: Page): Promise<PageGuard> {
  const incidents: PageIncident[] = [];
  // The guard's timers, each cancelled once it is not needed and all by stop(): a pending one
  // would keep Node alive (a 5 s limit timer outlived every export) and stop() waiting.
  const timers = new Set<() => void>();
  const sleep = (ms: number): { done: Promise<void>; cancel(): void } => {
    let cancel = (): void => undefined;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => cancel(), ms);
      cancel = () => {
        clearTimeout(timer);
        timers.delete(cancel);
        resolve();
      };
      timers.add(cancel);
    });
    return { done, cancel };
  };
  const client: CDPSession = await page.createCDPSession();
  const scripts = new Map<string, string>(); // scriptId → URL
  client.on('Debugger.scriptParsed', (e: { scriptId: string; url: string }) => scripts.set(e.scriptId, e.url));
  // One taker for each pause we ask for; any other pause is let go at once, so the page never stays stopped.
  let taker: ((event: Paused) => void) | undefined;
  client.on('Debugger.paused', (event: Paused) => {
    if (taker) taker(event);
    else client.send('Debugger.resume').catch(() => undefined);
  });
  await client.send('Debugger.enable');

  let documentUrl: string | undefined;
  let html: string | undefined;
  const pageHtml = (): string => {
    try {
      html ??= documentUrl?.startsWith('file:') ? readFileSync(fileURLToPath(documentUrl), 'utf8') : '';
    } catch {
      html = '';
    }
    return html;
  };

  /** `ask` pauses the page's script; `then` gets where it stopped (the script's URL and line) and resumes it. */
  const pauseAndLocate = async (
    ask: () => Promise<unknown>,
    then: (where: { url: string; line: number }) => Promise<void>,
  ): Promise<void> => {
    const wait = sleep(1_000);
    const paused = new Promise<Paused | undefined>((resolve) => {
      taker = resolve;
      void wait.done.then(() => resolve(undefined));
    });
    await ask().catch(() => undefined);
    const event = await paused;
    wait.cancel();
    taker = undefined;
    if (!event) return;
    const top = event.callFrames[0];
    await then({ url: scripts.get(top?.location.scriptId ?? '') ?? '', line: top?.location.lineNumber ?? -1 });
  };
  const pause = (): Promise<unknown> => client.send('Debugger.pause');

  let stopped = false;
  const watchdog = (async () => {
    while (!stopped) {
      await sleep(CHECK_EVERY_MS).done;
      if (stopped) break;
      const limit = sleep(SCRIPT_LIMIT_MS);
      const answered = await Promise.race([
        client.send('Runtime.evaluate', { expression: '0' }).then(
          () => true,
          () => true,
        ),
        limit.done.then(() => false),
      ]);
      limit.cancel();
      if (answered || stopped) continue;
      await pauseAndLocate(pause, async ({ url, line }) => {
        // Only the deck's own scripts are stopped: a long layout step of ours is no runaway.
        const authors = url.startsWith('file:') && !url.endsWith('/assets/deckmark.js');
        // Resumed first: terminating while paused would end the NEXT script to run (reveal.js, say).
        await client.send('Debugger.resume').catch(() => undefined);
        if (!authors) return;
        await client.send('Runtime.terminateExecution').catch(() => undefined);
        const slide = url === documentUrl ? slideLineAt(pageHtml(), line) : undefined;
        incidents.push({
          kind: 'busy-script',
          detail: `a script kept the page busy for more than ${SCRIPT_LIMIT_MS / 1000} s`,
          line: slide,
        });
      }).catch(() => undefined);
    }
  })();

  // The page reports to a binding: where a dialog is opened (the page cannot be asked while
  // the dialog holds it), and each navigation away it cancelled itself. A navigation stopped
  // on the network instead would already have halted the deck's loading (fonts, images).
  let dialogStack = '';
  /** The slide of the first frame of a stack that is in the deck's page. */
  const slideOfStack = (stack: string): number | undefined => {
    const at = documentUrl === undefined ? -1 : stack.indexOf(`${documentUrl}:`);
    const htmlLine = at < 0 ? NaN : Number(/^:(\d+):/.exec(stack.slice(at + documentUrl!.length))?.[1]) - 1;
    return Number.isNaN(htmlLine) ? undefined : slideLineAt(pageHtml(), htmlLine);
  };
  client.on('Runtime.bindingCalled', (e: { name: string; payload: string }) => {
    if (e.name !== GUARD_BINDING) return;
    const report = JSON.parse(e.payload) as { kind: 'dialog' | 'navigation'; stack: string; url: string };
    if (report.kind === 'dialog') dialogStack = report.stack;
    else incidents.push(navigationIncident(report.url, slideOfStack(report.stack)));
  });
  await client.send('Runtime.enable');
  await client.send('Runtime.addBinding', { name: GUARD_BINDING });
  await page.evaluateOnNewDocument(PAGE_SIDE);
  const navigationIncident = (url: string, line: number | undefined): PageIncident => {
    const same = url.replace(/#.*$/, '') === documentUrl;
    return {
      kind: 'navigation',
      detail: same ? 'a reload of the deck' : url,
      line: line ?? slideLineOf(pageHtml(), same ? ['http-equiv="refresh"', 'location.reload'] : [url, url.replace(/&/g, '&amp;')]),
    };
  };
  page.on('dialog', (dialog) => {
    void (async () => {
      await dialog.dismiss().catch(() => undefined);
      await sleep(50); // the binding's call may come in just after the dialog
      const line = slideOfStack(dialogStack);
      dialogStack = '';
      incidents.push({ kind: 'dialog', detail: `${dialog.type()}(${JSON.stringify(dialog.message())})`, line });
    })();
  });

  return {
    incidents,
    isNavigationAway(request) {
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return false;
      const url = request.url();
      if (documentUrl === undefined) {
        documentUrl = url.replace(/#.*$/, '');
        return false;
      }
      incidents.push(navigationIncident(url, undefined));
      return true;
    },
    async stop() {
      stopped = true;
      for (const cancel of [...timers]) cancel();
      await watchdog;
      await client.detach().catch(() => undefined);
    },
  };
}

/** The guard's incidents as warnings of `deck`, one per kind and slide. */
export function incidentDiagnostics(deck: Deck, incidents: readonly PageIncident[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const i of incidents) {
    const key = `${i.kind} ${i.line} ${i.detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [code, message] =
      i.kind === 'dialog'
        ? ['page-dialog', `the slide opened a dialog, ${i.detail}: dismissed`]
        : i.kind === 'navigation'
          ? [
              'page-navigation',
              i.detail === 'window.stop()'
                ? 'the slide called window.stop(): ignored'
                : `the slide tried to leave the deck (${i.detail}): cancelled`,
            ]
          : ['busy-script', `${i.detail}: stopped`];
    out.push(diagnostic('warning', code, message, { file: deck.file, line: i.line }));
  }
  return out;
}
