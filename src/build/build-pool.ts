// `--jobs N`: a folder's decks built by N worker threads at once, each deck whole in one worker
// (compiling is CPU work: on one thread the decks of a large folder wait for each other).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { DeckError, type DeckErrorLocation, type ErrorCode } from '../model/deck-error.js';
import type { DiagramRequest } from './diagrams.js';
import { buildDeck, type BuildOptions, type BuiltDeck } from './build-deck.js';
import { BUILD_WORKER } from './paths.js';

type DrawResult = Awaited<ReturnType<NonNullable<BuildOptions['drawDiagrams']>>>;

export type ToWorker = { type: 'build'; file: string } | { type: 'drawn'; id: number; result: DrawResult };

type WorkerError = { deckError: true; code: ErrorCode; message: string; where: DeckErrorLocation } | { deckError: false; message: string };

export type FromWorker =
  | { type: 'built'; file: string; built: BuiltDeck }
  | { type: 'failed'; file: string; error: WorkerError }
  | { type: 'draw'; id: number; requests: DiagramRequest[] };

/** Below this many decks per worker, a worker's start (loading deckmark, ~0.1 s) costs more than it saves. */
const MIN_DECKS_PER_WORKER = 2;

/** The default `--jobs`: one per core. */
export function defaultJobs(): number {
  return os.availableParallelism();
}

/** `--jobs` is a whole number of at least 1. */
function checkJobs(jobs: number, shown: string = String(jobs)): number {
  if (!Number.isInteger(jobs) || jobs < 1) throw new DeckError('usage', `--jobs must be a whole number of at least 1, not "${shown}"`);
  return jobs;
}

/** Reads `--jobs N`. */
export function parseJobs(text: string): number {
  return checkJobs(/^\s*\d+\s*$/.test(text) ? Number(text) : NaN, text);
}

/**
 * Runs `fn` on each item, at most `limit` at once (decks printed in parallel pages of one
 * browser); results in the items' order. After a failure no new item starts; the first is thrown.
 */
export async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(checkJobs(limit), items.length) }, lane));
  if (failure) throw failure.error;
  return results;
}

/** How many workers to start for `decks` decks with `--jobs jobs`; 1 means build in this thread. */
export function workerCount(decks: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(decks / MIN_DECKS_PER_WORKER)));
}

function asError(error: WorkerError): Error {
  return error.deckError ? new DeckError(error.code, error.message, error.where) : new Error(error.message);
}

/**
 * Builds `files` with up to `jobs` worker threads; results in the files' order, `onDeck` as each
 * is done. The first error stops the others (as a one-thread build stops at it) and is thrown.
 */
export async function buildDecks(
  files: string[],
  options: BuildOptions,
  jobs: number,
  onDeck?: (built: BuiltDeck) => void,
): Promise<BuiltDeck[]> {
  const count = workerCount(files.length, checkJobs(jobs));
  if (count === 1) {
    const built: BuiltDeck[] = [];
    for (const file of files) {
      const result = await buildDeck(file, options);
      onDeck?.(result);
      built.push(result);
    }
    return built;
  }

  const { drawDiagrams, ...cloneable } = options;
  const results = new Map<string, BuiltDeck>();
  const queue = [...files];
  const workers = Array.from(
    { length: count },
    () => new Worker(BUILD_WORKER, { workerData: { options: cloneable, canDraw: drawDiagrams !== undefined } }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const next = (worker: Worker): void => {
        const file = queue.shift();
        if (file === undefined) {
          if (running === 0) resolve();
          return;
        }
        running++;
        worker.postMessage({ type: 'build', file } satisfies ToWorker);
      };
      for (const worker of workers) {
        worker.on('message', (message: FromWorker) => {
          if (message.type === 'draw') {
            drawDiagrams!(message.requests).then(
              (result) => worker.postMessage({ type: 'drawn', id: message.id, result } satisfies ToWorker),
              reject,
            );
            return;
          }
          running--;
          if (message.type === 'failed') return reject(asError(message.error));
          results.set(message.file, message.built);
          onDeck?.(message.built);
          next(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a build worker stopped with exit code ${code}`));
        });
        next(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return files.map((file) => results.get(file)!);
}
