// Watches what the decks are made of (each deck file, its images, theme and stylesheets, and
// .md files coming and going in a folder INPUT) and names the decks that a change touches.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch } from 'chokidar';

export interface DeckWatcher {
  /** Sets the files a deck is built from, replacing those of its previous build. */
  setInputs(deckFile: string, inputs: readonly string[]): void;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** The deck file or the folder of decks, as an absolute path. */
  input: string;
  inputIsFolder: boolean;
  /** A deck's file or one of its inputs changed, appeared or went away. */
  onDeckChange(deckFile: string): void;
  onError(error: unknown): void;
}

/** Longer than chokidar's 50 ms window in which it drops repeated `change` events. */
const RECHECK_MS = 60;

async function stampOf(file: string): Promise<string> {
  try {
    const s = await stat(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'gone';
  }
}

export async function watchDecks(options: WatchOptions): Promise<DeckWatcher> {
  const { input, inputIsFolder } = options;
  /** Input file → the deck files built from it. */
  const users = new Map<string, Set<string>>();
  const inputsOf = new Map<string, readonly string[]>();
  const watched = new Set<string>([input]);
  const rechecks = new Map<string, NodeJS.Timeout>();

  const isDeckFile = (file: string): boolean =>
    inputIsFolder ? path.dirname(file) === input && /\.md$/i.test(file) && !path.basename(file).startsWith('.') : file === input;

  // chokidar drops a `change` that follows another of the same file within 50 ms and sends
  // nothing for it later, so the last of several quick saves could go unseen. Each event is
  // therefore checked again after that window; a file that differs from how it was at the
  // event counts as changed once more.
  const onEvent = async (eventPath: string): Promise<void> => {
    const file = path.resolve(eventPath);
    const decks = new Set(users.get(file));
    if (isDeckFile(file)) decks.add(file);
    if (decks.size === 0) return;
    for (const deck of decks) options.onDeckChange(deck);
    const stamp = await stampOf(file);
    clearTimeout(rechecks.get(file));
    rechecks.set(
      file,
      setTimeout(() => {
        rechecks.delete(file);
        void stampOf(file).then((now) => (now === stamp ? undefined : onEvent(file)));
      }, RECHECK_MS),
    );
  };

  // A folder is watched one level deep: its .md files are the decks; their images, wherever
  // they are, are added one by one once a build has named them.
  const watcher = watch(input, { ignoreInitial: true, depth: 0 });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file: string) => void onEvent(file));
  watcher.on('error', options.onError);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));

  return {
    setInputs(deckFile, inputs) {
      for (const file of inputsOf.get(deckFile) ?? []) users.get(file)?.delete(deckFile);
      inputsOf.set(deckFile, inputs);
      const fresh: string[] = [];
      for (const file of inputs) {
        if (!users.has(file)) users.set(file, new Set());
        users.get(file)!.add(deckFile);
        if (!watched.has(file)) fresh.push(file);
      }
      // Files no deck uses any more stay watched (their events find no deck): chokidar's
      // unwatch() would also silence a .md file of a watched folder for good.
      for (const file of fresh) watched.add(file);
      if (fresh.length > 0) watcher.add(fresh);
    },
    async close() {
      for (const timer of rechecks.values()) clearTimeout(timer);
      rechecks.clear();
      await watcher.close();
    },
  };
}
