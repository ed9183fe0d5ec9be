// `deckmark check [INPUT]`: builds each deck into a temporary folder, runs the rules that need
// no browser, then measures overflow and text size in Chromium (skipped, with a note, without one).
// Prints one line per problem (or a JSON array) on stdout; returns the exit code.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Diagnostic } from '../../model/deck.js';
import { DeckError } from '../../model/deck-error.js';
import { asCheckDiagnostics, sortDiagnostics } from '../../check/check-deck.js';
import { buildDeck, shownPath } from '../../build/build-deck.js';
import { findDecks } from '../../build/find-decks.js';
import { findBrowser, launchBrowser } from '../../export/browser.js';
import { measureDeck } from '../../export/measure-overflow.js';
import { formatDiagnostic, log } from '../report.js';

export interface CheckCommandOptions {
  format?: string;
  strict?: boolean;
  maxWords?: string;
  separator?: string;
  verticalSeparator?: string;
}

/** A problem as the JSON output lists it. */
export interface CheckJsonEntry {
  file?: string;
  line: number;
  column: number;
  severity: Diagnostic['severity'];
  rule: string;
  message: string;
  hint?: string;
}

function parseMaxWords(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new DeckError('usage', '--max-words must be a whole number above 0');
  return n;
}

/** Why the browser rules cannot run here, or undefined when a browser is found. */
function missingBrowser(): string | undefined {
  try {
    findBrowser();
    return undefined;
  } catch (error) {
    if (error instanceof DeckError && error.code === 'browser-not-found') return error.hint ?? error.message;
    throw error;
  }
}

export async function runCheck(input: string, flags: CheckCommandOptions): Promise<number> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new DeckError('usage', '--format must be text or json');
  const maxWords = parseMaxWords(flags.maxWords);
  const decks = await findDecks(input);
  const noBrowser = missingBrowser();
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'deckmark-check-'));
  let browser: Promise<Browser> | undefined;
  const found: Diagnostic[] = [];
  try {
    for (const file of decks) {
      try {
        const built = await buildDeck(file, {
          outDir,
          keepErrors: true,
          maxWords,
          separator: flags.separator,
          verticalSeparator: flags.verticalSeparator,
        });
        found.push(...asCheckDiagnostics(built.deck.diagnostics), ...built.lint);
        if (!noBrowser) {
          browser ??= launchBrowser();
          found.push(...(await measureDeck(await browser, built.output, built.deck)));
        }
      } catch (error) {
        // A deck that cannot be built at all is one error; the other decks are still checked.
        if (!(error instanceof DeckError) || error.code === 'usage' || error.code === 'export-failed') throw error;
        found.push({
          severity: 'error',
          code: error.code,
          message: error.message,
          file: error.file ?? shownPath(file),
          line: error.line ?? 1,
          column: error.column ?? 1,
        });
      }
    }
  } finally {
    await browser?.then((b) => b.close()).catch(() => undefined);
    await rm(outDir, { recursive: true, force: true });
  }

  const problems = sortDiagnostics(found);
  if (format === 'json') {
    const entries: CheckJsonEntry[] = problems.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      rule: d.code,
      message: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
    }));
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  } else {
    for (const d of problems) process.stdout.write(`${formatDiagnostic(d)}\n`);
  }
  if (noBrowser) log(`note: overflow and text size were not checked: no Chrome or Chromium found (${noBrowser})`);
  const errors = problems.filter((d) => d.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  log(`${plural(decks.length, 'deck')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return errors > 0 || (flags.strict && warnings > 0) ? 1 : 0;
}
