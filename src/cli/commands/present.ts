// `deckmark present [INPUT]`: builds one deck, serves its presenter, remote and audience views,
// prints their URLs (one per line, for scripts) and the remote's QR code, stops on Ctrl-C.
import QRCode from 'qrcode';
import { DeckError } from '../../model/deck-error.js';
import { openUrl } from '../../server/open-url.js';
import { startPresentServer } from '../../server/present/present-server.js';
import { isStrongToken } from '../../server/present/token.js';
import type { PresentCommandOptions } from '../main.js';
import { formatDiagnostic, formatError, log } from '../report.js';
import { parsePort, untilSignal } from './serve.js';
import { drawDiagramsAlone } from '../../export/diagrams.js';

/** A key kept across restarts, so paired phones reconnect by themselves: from the environment, never argv (ps shows it). */
function tokenFromEnvironment(): string | undefined {
  const token = process.env.DECKMARK_PRESENT_TOKEN;
  if (token === undefined || token === '') return undefined;
  if (!isStrongToken(token)) {
    throw new DeckError('usage', 'DECKMARK_PRESENT_TOKEN must be 22 to 128 letters, digits, - or _ (128 bits or more)', {
      hint: 'leave it unset for a new random key, or make one with: openssl rand -base64 16 | tr +/ -_ | tr -d =',
    });
  }
  return token;
}

export async function runPresent(input: string, options: PresentCommandOptions): Promise<void> {
  const port = parsePort(options.port);
  const token = tokenFromEnvironment();
  const signal = untilSignal();
  let server;
  try {
    server = await startPresentServer({
      input,
      port,
      host: options.host,
      token,
      build: {
        strict: options.strict,
        separator: options.separator,
        verticalSeparator: options.verticalSeparator,
        drawDiagrams: drawDiagramsAlone(), // a browser only for a diagram the cache lacks
      },
      reporter: { log, formatError, formatDiagnostic },
    });
  } catch (error) {
    signal.dispose();
    throw error;
  }
  // On stdout, one per line, for scripts; everything else goes to stderr.
  process.stdout.write(`presenter: ${server.presenterUrl}\nremote: ${server.remoteUrl}\naudience: ${server.audienceUrl}\n`);
  if (!server.loopback) {
    log(
      `warning: listening on ${options.host}: anyone on this network can open the audience view (the deck and its notes' text); the presenter and remote views need the key in their URLs`,
    );
  }
  log(await QRCode.toString(server.remoteUrl, { type: 'terminal', small: true }));
  log("scan the code with the phone for the remote (R on the presenter's page shows it too); Ctrl-C stops");
  if (options.open) openUrl(server.presenterUrl, log);
  const name = await signal.stopped;
  await server.close();
  log(`${name}: stopped`);
}
