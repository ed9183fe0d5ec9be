// `deckmark check [INPUT]`: the API's checkDeck, printing one line per problem (or a JSON
// array) on stdout; returns the exit code.
import { DeckError } from '../../model/deck-error.js';
import { checkDeck } from '../../api/check.js';
import type { Diagnostic } from '../../api/results.js';
import type { CheckCommandOptions } from '../main.js';
import { formatDiagnostic, log } from '../report.js';

/** A problem as the JSON output lists it. */
interface CheckJsonEntry {
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

export async function runCheck(input: string, flags: CheckCommandOptions): Promise<number> {
  const result = await checkDeck(input, {
    maxWords: parseMaxWords(flags.maxWords),
    a11y: flags.a11y,
    strict: flags.strict,
    browserWsEndpoint: flags.browserWsEndpoint,
    separator: flags.separator,
    verticalSeparator: flags.verticalSeparator,
  });
  const { problems, errors, warnings } = result;
  if (flags.format === 'json') {
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
  if (result.browserSkipped) log(`note: overflow and text size were not checked: ${result.browserSkipped}`);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  log(`${plural(result.decks, 'deck')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return errors > 0 ? 1 : 0;
}
