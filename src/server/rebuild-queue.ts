// Turns a burst of file events into one rebuild: starts at once (or after a quiet spell, if asked),
// runs one build at a time, and folds everything that arrives during a build into the next one.

export interface RebuildQueue {
  /** Marks a deck file as needing a rebuild. */
  schedule(file: string): void;
  /** Runs `task` when no build is running, before any rebuild scheduled after it. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Resolves when the work queued so far is done (not waiting for work queued later). */
  idle(): Promise<void>;
  /** Stops taking work and resolves when the running build (if any) is done. */
  close(): Promise<void>;
}

/**
 * `run` gets the deck files changed since the last run; what it throws goes to `onError`. By
 * default a run starts as soon as the event loop turns (`quietMs` 0), as Vite's does: the first
 * event of a save is acted on at once, and what comes while a build runs (an editor's second
 * write, a rename) folds into one next run, which builds nothing when the files are as the last
 * build read them (live-site.ts). A save caught midway is waited out there (half-written.ts).
 */
export function createRebuildQueue(run: (files: string[]) => Promise<void>, onError: (error: unknown) => void, quietMs = 0): RebuildQueue {
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let queued = false;
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();

  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const result = chain.then(task);
    chain = result.catch(() => undefined);
    return result;
  };

  const flush = (): void => {
    timer = undefined;
    // A run already waiting for the running build takes the newest set when it starts.
    if (queued || closed) return;
    queued = true;
    void exclusive(async () => {
      queued = false;
      const files = [...dirty];
      dirty.clear();
      if (files.length > 0 && !closed) await run(files);
    }).catch(onError);
  };

  return {
    schedule(file) {
      if (closed) return;
      dirty.add(file);
      clearTimeout(timer);
      timer = setTimeout(flush, quietMs);
    },
    exclusive,
    idle: () => chain.then(() => undefined),
    async close() {
      closed = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
