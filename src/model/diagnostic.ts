// The one way to make a Diagnostic, for every folder that reports a problem in a deck.
// Wording, the same everywhere: the message starts in lower case, names what the author wrote
// in quotes (`image "pic.png" not found`), says what happens to it, and ends without a period;
// how to fix it goes in the hint when the message alone does not say.
import type { Diagnostic, Severity } from './deck.js';

/** Where a problem is in a deck's source; deckmark points at lines, so the column is 1 unless known. */
export interface SourcePlace {
  file?: string;
  /** 1-based; the file's first line when unknown. */
  line?: number;
  column?: number;
}

export function diagnostic(severity: Severity, code: string, message: string, at: SourcePlace, hint?: string): Diagnostic {
  return { severity, code, message, file: at.file, line: at.line ?? 1, column: at.column ?? 1, ...(hint ? { hint } : {}) };
}
