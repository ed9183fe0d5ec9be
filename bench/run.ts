// npm run bench [-- --runs N] [--quick] [--json] [--write-results]
// deckmark side by side with Marp CLI and reveal-md (installed by `npm run bench:peers`) on the
// same generated decks: whole-process HTML builds and PDF exports, alternating the tools run by
// run; deckmark's in-process compile; the floors (node start-up, Chromium launch).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { openHighlightCache } from '../src/build/highlight.js';
import { parseDeck } from '../src/compile/parse-deck.js';
import { renderDeck } from '../src/compile/render-deck.js';
import { deckText, writeDecks } from './decks.js';
import { pdfPages, runProcess, stats, timeInProcess, type Stats } from './measure.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const execFileAsync = promisify(execFile);
const ROOT = path.dirname(BENCH);
const PEERS = path.join(BENCH, 'node_modules');

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'write-results': { type: 'boolean', default: false },
  },
});
const RUNS = Number(flags.runs ?? (flags.quick ? 2 : 5));
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number ≥ 1');
const QUICK = flags.quick;
const log = (line: string) => process.stderr.write(`${line}\n`);

const CHROME = process.env.CHROME_PATH || process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium';
/** deckmark's launch flags (src/export/browser/launch.ts), as root. */
const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
];

// ---------------------------------------------------------------- the tools

interface Tool {
  name: string;
  /** Why it cannot run, when it cannot. */
  missing?: string;
  build(deck: string, out: string): string[];
  pdf(deck: string, out: string, port: number): string[];
  /** deckmark only: the PowerPoint and per-slide PNG exports. */
  pptx?(deck: string, out: string): string[];
  png?(deck: string, out: string): string[];
  /** The file a build writes, to check that it did. */
  builtFile(deck: string, out: string): string;
  env: Record<string, string>;
  /** Extra environment for one run (deckmark: where its highlight cache is). */
  runEnv?: (work: string) => Record<string, string>;
  /** Untimed, before each run: the deck the run is given (deckmark's incremental PDF: an edited copy). */
  before?: (deck: string) => string;
}

function peerScript(pkg: string, bin: string): string | undefined {
  const file = path.join(PEERS, pkg, bin);
  return existsSync(file) ? file : undefined;
}

const slug = (deck: string) => path.basename(deck, '.md');
const marpCli = peerScript('@marp-team/marp-cli', 'marp-cli.js');
const revealMd = peerScript('reveal-md', 'bin/reveal-md.js');
const NOT_INSTALLED = 'not installed: run `npm run bench:peers`';

const deckmark = (name: string, runEnv: Tool['runEnv']): Tool => ({
  name,
  missing: existsSync(path.join(ROOT, 'lib', 'cli.js')) ? undefined : 'lib/cli.js is missing: run `npm install` or `npm run build`',
  build: (deck, out) => [process.execPath, path.join(ROOT, 'bin', 'deckmark.js'), 'build', deck, '-o', out],
  builtFile: (deck, out) => path.join(out, slug(deck), 'index.html'),
  pdf: (deck, out) => [process.execPath, path.join(ROOT, 'bin', 'deckmark.js'), 'pdf', deck, '-o', out],
  pptx: (deck, out) => [process.execPath, path.join(ROOT, 'bin', 'deckmark.js'), 'pptx', deck, '-o', out],
  png: (deck, out) => [process.execPath, path.join(ROOT, 'bin', 'deckmark.js'), 'png', deck, '-o', out],
  env: { PUPPETEER_EXECUTABLE_PATH: CHROME },
  runEnv,
});

/** Cold: every run starts with an empty highlight cache. */
const DECKMARK = deckmark('deckmark', (work) => ({ DECKMARK_CACHE_DIR: mkdtempSync(path.join(work, 'cache-cold-')) }));
/** Warm: the highlight cache that the warm-up round filled (an edit-and-rebuild loop). Builds only. */
const DECKMARK_WARM = deckmark('deckmark, warm cache', (work) => ({ DECKMARK_CACHE_DIR: path.join(work, 'cache-warm') }));

/**
 * The incremental PDF (issue 19): each run exports a copy of the deck with one slide edited
 * since the run before, with the cache that run left — the edit-and-export loop.
 */
let edits = 0;
const DECKMARK_EDITED: Tool = {
  ...deckmark('deckmark, one slide edited', (work) => ({ DECKMARK_CACHE_DIR: path.join(work, 'cache-incremental') })),
  before: (deck) => {
    const copy = deck.replace(/\.md$/, '-edited.md');
    const slides = readFileSync(deck, 'utf8').split('\n---\n');
    const at = 1 + (edits++ % (slides.length - 1)); // never the front matter
    slides[at] = `${slides[at]}\n\nRedigert ${edits}.\n`;
    writeFileSync(copy, slides.join('\n---\n'));
    return copy;
  },
};

const TOOLS: Tool[] = [
  DECKMARK,
  {
    name: 'Marp CLI',
    missing: marpCli ? undefined : NOT_INSTALLED,
    build: (deck, out) => [process.execPath, marpCli!, deck, '-o', `${out}.html`],
    builtFile: (_deck, out) => `${out}.html`,
    // Marp refuses local images in PDFs unless allowed; the decks have some.
    pdf: (deck, out) => [process.execPath, marpCli!, '--pdf', '--allow-local-files', deck, '-o', out],
    env: { CHROME_PATH: CHROME, CHROME_NO_SANDBOX: '1' },
  },
  {
    name: 'reveal-md',
    missing: revealMd ? undefined : NOT_INSTALLED,
    build: (deck, out) => [process.execPath, revealMd!, deck, '--static', out],
    builtFile: (deck, out) => path.join(out, `${slug(deck)}.html`),
    pdf: (deck, out, port) => [
      process.execPath,
      revealMd!,
      deck,
      '--print',
      out,
      '--port',
      String(port),
      '--puppeteer-chromium-executable',
      CHROME,
      `--puppeteer-launch-args=${CHROME_FLAGS.join(' ')}`,
    ],
    env: { PUPPETEER_EXECUTABLE_PATH: CHROME },
  },
];
const tools = TOOLS.filter((t) => !t.missing);
const buildTools = DECKMARK.missing ? tools : [...tools, DECKMARK_WARM];
const skipped = TOOLS.filter((t) => t.missing).map((t) => ({ tool: t.name, reason: t.missing! }));
for (const s of skipped) log(`skipped ${s.tool}: ${s.reason}`);

// ---------------------------------------------------------------- whole-process cases

/** What a case runs: an HTML build, a PDF, a PowerPoint file, a PNG per slide. */
type Kind = 'build' | 'pdf' | 'pptx' | 'png';

interface CaseResult {
  kind: Kind;
  slides: number;
  tool: string;
  time?: Stats;
  memoryKb?: Stats;
  pssKb?: Stats;
  pages?: number;
  bytes?: number;
  error?: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/**
 * One case (a deck size, build or PDF) for every tool: one untimed warm-up round (so the file
 * cache is the same for all), then RUNS rounds, the order rotated each round. Each run starts
 * from an empty output (cold) in a fresh process.
 */
async function runCase(kind: Kind, slides: number, deck: string, work: string, which: Tool[]): Promise<CaseResult[]> {
  const results = new Map(
    which.map((t) => [t.name, { kind, slides, tool: t.name, ms: [] as number[], kb: [] as number[], pss: [] as number[], error: '' }]),
  );
  const port = await freePort();
  let live = [...which];
  for (let round = -1; round < RUNS; round++) {
    const order = live.map((_, i) => live[(i + Math.max(round, 0)) % live.length]);
    for (const tool of order) {
      const out = path.join(work, `out-${tool.name.replace(/\W/g, '')}-${kind}-${slides}${kind === 'pdf' ? '.pdf' : ''}`);
      rmSync(out, { recursive: true, force: true });
      rmSync(`${out}.html`, { force: true });
      const input = tool.before?.(deck) ?? deck;
      const argv = kind === 'build' ? tool.build(input, out) : kind === 'pdf' ? tool.pdf(input, out, port) : tool[kind]!(input, out);
      const run = await runProcess(argv, { cwd: path.dirname(deck), env: { ...tool.env, ...tool.runEnv?.(work) } });
      const made = {
        build: () => tool.builtFile(deck, out),
        pdf: () => out,
        pptx: () => path.join(out, slug(deck), `${slug(deck)}.pptx`),
        png: () => path.join(out, slug(deck), 'png'),
      }[kind]();
      const r = results.get(tool.name)!;
      if (run.code !== 0 || !existsSync(made)) {
        r.error = `exit ${run.code}${existsSync(made) ? '' : `, no ${path.basename(made)}`}: ${tail(run.output)}`;
        live = live.filter((t) => t !== tool);
        log(`  ${tool.name} failed: ${r.error}`);
        continue;
      }
      if (round >= 0) {
        r.ms.push(run.ms);
        r.kb.push(run.peakKb);
        r.pss.push(run.pssKb);
      }
      log(
        `  ${kind} ${slides} ${tool.name}${round < 0 ? ' (warm-up)' : ''}: ${(run.ms / 1000).toFixed(2)} s, RSS ${mb(run.peakKb)}, PSS ${mb(run.pssKb)}`,
      );
    }
  }
  const out: CaseResult[] = [];
  for (const tool of which) {
    const r = results.get(tool.name)!;
    if (r.error) {
      out.push({ kind, slides, tool: tool.name, error: r.error });
      continue;
    }
    const result: CaseResult = { kind, slides, tool: tool.name, time: stats(r.ms), memoryKb: stats(r.kb), pssKb: stats(r.pss) };
    if (kind === 'pdf') {
      const file = path.join(work, `out-${tool.name.replace(/\W/g, '')}-pdf-${slides}.pdf`);
      result.pages = await pdfPages(file);
      result.bytes = statSync(file).size;
    }
    out.push(result);
  }
  return out;
}

// ---------------------------------------------------------------- in process and floors

interface CompileResult {
  slides: number;
  time: Stats;
  msPerSlide: number;
}

/**
 * parseDeck + renderDeck on text already in memory. Code is highlighted through deckmark's
 * highlight cache, filled before timing (as in `serve` after the first build), so the timed
 * loop does no I/O and loads no shiki; cold highlighting is in the whole-process builds.
 */
async function compileInProcess(sizes: number[], work: string): Promise<CompileResult[]> {
  // openHighlightCache reads this when called: keep the cache in the bench's temporary folder.
  process.env.DECKMARK_CACHE_DIR = mkdtempSync(path.join(work, 'cache-in-process-'));
  const prepare = async (slides: number) => {
    const text = deckText(slides);
    const highlighter = openHighlightCache(work);
    const compile = () =>
      renderDeck(
        parseDeck(text, {
          file: `deck-${slides}.md`,
          fallbackTitle: `deck-${slides}`,
          highlight: highlighter.highlight,
          resolveAsset: (src) => ({ url: `assets/${path.basename(src)}` }),
        }),
        { styles: [{ href: 'assets/deckmark.css' }], scripts: [{ src: 'assets/deckmark.js' }] },
      );
    compile(); // records the code the cache lacks
    await highlighter.fill();
    return compile;
  };
  const results: CompileResult[] = [];
  try {
    // Warm the JIT on a 500-slide deck first, so the small decks are not measured cold.
    await timeInProcess(await prepare(500), { warmup: 5, minRuns: 0, maxRuns: 0, budgetMs: 0 });
    for (const slides of sizes) {
      const times = await timeInProcess(await prepare(slides), {
        warmup: 2,
        minRuns: 3,
        maxRuns: QUICK ? 5 : 30,
        budgetMs: QUICK ? 500 : 2000,
      });
      const time = stats(times);
      results.push({ slides, time, msPerSlide: time.median / slides });
      log(`  compile ${slides}: ${time.median.toFixed(1)} ms (${times.length} runs)`);
    }
  } finally {
    delete process.env.DECKMARK_CACHE_DIR;
  }
  return results;
}

const CHROMIUM_FLOOR_SCRIPT = `
import { launch } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const dir = mkdtempSync(path.join(os.tmpdir(), 'dm-bench-chrome-'));
const t = performance.now();
const browser = await launch({ executablePath: process.env.CHROME, headless: true, pipe: true, userDataDir: dir, args: JSON.parse(process.env.FLAGS) });
const page = (await browser.pages())[0] ?? (await browser.newPage());
await page.goto('about:blank');
const ms = performance.now() - t;
await browser.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ms }));
`;

interface Floors {
  nodeStartup: { time: Stats; memoryKb: Stats };
  chromiumBlankPage: { time: Stats; memoryKb: Stats; pssKb: Stats; process: Stats } | { error: string };
}

async function floors(): Promise<Floors> {
  const nodeMs: number[] = [];
  const nodeKb: number[] = [];
  const chrome = { ms: [] as number[], kb: [] as number[], pss: [] as number[], process: [] as number[], error: '' };
  for (let round = -1; round < RUNS; round++) {
    const node = await runProcess([process.execPath, '-e', ''], { cwd: ROOT });
    const c = await runProcess([process.execPath, '--input-type=module', '-e', CHROMIUM_FLOOR_SCRIPT], {
      cwd: ROOT,
      env: { CHROME, FLAGS: JSON.stringify(CHROME_FLAGS) },
    });
    if (c.code !== 0) chrome.error = tail(c.output);
    if (round < 0) continue;
    nodeMs.push(node.ms);
    nodeKb.push(node.peakKb);
    if (c.code === 0) {
      chrome.ms.push(JSON.parse(c.output.trim().split('\n').pop()!).ms);
      chrome.kb.push(c.peakKb);
      chrome.pss.push(c.pssKb);
      chrome.process.push(c.ms);
    }
  }
  log(
    `  floors: node ${stats(nodeMs).median.toFixed(0)} ms, chromium ${chrome.ms.length ? stats(chrome.ms).median.toFixed(0) : 'failed'} ms`,
  );
  return {
    nodeStartup: { time: stats(nodeMs), memoryKb: stats(nodeKb) },
    chromiumBlankPage: chrome.ms.length
      ? { time: stats(chrome.ms), memoryKb: stats(chrome.kb), pssKb: stats(chrome.pss), process: stats(chrome.process) }
      : { error: chrome.error || 'no run' },
  };
}

// ---------------------------------------------------------------- machine and versions

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
  };
}

function pkgVersion(dir: string): string | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function versions() {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROME, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown
  }
  return {
    node: process.version,
    chromium,
    deckmark: pkgVersion(ROOT),
    marpCli: pkgVersion(path.join(PEERS, '@marp-team/marp-cli')),
    revealMd: pkgVersion(path.join(PEERS, 'reveal-md')),
    puppeteerCore: pkgVersion(path.join(ROOT, 'node_modules/puppeteer-core')),
    puppeteerOfRevealMd: pkgVersion(path.join(PEERS, 'puppeteer')),
  };
}

/** A warning when lib/ (what `bin/deckmark.js` runs) is older than src/. */
function staleLib(): string | undefined {
  const cli = path.join(ROOT, 'lib', 'cli.js');
  if (!existsSync(cli)) return undefined;
  const built = statSync(cli).mtimeMs;
  const newer = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => statSync(path.join(ROOT, 'src', f)).mtimeMs > built,
  );
  return newer.length
    ? `lib/ is older than src/ (${newer.slice(0, 3).join(', ')}…): the whole-process numbers are for the last \`npm run build\``
    : undefined;
}

// ---------------------------------------------------------------- budgets (issue 9)

interface Budget {
  what: string;
  limit: string;
  measured: string;
  holds: boolean | undefined;
}

const isPeer = (tool: string) => !tool.startsWith('deckmark');

function budgets(cases: CaseResult[], compile: CompileResult[], scripts: ScriptResult[]): Budget[] {
  const find = (kind: string, slides: number, tool = 'deckmark') =>
    cases.find((c) => c.kind === kind && c.slides === slides && c.tool === tool);
  const sec = (r?: CaseResult) => (r?.time ? r.time.median / 1000 : undefined);
  const fmt = (s?: number) => (s === undefined ? 'not measured' : `${s.toFixed(2)} s`);
  const out: Budget[] = [];
  const check = (what: string, limit: string, value: number | undefined, ok: (v: number) => boolean, shown = fmt(value)) =>
    out.push({ what, limit, measured: shown, holds: value === undefined ? undefined : ok(value) });

  const b100 = sec(find('build', 100));
  const peers100 = cases
    .filter((c) => c.kind === 'build' && c.slides === 100 && isPeer(c.tool) && c.time)
    .map((c) => c.time!.median / 1000);
  check('100-slide HTML build, whole process', '≤ 0.25 s', b100, (v) => v <= 0.25);
  if (peers100.length && b100 !== undefined) {
    const fastest = Math.min(...peers100);
    check(
      '… and under half of the faster peer',
      `< ${(fastest / 2).toFixed(2)} s (½ × ${fastest.toFixed(2)} s)`,
      b100,
      (v) => v < fastest / 2,
    );
  }
  check('500-slide HTML build, whole process', '≤ 0.4 s', sec(find('build', 500)), (v) => v <= 0.4);
  const c500 = compile.find((c) => c.slides === 500);
  check(
    '500-slide compile, in process',
    '≤ 100 ms',
    c500?.time.median,
    (v) => v <= 100,
    c500 ? `${c500.time.median.toFixed(1)} ms` : 'not measured',
  );
  const small = compile.find((c) => c.slides === 500);
  const big = compile.find((c) => c.slides === 5000);
  if (small && big) {
    const growth = big.msPerSlide / small.msPerSlide;
    check('compile grows linearly (ms/slide at 5,000 vs 500)', '≤ 1.5×', growth, (v) => v <= 1.5, `${growth.toFixed(2)}×`);
  }
  const p100 = sec(find('pdf', 100));
  check('100-slide PDF, whole process', '≤ 1.5 s', p100, (v) => v <= 1.5);
  const marp100 = sec(find('pdf', 100, 'Marp CLI'));
  if (marp100 !== undefined && p100 !== undefined) {
    check('… and half of Marp', `≤ ${(marp100 / 2).toFixed(2)} s (½ × ${marp100.toFixed(2)} s)`, p100, (v) => v <= marp100 / 2);
  }
  const edited = sec(find('pdf', 100, DECKMARK_EDITED.name));
  check('100-slide PDF after one slide is edited, whole process', '≤ 0.8 s', edited, (v) => v <= 0.8);
  if (marp100 !== undefined && edited !== undefined) {
    check('… and a quarter of Marp', `≤ ${(marp100 / 4).toFixed(2)} s (¼ × ${marp100.toFixed(2)} s)`, edited, (v) => v <= marp100 / 4);
  }
  check('500-slide PDF, whole process', '≤ 3 s', sec(find('pdf', 500)), (v) => v <= 3);
  check('100-slide PowerPoint file, whole process (issue 14)', '< 2 s', sec(find('pptx', 100)), (v) => v < 2);
  const png100 = sec(find('png', 100));
  out.push({ what: '100 PNGs, whole process (issue 14)', limit: 'reported', measured: fmt(png100), holds: undefined });
  const printed = (file: string) => scripts.find((r) => r.file === file)?.output ?? '';
  const medianMs = (re: RegExp, text: string) => ((m) => (m ? Number(m[1]) : undefined))(re.exec(text));
  const saved = medianMs(/\(100 slides\)\n\s*DOM updated\s+median (\d+) ms/, printed('serve-latency.ts'));
  check(
    '`serve`: save → updated slide, 100 slides (issue 19)',
    '≤ 30 ms',
    saved,
    (v) => v <= 30,
    saved === undefined ? 'not measured' : `${saved} ms`,
  );
  const fresh = medianMs(/median (\d+) ms/, printed('serve-pdf-latency.ts'));
  check(
    '`serve --pdf`: save → current PDF, 100 slides (issue 19)',
    '≤ 0.5 s',
    fresh === undefined ? undefined : fresh / 1000,
    (v) => v <= 0.5,
  );
  const builds = cases.filter((c) => c.kind === 'build' && c.tool === 'deckmark' && c.memoryKb);
  const worstBuild = builds.length ? Math.max(...builds.map((c) => c.memoryKb!.median)) / 1024 : undefined;
  check(
    'build peak memory (largest deck)',
    '≤ 100 MB',
    worstBuild,
    (v) => v <= 100,
    worstBuild === undefined ? 'not measured' : `${worstBuild.toFixed(0)} MB`,
  );
  for (const slides of [10, 100]) {
    const mine = find('pdf', slides)?.pssKb?.median;
    const peers = cases.filter((c) => c.kind === 'pdf' && c.slides === slides && isPeer(c.tool) && c.pssKb).map((c) => c.pssKb!.median);
    if (mine === undefined || peers.length === 0) continue;
    const least = Math.min(...peers);
    check(
      `${slides}-slide PDF memory (PSS of the process tree) below the peers'`,
      `< ${(least / 1024).toFixed(0)} MB`,
      mine,
      (v) => v < least,
      `${(mine / 1024).toFixed(0)} MB`,
    );
  }
  return out;
}

// ---------------------------------------------------------------- cases with scripts of their own

interface ScriptResult {
  title: string;
  file: string;
  command: string;
  output: string;
}

/**
 * The cases that need a running dev server or folders of decks have scripts of their own
 * (each can be run alone); the bench runs them after the rest, one at a time, and keeps what they print.
 */
async function runScripts(): Promise<ScriptResult[]> {
  const scripts = [
    { title: '`serve`: save → updated slide', file: 'serve-latency.ts', args: [QUICK ? '3' : '10'] },
    { title: '`serve --pdf`: save → current PDF downloaded', file: 'serve-pdf-latency.ts', args: [QUICK ? '3' : '10'] },
    { title: 'Folders of decks: `--jobs`', file: 'folder-jobs.ts', args: [QUICK ? '1' : '3'] },
  ];
  const results: ScriptResult[] = [];
  for (const { title, file, args } of scripts) {
    log(`${file} ${args.join(' ')}`);
    const command = `npx tsx bench/${file} ${args.join(' ')}`;
    const argv = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(BENCH, file), ...args];
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROME };
    // Only what the script prints on stdout is its report.
    const output = await execFileAsync(process.execPath, argv, { cwd: ROOT, env, maxBuffer: 1 << 24 }).then(
      (r) => r.stdout,
      (e: Error & { stdout?: string; stderr?: string }) =>
        `failed: ${e.message.split('\n')[0]}\n\n${tail(`${e.stdout ?? ''}${e.stderr ?? ''}`, 12)}`,
    );
    results.push({ title, file, command, output });
  }
  return results;
}

// ---------------------------------------------------------------- report

const s2 = (ms: number) => (ms / 1000).toFixed(2);
const spreadS = (t: Stats) => `${s2(t.min)}–${s2(t.max)}`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);

function caseTable(cases: CaseResult[], kind: Kind): string {
  const pdf = kind === 'pdf';
  const head = pdf
    ? '| slides | tool | median | spread | peak RSS (tree) | peak PSS (tree) | pages | size | time deckmark/tool | PSS deckmark/tool |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|'
    : '| slides | tool | median | spread | peak memory | time deckmark/tool | memory deckmark/tool |\n|---:|---|---:|---:|---:|---:|---:|';
  const rows = cases
    .filter((c) => c.kind === kind)
    .map((c) => {
      if (!c.time || !c.memoryKb) return `| ${c.slides} | ${c.tool} | failed | | | ${pdf ? '| | | ' : ''}| |`;
      const dm = cases.find((d) => d.kind === kind && d.slides === c.slides && d.tool === 'deckmark');
      const own = !isPeer(c.tool);
      const cells = [
        c.slides,
        c.tool,
        `${s2(c.time.median)} s`,
        spreadS(c.time),
        mb(c.memoryKb.median),
        ...(pdf ? [mb(c.pssKb!.median), c.pages, `${Math.round(c.bytes! / 1024)} kB`] : []),
        own ? '' : ratio(dm?.time?.median, c.time.median),
        own ? '' : pdf ? ratio(dm?.pssKb?.median, c.pssKb!.median) : ratio(dm?.memoryKb?.median, c.memoryKb.median),
      ];
      return `| ${cells.join(' | ')} |`;
    });
  return [head, ...rows].join('\n');
}

function markdown(report: Report): string {
  const { floors: f } = report;
  const chrome = f.chromiumBlankPage;
  const lines = [
    `Run of ${report.date}${report.quick ? ' (--quick)' : ''}: ${report.runs} runs per case (median, spread = min–max), after one untimed warm-up round; tools alternate run by run.`,
    '',
    `Machine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}; ` +
      `load average (1 min) ${report.load.start.toFixed(2)} at the start, ${report.load.end.toFixed(2)} at the end.`,
    `Versions: Node ${report.versions.node}; ${report.versions.chromium}; deckmark ${report.versions.deckmark}; ` +
      `Marp CLI ${report.versions.marpCli ?? '—'}; reveal-md ${report.versions.revealMd ?? '—'} (puppeteer ${report.versions.puppeteerOfRevealMd ?? '—'}); ` +
      `puppeteer-core ${report.versions.puppeteerCore}.`,
    ...report.warnings.map((w) => `\n**Note:** ${w}`),
    ...report.skipped.map((s) => `\n**Skipped ${s.tool}:** ${s.reason}`),
    '',
    '### HTML build, whole process, cold',
    '',
    caseTable(report.cases, 'build'),
    '',
    '### PDF export, whole process',
    '',
    caseTable(report.cases, 'pdf'),
    '',
    '### PowerPoint file and a PNG per slide (deckmark), whole process',
    '',
    caseTable(report.cases, 'pptx'),
    '',
    caseTable(report.cases, 'png'),
    '',
    '### deckmark compile in process (parse + render, no I/O)',
    '',
    '| slides | median | spread | ms/slide |',
    '|---:|---:|---:|---:|',
    ...report.compile.map(
      (c) =>
        `| ${c.slides} | ${c.time.median.toFixed(1)} ms | ${c.time.min.toFixed(1)}–${c.time.max.toFixed(1)} | ${c.msPerSlide.toFixed(3)} |`,
    ),
    '',
    '### Floors',
    '',
    '| what | median | spread | peak memory |',
    '|---|---:|---:|---:|',
    `| \`node -e ''\`, whole process | ${s2(f.nodeStartup.time.median)} s | ${spreadS(f.nodeStartup.time)} | ${mb(f.nodeStartup.memoryKb.median)} |`,
    'error' in chrome
      ? `| Chromium launch → blank page | failed: ${chrome.error.replace(/\n/g, ' ')} | | |`
      : `| Chromium launch → blank page (puppeteer-core, in process) | ${s2(chrome.time.median)} s | ${spreadS(chrome.time)} | RSS ${mb(chrome.memoryKb.median)}, PSS ${mb(chrome.pssKb.median)} (tree, whole process) |\n` +
        `| … the same, whole process (node + launch + close) | ${s2(chrome.process.median)} s | ${spreadS(chrome.process)} | |`,
    '',
    ...report.scripts.flatMap((r) => [`### ${r.title} (\`${r.command}\`)`, '', r.output.trim(), '']),
    '### Budgets (issues 9 and 19)',
    '',
    '| budget | limit | measured (median) | holds |',
    '|---|---|---:|:---:|',
    ...report.budgets.map(
      (b) => `| ${b.what} | ${b.limit} | ${b.measured} | ${b.holds === undefined ? '—' : b.holds ? 'yes' : '**no**'} |`,
    ),
  ];
  const failed = report.cases.filter((c) => c.error);
  if (failed.length) {
    lines.push(
      '',
      '### Failed',
      '',
      ...failed.map((c) => `- ${c.tool}, ${c.kind} ${c.slides} slides:\n\n  \`\`\`\n  ${c.error!.replace(/\n/g, '\n  ')}\n  \`\`\``),
    );
  }
  return `${lines.join('\n')}\n`;
}

interface Report {
  date: string;
  runs: number;
  quick: boolean;
  /** 1-minute load average when the run started and ended: other work on the machine skews every number. */
  load: { start: number; end: number };
  machine: ReturnType<typeof machine>;
  versions: ReturnType<typeof versions>;
  warnings: string[];
  skipped: { tool: string; reason: string }[];
  cases: CaseResult[];
  compile: CompileResult[];
  floors: Floors;
  /** The cases measured by scripts of their own (a dev server, folders of decks), as each printed them. */
  scripts: ScriptResult[];
  budgets: Budget[];
}

/** Replaces bench/RESULTS.md's generated part (between the markers), keeping the rest. */
function writeResults(md: string) {
  const file = path.join(BENCH, 'RESULTS.md');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${begin}\n${end}\n`;
  const a = old.indexOf(begin);
  const b = old.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} lacks the ${begin} … ${end} markers`);
  writeFileSync(file, `${old.slice(0, a + begin.length)}\n${md}${old.slice(b)}`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

// ---------------------------------------------------------------- main

const started = performance.now();
const loadAtStart = os.loadavg()[0];
const work = mkdtempSync(path.join(os.tmpdir(), 'deckmark-bench-'));
try {
  const decks = writeDecks(work, [10, 100, 500]);
  const busy =
    loadAtStart > 1
      ? `the machine was busy when the run started (load average ${loadAtStart.toFixed(2)}): expect noisy numbers`
      : undefined;
  const warnings = [staleLib(), busy].filter((w): w is string => Boolean(w));
  for (const w of warnings) log(`note: ${w}`);

  log('floors');
  const floorResults = await floors();
  log('compile in process');
  let compileError: string | undefined;
  const compile = await compileInProcess([10, 100, 500, 1000, 5000], work).catch((e: Error) => {
    compileError = `${e.name}: ${e.message}`;
    log(`  compile failed: ${compileError}`);
    return [];
  });
  if (compileError) warnings.push(`the in-process compile failed (${compileError}): src/ may be mid-edit`);

  const cases: CaseResult[] = [];
  for (const slides of [10, 100, 500]) {
    log(`build ${slides}`);
    cases.push(...(await runCase('build', slides, decks.get(slides)!, work, buildTools)));
  }
  for (const slides of QUICK ? [10, 100] : [10, 100, 500]) {
    log(`pdf ${slides}`);
    // 500-slide PDFs: deckmark only (the peers take 6–13 s each there).
    const which = slides === 500 ? tools.filter((t) => t.name === 'deckmark') : DECKMARK.missing ? tools : [...tools, DECKMARK_EDITED];
    cases.push(...(await runCase('pdf', slides, decks.get(slides)!, work, which)));
  }
  if (!DECKMARK.missing) {
    for (const kind of ['pptx', 'png'] as const) {
      log(`${kind} 100`);
      cases.push(...(await runCase(kind, 100, decks.get(100)!, work, [DECKMARK])));
    }
  }

  log('scripts');
  const scripts = DECKMARK.missing ? [] : await runScripts();

  const report: Report = {
    date: new Date().toISOString(),
    runs: RUNS,
    quick: QUICK,
    load: { start: loadAtStart, end: os.loadavg()[0] },
    machine: machine(),
    versions: versions(),
    warnings,
    skipped,
    cases,
    compile,
    floors: floorResults,
    scripts,
    budgets: budgets(cases, compile, scripts),
  };
  const md = markdown(report);
  if (flags['write-results']) writeResults(md);
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : md);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
