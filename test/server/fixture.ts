// A small project in a temp folder for the dev-server tests: a 5-slide deck with an image,
// speaker notes and its own theme file, and a server started on it in process on port 0.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { formatDiagnostic, formatError } from '../../src/cli/report.js';
import { startServer, type DevServer, type DevServerOptions } from '../../src/server/dev-server.js';
import { SLIDES, tempDir } from '../helpers/cli.js';

export interface Project {
  root: string;
  /** The folder of decks that is served. */
  slides: string;
  deck: string;
  theme: string;
  /** An image beside the project, which a deck may not use: `../../outside.png` from the deck. */
  outside: string;
}

export const THEME = (colour: string): string => `.reveal-viewport { background: ${colour}; }\n.reveal { color: #f2f2f2; }\n`;

export function deckText(three = 'Original text on three', notes = 'Notes for three'): string {
  return [
    '---',
    'title: Live deck',
    'theme: ./my.css',
    '---',
    '',
    '# Slide one',
    '',
    '---',
    '',
    '## Slide two',
    '',
    '![The pipeline](img/pipeline.svg)',
    '',
    '---',
    '',
    '## Slide three',
    '',
    three,
    '',
    `Note: ${notes}`,
    '',
    '---',
    '',
    '## Slide four',
    '',
    '---',
    '',
    '## Slide five',
    '',
  ].join('\n');
}

/** `<root>/package.json` makes root the project, so the deck's image is inside it. */
export function makeProject(): Project {
  const base = tempDir('deckmark-serve-test-');
  const root = path.join(base, 'project');
  const slides = path.join(root, 'slides');
  mkdirSync(path.join(slides, 'img'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n');
  copyFileSync(path.join(SLIDES, 'img/pipeline.svg'), path.join(slides, 'img/pipeline.svg'));
  const deck = path.join(slides, 'deck.md');
  const theme = path.join(slides, 'my.css');
  writeFileSync(deck, deckText());
  writeFileSync(theme, THEME('rgb(10, 20, 30)'));
  const outside = path.join(base, 'outside.svg');
  copyFileSync(path.join(SLIDES, 'img/pipeline.svg'), outside);
  return { root, slides, deck, theme, outside };
}

export interface Started {
  server: DevServer;
  /** Everything the server printed, line by line. */
  printed: string[];
}

export async function serve(input: string, options: Partial<DevServerOptions> = {}): Promise<Started> {
  const printed: string[] = [];
  const server = await startServer({
    input,
    port: 0,
    reporter: { log: (line) => printed.push(line), formatError, formatDiagnostic },
    ...options,
  });
  return { server, printed };
}

/** True when nothing listens on the port (binding it works). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Polls `check` until it holds; for states reached through the file system and a rebuild. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
