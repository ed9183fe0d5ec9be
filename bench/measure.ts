// Timing and memory helpers: run a whole process (wall time from spawn to exit, peak memory of
// its whole process tree), summarize samples, read a PDF's page count.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Sample {
  /** Wall time from spawn to exit. */
  ms: number;
  /** Peak memory in kB: the larger of the tree's summed RSS (sampled) and the kernel's max RSS of one process. */
  peakKb: number;
  /** Peak summed PSS of the tree in kB (sampled every 100 ms). */
  pssKb: number;
}

export interface RunOutcome extends Sample {
  code: number | null;
  output: string;
}

const PAGE_KB = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' })) / 1024;
  } catch {
    return 4;
  }
})();
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const SAMPLE_EVERY_MS = 20;

/** The pids of `root`'s tree (root included) with their RSS in kB, from /proc. Only pids ≥ root can be its descendants. */
function tree(root: number): Map<number, number> {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!(pid >= root)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
      rss.set(pid, Number(fields[21]) * PAGE_KB);
    } catch {
      // exited between readdir and read
    }
  }
  const members = new Map<number, number>();
  for (const [pid, kb] of rss) {
    let p: number | undefined = pid;
    while (p !== undefined && p !== root && p >= root) p = parent.get(p);
    if (p === root) members.set(pid, kb);
  }
  return members;
}

/** Proportional set size in kB: shared pages divided among the processes that share them. */
function pssKb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Runs `argv` to completion. The time is spawn → exit as seen from here. Memory is sampled over
 * the whole process tree (Chromium included): summed RSS every 20 ms (for one process, GNU time's
 * exact max RSS when larger), and summed PSS every 100 ms (smaps_rollup costs more to read). Summed
 * RSS counts a page shared by several processes once per process; PSS splits it among them, so for
 * Chromium's many processes PSS is the truer total. GNU time itself is not counted.
 */
export function runProcess(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunOutcome> {
  const timeFile = GNU_TIME ? path.join(mkdtempSync(path.join(os.tmpdir(), 'dm-bench-')), 'maxrss') : undefined;
  const full = GNU_TIME && timeFile ? [GNU_TIME, '-f', '%M', '-o', timeFile, ...argv] : argv;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(full[0], full.slice(1), {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peakRss = 0;
    let peakPss = 0;
    let tick = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const members = tree(child.pid);
      if (GNU_TIME) members.delete(child.pid); // the tool is time's child: count its tree, not time
      peakRss = Math.max(
        peakRss,
        [...members.values()].reduce((a, b) => a + b, 0),
      );
      if (tick++ % 5 === 0)
        peakPss = Math.max(
          peakPss,
          [...members.keys()].reduce((a, pid) => a + pssKb(pid), 0),
        );
    };
    const timer = setInterval(sample, SAMPLE_EVERY_MS);
    setImmediate(sample);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code) => {
      const ms = performance.now() - start;
      clearInterval(timer);
      let exactKb = 0;
      if (timeFile) {
        try {
          exactKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) || 0;
        } catch {
          // time did not write it (the command could not start)
        }
        rmSync(path.dirname(timeFile), { recursive: true, force: true });
      }
      resolve({ ms, peakKb: Math.max(peakRss, exactKb), pssKb: peakPss, code, output });
    });
  });
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], n: s.length };
}

/** Runs `fn` after `warmup` untimed calls, at least `minRuns` times and until `budgetMs` has passed (at most `maxRuns`). */
export async function timeInProcess(
  fn: () => unknown,
  opts: { warmup: number; minRuns: number; maxRuns: number; budgetMs: number },
): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const times: number[] = [];
  const begin = performance.now();
  while (times.length < opts.minRuns || (times.length < opts.maxRuns && performance.now() - begin < opts.budgetMs)) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

/** Page count of a PDF: pdfjs-dist (a dev dependency of deckmark), else poppler's pdfinfo. */
export async function pdfPages(file: string): Promise<number> {
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
    const pages = doc.numPages;
    await doc.destroy();
    return pages;
  } catch {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  }
}
