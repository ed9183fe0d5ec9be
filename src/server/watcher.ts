// Watches what the decks are made of (each deck file, its images, theme and stylesheets, and
// .md files coming and going in a folder INPUT) and names the decks that a change touches.
import path from 'node:path';
import { watch } from 'chokidar';
import { fileStamp } from './deck-inputs.js';

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

export async function watchDecks(options: WatchOptions): Promise<DeckWatcher> {
  const { input, inputIsFolder } = options;
  /** Input file → the deck files built from it. */
  const users = new Map<string, Set<string>>();
  const inputsOf = new Map<string, readonly string[]>();
  const rechecks = new Map<string, NodeJS.Timeout>();

  const isDeckFile = (file: string): boolean =>
    inputIsFolder ? path.dirname(file) === input && /\.md$/i.test(file) && !path.basename(file).startsWith('.') : file === input;

  // chokidar drops a `change` that follows another of the same file within 50 ms and sends
  // nothing for it later, so the last of several quick saves could go unseen. Each event is
  // therefore checked again after that window; a file that differs from how it was at the
  // event counts as changed once more.
  const onEvent = (eventPath: string): void => {
    const file = path.resolve(eventPath);
    const decks = new Set(users.get(file));
    if (isDeckFile(file)) decks.add(file);
    if (decks.size === 0) return;
    for (const deck of decks) options.onDeckChange(deck);
    const stamp = fileStamp(file);
    clearTimeout(rechecks.get(file));
    rechecks.set(
      file,
      setTimeout(() => {
        rechecks.delete(file);
        if (fileStamp(file) !== stamp) onEvent(file);
      }, RECHECK_MS),
    );
  };

  // Folders are watched, one level deep, never single files: chokidar loses a file it watches
  // by itself for good when an editor saves it by rename within a few ms of another write,
  // while a watched folder sees the new file. A folder INPUT's .md files are the decks; the
  // folders of each deck's images and stylesheets are added once a build has named them.
  const folders = new Set([inputIsFolder ? input : path.dirname(input)]);
  const watcher = watch([...folders], { ignoreInitial: true, depth: 0 });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (file: string) => onEvent(file));
  watcher.on('error', options.onError);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));

  return {
    setInputs(deckFile, inputs) {
      for (const file of inputsOf.get(deckFile) ?? []) users.get(file)?.delete(deckFile);
      inputsOf.set(deckFile, inputs);
      const fresh = new Set<string>();
      for (const file of inputs) {
        if (!users.has(file)) users.set(file, new Set());
        users.get(file)!.add(deckFile);
        const folder = path.dirname(file);
        if (!folders.has(folder)) fresh.add(folder);
      }
      // Folders no deck needs any more stay watched (their events find no deck): chokidar's
      // unwatch() would also silence the decks of a watched INPUT folder for good.
      for (const folder of fresh) folders.add(folder);
      if (fresh.size > 0) watcher.add([...fresh]);
    },
    async close() {
      for (const timer of rechecks.values()) clearTimeout(timer);
      rechecks.clear();
      await watcher.close();
    },
  };
}
