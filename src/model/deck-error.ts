// The one error the compiler throws: a deck it cannot produce, located in its source.
import type { Diagnostic } from './deck.js';

/** Error codes and the exit code each maps to at the CLI. */
const ERROR_EXIT_CODES = {
  'front-matter': 1,
  'invalid-option': 1,
  'invalid-config': 1,
  'unknown-theme': 1,
  'input-not-found': 1,
  'input-unreadable': 1,
  'no-decks': 1,
  'asset-outside-project': 1,
  'missing-asset': 1,
  'invalid-stylesheet': 1,
  'unsafe-asset': 1,
  'output-unwritable': 1,
  'browser-not-found': 1,
  'export-failed': 1,
  'port-unavailable': 1,
  /** A warning, which `--strict` makes an error. */
  strict: 1,
  usage: 2,
} as const;

export type ErrorCode = keyof typeof ERROR_EXIT_CODES;

export interface DeckErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
}

export class DeckError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, where: DeckErrorLocation = {}) {
    super(message);
    this.name = 'DeckError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.hint = where.hint;
  }

  get exitCode(): number {
    return ERROR_EXIT_CODES[this.code];
  }

  /** Turns a diagnostic of severity error into the error that stops a build. */
  static fromDiagnostic(d: Diagnostic): DeckError {
    return new DeckError(d.code as ErrorCode, d.message, d);
  }
}
