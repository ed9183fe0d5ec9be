// deckmark as a library: `import { buildDeck, exportPdf, checkDeck } from 'deckmark'`. The CLI's
// build, pdf and check commands are these functions plus printing. Errors in the input are
// thrown as DeckError (its code, and file, line and column when it has a place).
export { buildDeck, buildIndex, type BuildDeckOptions, type BuildResult } from './build.js';
export type { Shard } from '../build/find-decks.js';
export { exportPdf, type ExportPdfOptions, type PdfFileResult, type PdfProgress, type PdfStep } from './pdf.js';
export { checkDeck, type CheckDeckOptions, type CheckResult } from './check.js';
export type { BrowserChoice, DeckResult, Diagnostic, Separators } from './results.js';
export { DeckError, type ErrorCode } from '../model/deck-error.js';
