// `deckmark pdf [INPUT]`: the API's exportPdf, with a step counter on the terminal for long
// decks and a line per PDF written.
import { shownPath } from '../../build/deck-files.js';
import { exportPdf, type ExportPdfOptions } from '../../api/pdf.js';
import type { PdfCommandOptions } from '../main.js';
import { folderFlags } from '../folder-flags.js';
import { log, printDiagnostics } from '../report.js';

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function runPdf(input: string, flags: PdfCommandOptions): Promise<void> {
  // A step counter on the terminal for decks that take a moment.
  const progress = !flags.quiet && process.stderr.isTTY;
  let counting = false;
  await exportPdf(input, {
    out: flags.out,
    notes: flags.notes,
    fragments: flags.fragments,
    handout: flags.handout === undefined ? undefined : (Number(flags.handout) as ExportPdfOptions['handout']),
    size: flags.size,
    safe: flags.safe,
    separator: flags.separator,
    verticalSeparator: flags.verticalSeparator,
    browserWsEndpoint: flags.browserWsEndpoint,
    ...folderFlags(flags),
    log,
    onProgress: (p) => {
      counting = progress && p.slides > 20;
      if (counting) process.stderr.write(`\r\x1b[K${p.slug}: [${p.stepNumber}/${p.steps}] ${p.step} ${p.slides} slides…`);
    },
    onDeck: (pdf) => {
      if (counting) process.stderr.write('\r\x1b[K');
      printDiagnostics(pdf.diagnostics);
      const reused = pdf.reusedPages > 0 ? `: ${pdf.pages - pdf.reusedPages} printed, ${pdf.reusedPages} unchanged` : '';
      log(`wrote ${shownPath(pdf.file)} (${pdf.pages} pages${reused}, ${formatSize(pdf.bytes)}, ${pdf.seconds.toFixed(1)} s)`);
    },
  });
}
