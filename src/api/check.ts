// checkDeck(): what `deckmark check` finds. Each deck is built into a temporary folder, the
// rules that need no browser run, then overflow and text size are measured in Chromium
// (skipped, with the reason in the result, without one); with `a11y`, axe-core audits every slide there.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { DeckError } from '../model/deck-error.js';
import { diagnostic } from '../model/diagnostic.js';
import { asCheckDiagnostics, sortDiagnostics } from '../check/check-deck.js';
import { buildDeck } from '../build/build-deck.js';
import { shownPath } from '../build/deck-files.js';
import { findDecks } from '../build/find-decks.js';
import { browserProblem } from '../export/browser/find.js';
import { launchBrowser } from '../export/browser/launch.js';
import { openDiagramDrawer } from '../export/diagrams.js';
import { measureDeck } from '../export/measure-overflow.js';
import { auditDeck } from '../export/accessibility-audit.js';
import type { BrowserChoice, Diagnostic, Separators } from './results.js';

export interface CheckDeckOptions extends Separators, BrowserChoice {
  /** Words a slide may hold before it is reported as dense. @defaultValue 80 */
  maxWords?: number;
  /** Also audit every slide with axe-core (WCAG 2.0/2.1 A and AA) in Chromium; needs a browser. @defaultValue false */
  a11y?: boolean;
  /** Every warning is an error, as with `buildDeck`'s `strict` (`check --strict`). @defaultValue false */
  strict?: boolean;
}

export interface CheckResult {
  /** Every problem of every deck, by file and line; a deck that cannot be built is one error. */
  problems: Diagnostic[];
  /** How many decks were checked. */
  decks: number;
  errors: number;
  warnings: number;
  /** Why overflow and text size were not measured (no Chrome or Chromium found, and where it was looked for); undefined when they were. */
  browserSkipped?: string;
}

/** Checks the deck (a .md file) or every deck of a folder. */
export async function checkDeck(input: string, options: CheckDeckOptions = {}): Promise<CheckResult> {
  const { maxWords } = options;
  if (maxWords !== undefined && (!Number.isInteger(maxWords) || maxWords < 1))
    throw new DeckError('usage', `the words a slide may hold must be a whole number above 0, not ${maxWords}`);
  const decks = await findDecks(input);
  const noBrowser = browserProblem(options.browserWsEndpoint);
  if (options.a11y && noBrowser) throw new DeckError('browser-not-found', `the accessibility audit (--a11y) needs a browser: ${noBrowser}`);
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'deckmark-check-'));
  let browser: Promise<Browser> | undefined;
  const openBrowser = (): Promise<Browser> => (browser ??= launchBrowser({ browserWsEndpoint: options.browserWsEndpoint }));
  // Mermaid diagrams the cache lacks are drawn in the browser that measures the decks.
  const diagrams = openDiagramDrawer({ browser: openBrowser, browserWsEndpoint: options.browserWsEndpoint });
  const found: Diagnostic[] = [];
  try {
    for (const file of decks) {
      try {
        const built = await buildDeck(file, {
          outDir,
          keepErrors: true,
          maxWords,
          separator: options.separator,
          verticalSeparator: options.verticalSeparator,
          notesSeparator: options.notesSeparator,
          drawDiagrams: diagrams.draw,
        });
        found.push(...asCheckDiagnostics(built.deck.diagnostics), ...built.lint);
        if (!noBrowser) {
          found.push(...(await measureDeck(await openBrowser(), built.output, built.deck)));
          if (options.a11y) found.push(...(await auditDeck(await openBrowser(), built.output, built.deck)));
        }
      } catch (error) {
        // A deck that cannot be built at all is one error; the other decks are still checked.
        if (!(error instanceof DeckError) || error.code === 'usage' || error.code === 'export-failed') throw error;
        found.push(diagnostic('error', error.code, error.message, { ...error, file: error.file ?? shownPath(file) }));
      }
    }
  } finally {
    await browser?.then((b) => b.close()).catch(() => undefined);
    await rm(outDir, { recursive: true, force: true });
  }
  const problems = sortDiagnostics(options.strict ? found.map((d) => ({ ...d, severity: 'error' as const })) : found);
  const errors = problems.filter((d) => d.severity === 'error').length;
  return { problems, decks: decks.length, errors, warnings: problems.length - errors, browserSkipped: noBrowser };
}
