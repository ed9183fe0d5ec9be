// Reading a deck from disk: a clear error for a missing, unreadable, binary or non-UTF-8 file.
import { readFile } from 'node:fs/promises';
import { DeckError } from '../model/deck-error.js';

export async function readDeckFile(file: string, shown = file): Promise<string> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DeckError('input-not-found', `no such file: ${shown}`, { file: shown });
    throw new DeckError('input-unreadable', `cannot read ${shown} (${code ?? (e as Error).message})`, { file: shown });
  }
  const nul = data.indexOf(0);
  if (nul >= 0) {
    const line = data.subarray(0, nul).toString('latin1').split('\n').length;
    throw new DeckError('input-unreadable', 'this is a binary file, not a Markdown deck', { file: shown, line, column: 1 });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // The lenient decoder marks the first bad sequence with U+FFFD: name its line.
    const text = new TextDecoder('utf-8').decode(data);
    const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
    throw new DeckError('input-unreadable', 'the file is not valid UTF-8 text: save it as UTF-8', { file: shown, line, column: 1 });
  }
}
