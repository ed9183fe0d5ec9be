// A deck to present (Norwegian, a fragment on slide two, notes on slide three), the present
// server started on it in process, and a plain WebSocket client that speaks to its channel.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { formatDiagnostic, formatError } from '../../src/cli/report.js';
import { startPresentServer, type PresentServer, type PresentServerOptions } from '../../src/server/present/present-server.js';
import { tempDir } from '../helpers/cli.js';

export const PRESENT_DECK = [
  '---',
  'title: Presentert',
  'lang: nb',
  '---',
  '',
  '# Slide one',
  '',
  '---',
  '',
  '## Slide two',
  '',
  '- Shown first',
  '- Shown later <!-- .element: class="fragment" -->',
  '',
  '---',
  '',
  '## Slide three',
  '',
  'Note: Notes for three',
  '',
  '---',
  '',
  '## Slide four',
  '',
].join('\n');

/** `<root>/slides/talk.md` in a project of its own. */
export function makeTalk(): string {
  const root = tempDir();
  mkdirSync(path.join(root, 'slides'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n');
  const file = path.join(root, 'slides', 'talk.md');
  writeFileSync(file, PRESENT_DECK);
  return file;
}

export function present(input: string, options: Partial<PresentServerOptions> = {}): Promise<PresentServer> {
  return startPresentServer({ input, port: 0, reporter: { log: () => undefined, formatError, formatDiagnostic }, ...options });
}

export interface Client {
  ws: WebSocket;
  /** Every message received, parsed. */
  messages: Array<Record<string, unknown>>;
  opened: Promise<void>;
  /** The close code, once closed. */
  closed: Promise<number>;
}

export function channelClient(server: PresentServer, query: string, origin?: string): Client {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/__deckmark/present?${query}`, origin ? { origin } : {});
  const messages: Client['messages'] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as Record<string, unknown>));
  ws.on('error', () => undefined);
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { ws, messages, opened, closed };
}
