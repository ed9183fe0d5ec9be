// Kills the browsers still open when the process exits or is interrupted: a Ctrl-C during an
// export must not leave a Chromium and its profile folder behind.
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';

export interface OpenBrowser {
  process: ChildProcess | null;
  userDataDir: string;
}

/** Browsers launched and not yet closed, killed if the process exits or is interrupted. */
const openBrowsers = new Set<OpenBrowser>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function killOpenBrowsers(): void {
  for (const open of openBrowsers) {
    try {
      open.process?.kill('SIGKILL');
    } catch {
      // already gone
    }
    try {
      fs.rmSync(open.userDataDir, { recursive: true, force: true });
    } catch {
      // the OS cleans its temp folder eventually; exiting matters more here
    }
  }
  openBrowsers.clear();
  unwatchProcess();
}

function onSignal(signal: NodeJS.Signals): void {
  killOpenBrowsers();
  // Our listener replaced Node's default action; restore it unless someone else handles the signal.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function watchProcess(): void {
  if (openBrowsers.size !== 1) return;
  process.on('exit', killOpenBrowsers);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unwatchProcess(): void {
  if (openBrowsers.size !== 0) return;
  process.off('exit', killOpenBrowsers);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Keeps `open` to be killed on exit or interruption until {@link forgetOpenBrowser}. */
export function trackOpenBrowser(open: OpenBrowser): void {
  openBrowsers.add(open);
  watchProcess();
}

/** The browser closed on its own terms: nothing left to kill. */
export function forgetOpenBrowser(open: OpenBrowser): void {
  openBrowsers.delete(open);
  unwatchProcess();
}
