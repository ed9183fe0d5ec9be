// Measures `serve --pdf`: the time from a save of a 100-slide deck to a download of its PDF
// showing that save (the download waits for the background print). The browser is warm after
// the first print, as in a real session. Run: npm run build && npx tsx bench/serve-pdf-latency.ts [runs]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDiagnostic, formatError } from '../src/cli/report.js';
import { createPdfKeeper } from '../src/export/pdf-keeper.js';
import { startServer } from '../src/server/dev-server.js';
import { writeDecks } from './decks.js';
import { stats } from './measure.js';

const RUNS = Number(process.argv[2] ?? 10);
const work = mkdtempSync(path.join(os.tmpdir(), 'deckmark-serve-pdf-bench-'));
writeFileSync(path.join(work, 'package.json'), '{}');
const deck = writeDecks(work, [100]).get(100)!;
const original = readFileSync(deck, 'utf8');
const printed: string[] = [];
const pdf = createPdfKeeper({ log: (line) => printed.push(line), formatError });
const server = await startServer({ input: deck, port: 0, pdf, reporter: { log: () => undefined, formatError, formatDiagnostic } });
const url = `${server.url}deck-100/deck-100.pdf`;
try {
  await fetch(url).then((r) => r.arrayBuffer()); // the first print, browser launch included
  const ms: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const marker = `Lagret ${run} ${Date.now()}`;
    const started = performance.now();
    writeFileSync(deck, original.replace('# Strategi for god bruk av sosiale medier', `# ${marker}`));
    // The page updates first (the rebuild); then the download waits for the print of that build.
    while (!(await (await fetch(`${server.url}deck-100/`)).text()).includes(marker)) await new Promise((r) => setTimeout(r, 5));
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    ms.push(performance.now() - started);
    if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error('not a PDF');
    await new Promise((r) => setTimeout(r, 1000)); // a pause between saves, as when writing
  }
  const s = stats(ms);
  process.stdout.write(
    `serve --pdf, 100 slides: save → current PDF downloaded: median ${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)}), ${RUNS} runs, load average ${os.loadavg()[0].toFixed(2)}\n`,
  );
  process.stdout.write(`${printed.slice(-3).join('\n')}\n`);
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
