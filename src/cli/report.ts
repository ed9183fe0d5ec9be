// Printing for the CLI: diagnostics as `file:line:col: severity: message (code)` on stderr.
import type { Diagnostic } from '../model/deck.js';
import type { DeckError } from '../model/deck-error.js';

/** C0/C1 controls, DEL and the bidi overrides: a file name holding one could split or disguise a message. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every control character written as an escape, so a message stays one line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

function formatLocation(where: { file?: string; line?: number; column?: number }): string {
  if (!where.file) return '';
  return `${escapeControls(where.file)}${where.line ? `:${where.line}:${where.column ?? 1}` : ''}: `;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d)}${d.severity}: ${escapeControls(d.message)} (${d.code})`;
}

export function formatError(e: DeckError): string {
  return `${formatLocation(e)}error: ${escapeControls(e.message)} (${e.code})${e.hint ? `\n  hint: ${escapeControls(e.hint)}` : ''}`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
