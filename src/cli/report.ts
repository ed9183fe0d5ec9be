// Printing for the CLI: diagnostics as `file:line:col: severity: message (code)` on stderr.
import type { Diagnostic } from '../model/deck.js';
import type { DeckError } from '../model/deck-error.js';

export function formatLocation(where: { file?: string; line?: number; column?: number }): string {
  if (!where.file) return '';
  return `${where.file}${where.line ? `:${where.line}:${where.column ?? 1}` : ''}: `;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${formatLocation(d)}${d.severity}: ${d.message} (${d.code})`;
}

export function formatError(e: DeckError): string {
  return `${formatLocation(e)}error: ${e.message} (${e.code})${e.hint ? `\n  hint: ${e.hint}` : ''}`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
