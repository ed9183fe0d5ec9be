// checkDeck(): every rule that needs no browser, run over a parsed deck. `build` prints these as
// warnings; `check` also reports the compiler's own problems, missing files as errors.
import type { Deck, Diagnostic } from '../model/deck.js';
import { checkContrast } from './contrast-rule.js';
import { checkAltText, checkLinks } from './media-rules.js';
import { checkDensity, checkDuplicateIds, checkTextAboveSeparators, checkTitles, DEFAULT_MAX_WORDS } from './slide-rules.js';

export interface CheckOptions {
  /** Words a slide may hold before `dense-slide` warns. @defaultValue 80 */
  maxWords?: number;
  /** The theme's CSS text (imports inlined); without it the contrast rule is skipped. */
  themeCss?: string;
}

/** Compiler diagnostics that `check` reports as errors: files that are not there, video links without an id. */
const ERRORS_IN_CHECK = new Set(['missing-image', 'missing-video', 'missing-file', 'malformed-video']);

export function checkDeck(deck: Deck, options: CheckOptions = {}): Diagnostic[] {
  return [
    ...checkAltText(deck),
    ...checkLinks(deck),
    ...checkTitles(deck),
    ...checkDuplicateIds(deck),
    ...checkDensity(deck, options.maxWords ?? DEFAULT_MAX_WORDS),
    ...checkTextAboveSeparators(deck),
    ...(options.themeCss === undefined ? [] : checkContrast(deck, options.themeCss)),
  ];
}

/** The compiler's diagnostics as `check` reports them: missing files and broken video links are errors. */
export function asCheckDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (ERRORS_IN_CHECK.has(d.code) ? { ...d, severity: 'error' } : d));
}

/** Sorted by line, then by rule, as a reader goes through the deck. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
