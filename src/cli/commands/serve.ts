// `deckmark serve [INPUT]`: builds the decks, serves them with live reload, stops on Ctrl-C.
import { shownPath } from '../../build/deck-files.js';
import { DeckError } from '../../model/deck-error.js';
import { startServer } from '../../server/dev-server.js';
import { openUrl } from '../../server/open-url.js';
import type { ServeCommandOptions } from '../main.js';
import { formatDiagnostic, formatError, log } from '../report.js';
import { drawDiagramsAlone } from '../../export/diagrams.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new DeckError('usage', `--port must be a number from 0 to 65535, not ${text}`);
  return port;
}

/** Resolves on the first SIGINT or SIGTERM; a second one finds Node's default (exit) again. */
export function untilSignal(): { stopped: Promise<NodeJS.Signals>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const dispose = (): void => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = (signal) => {
      dispose();
      resolve(signal);
    };
  });
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return { stopped, dispose };
}

export async function runServe(input: string, options: ServeCommandOptions): Promise<void> {
  const port = parsePort(options.port);
  // Listened for from the start, so a Ctrl-C during the first build also stops cleanly.
  const signal = untilSignal();
  const reporter = { log, formatError, formatDiagnostic };
  // The printer (and pdf-lib, Puppeteer) is loaded only for --pdf.
  const pdf = options.pdf
    ? (await import('../../export/pdf-keeper.js')).createPdfKeeper({ ...reporter, browserWsEndpoint: options.browserWsEndpoint })
    : undefined;
  let server;
  try {
    server = await startServer({
      input,
      port,
      host: options.host,
      outDir: options.out,
      build: {
        strict: options.strict,
        separator: options.separator,
        verticalSeparator: options.verticalSeparator,
        drawDiagrams: drawDiagramsAlone({ browserWsEndpoint: options.browserWsEndpoint }), // a browser only for a diagram the cache lacks
      },
      reporter,
      pdf,
    });
  } catch (error) {
    signal.dispose();
    await pdf?.close();
    throw error;
  }
  log(`serving ${shownPath(input)} at ${server.url}`);
  for (const slug of server.slugs) log(`  ${server.url}${encodeURIComponent(slug)}/`);
  log(`rebuilding${pdf ? ' (and printing the PDF)' : ''} on every save; Ctrl-C stops`);
  if (options.open) {
    const one = server.slugs.length === 1 ? `${encodeURIComponent(server.slugs[0])}/` : '';
    openUrl(server.url + one, log);
  }
  const name = await signal.stopped;
  // Closed before printing: a terminal that is gone (EPIPE) must not keep the port or the temp folder.
  await server.close();
  log(`${name}: stopped`);
}
