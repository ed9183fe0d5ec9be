// Measures `--jobs` on a folder of decks: 200 decks of 20 slides built, and 20 of them printed to
// PDF, with --jobs 1 and --jobs N (default: the machine's cores), alternating run by run, each a
// whole `deckmark` process from an empty output folder.
// Run: npx tsx bench/folder-jobs.ts [runs] [jobs]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deckText, writeDecks } from './decks.js';
import { runProcess, stats } from './measure.js';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BIN = path.join(REPO, 'bin/deckmark.js');
const RUNS = Number(process.argv[2] ?? 3);
const JOBS = Number(process.argv[3] ?? os.availableParallelism());

/** A project folder holding `count` decks of `slides` slides (the bench's Norwegian talk, each its own title). */
function folder(work: string, name: string, count: number, slides: number): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeDecks(dir, []); // the images the decks show
  const text = deckText(slides);
  for (let i = 1; i <= count; i++) {
    writeFileSync(path.join(dir, `foredrag-${String(i).padStart(3, '0')}.md`), text.replace(/^title: (.*)$/m, `title: Foredrag ${i} – $1`));
  }
  return dir;
}

async function measure(label: string, argv: (jobs: number) => string[], cwd: string): Promise<void> {
  const times = new Map<number, number[]>([
    [1, []],
    [JOBS, []],
  ]);
  for (let run = 0; run < RUNS; run++) {
    for (const jobs of run % 2 === 0 ? [1, JOBS] : [JOBS, 1]) {
      const out = path.join(cwd, `out-${jobs}`);
      rmSync(out, { recursive: true, force: true });
      // Cold every time: an empty cache (no highlighted code, no PDF pages of an earlier run to reuse).
      const env = { DECKMARK_CACHE_DIR: mkdtempSync(path.join(cwd, 'cache-')) };
      const result = await runProcess(['node', BIN, ...argv(jobs), '-o', out], { cwd, env });
      if (result.code !== 0) throw new Error(`${label} --jobs ${jobs} failed: ${result.output.slice(-500)}`);
      times.get(jobs)!.push(result.ms);
    }
  }
  const one = stats(times.get(1)!).median;
  const many = stats(times.get(JOBS)!).median;
  process.stdout.write(`| ${label} | ${(one / 1000).toFixed(2)} s | ${(many / 1000).toFixed(2)} s | ${(one / many).toFixed(2)}× |\n`);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'deckmark-folder-bench-'));
try {
  writeFileSync(path.join(work, 'package.json'), '{}');
  const build = folder(work, 'build', 200, 20);
  const pdf = folder(work, 'pdf', 20, 20);
  process.stdout.write(
    `${RUNS} runs each, medians; ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)} at the start\n\n` +
      `| case | --jobs 1 | --jobs ${JOBS} | speed-up |\n|---|---:|---:|---:|\n`,
  );
  await measure('build 200 decks × 20 slides', (jobs) => ['build', build, '--no-image', '--jobs', String(jobs)], work);
  await measure('pdf 20 decks × 20 slides', (jobs) => ['pdf', pdf, '--quiet', '--jobs', String(jobs)], work);
  process.stdout.write(`\nload average ${os.loadavg()[0].toFixed(2)} at the end\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
