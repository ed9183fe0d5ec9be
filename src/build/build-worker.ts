// A worker thread of `--jobs`: builds the decks the pool hands it, one at a time, and asks the
// main thread to draw diagrams (the main thread holds the only browser).
import { parentPort, workerData } from 'node:worker_threads';
import type { DiagramRequest } from './diagrams.js';
import { buildDeck, type BuildOptions } from './build-deck.js';
import type { FromWorker, ToWorker } from './build-pool.js';
import { DeckError } from '../model/deck-error.js';

const port = parentPort!;
const { options, canDraw } = workerData as { options: BuildOptions; canDraw: boolean };
const drawings = new Map<number, (reply: Extract<ToWorker, { type: 'drawn' }>) => void>();
let nextDrawing = 0;

const send = (message: FromWorker): void => port.postMessage(message);

const drawDiagrams: BuildOptions['drawDiagrams'] = canDraw
  ? (requests: DiagramRequest[]) =>
      new Promise((resolve) => {
        const id = nextDrawing++;
        drawings.set(id, (reply) => resolve(reply.result));
        send({ type: 'draw', id, requests });
      })
  : undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'drawn') {
    drawings.get(message.id)?.(message);
    drawings.delete(message.id);
    return;
  }
  buildDeck(message.file, { ...options, drawDiagrams }).then(
    (built) => send({ type: 'built', file: message.file, built }),
    (error: unknown) =>
      send({
        type: 'failed',
        file: message.file,
        error:
          error instanceof DeckError
            ? {
                deckError: true,
                code: error.code,
                message: error.message,
                where: { file: error.file, line: error.line, column: error.column, hint: error.hint },
              }
            : { deckError: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      }),
  );
});
