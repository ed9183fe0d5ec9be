// Load test of `deckmark present` on loopback: the real command (bin/deckmark.js, i.e. lib/) in
// its own process, 500 audience sockets, one remote pressing next 50 times and a scripted
// presenter socket that turns each command into the next state at once, as the presenter page
// does. For each press: the time from the remote's send to each audience socket receiving the
// new state (same clock: all clients live in this process). Also the server's memory (RSS from
// /proc) and whether anything was dropped. Bounded: fixed counts, and it gives up after 2 minutes.
// Run: npm run build && npx tsx bench/present-load.ts [audience=500] [presses=50]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const AUDIENCE = Number(process.argv[2] ?? 500);
const PRESSES = Number(process.argv[3] ?? 50);
const DEADLINE_MS = 120_000;
/** Between presses, after every socket has the state: under the server's 10-a-second rate limit. */
const PAUSE_MS = 120;

const deadline = setTimeout(() => {
  process.stderr.write('present-load: gave up after 2 minutes\n');
  process.exit(1);
}, DEADLINE_MS);

function deckText(slides: number): string {
  return ['---', 'title: Load', '---', '', ...Array.from({ length: slides }, (_, i) => `## Slide ${i + 1}\n\nNote: notes ${i + 1}\n`)].join(
    '\n---\n\n',
  );
}

/** Resident and peak resident memory of a process, in MB (Linux). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'deckmark-present-load-'));
const deck = path.join(dir, 'load.md');
writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
writeFileSync(deck, deckText(PRESSES + 1));
const child = spawn(process.execPath, [path.join(REPO, 'bin/deckmark.js'), 'present', deck, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
try {
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const found = Object.fromEntries([...out.matchAll(/^(\w+): (\S+)$/gm)].map((m) => [m[1], m[2]]));
      if (found.audience) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`deckmark present exited with ${code}`)));
  });
  const remoteUrl = new URL(urls.remote);
  const token = remoteUrl.searchParams.get('token')!;
  const ws = `ws://${remoteUrl.host}/__deckmark/present`;
  const idle = memory(child.pid!);

  const presenter = await open(`${ws}?role=presenter&token=${token}`);
  let index = 0;
  const state = (i: number) => ({
    h: i,
    v: 0,
    f: -1,
    paused: false,
    index: i,
    total: PRESSES + 1,
    title: `Slide ${i + 1}`,
    nextTitle: `Slide ${i + 2}`,
    notes: `notes ${i + 1}`,
  });
  presenter.send(JSON.stringify({ type: 'state', state: state(0) }));
  presenter.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; action?: string };
    if (message.type === 'command' && message.action === 'next') presenter.send(JSON.stringify({ type: 'state', state: state(++index) }));
  });

  const started = performance.now();
  const audience: WebSocket[] = [];
  for (let i = 0; i < AUDIENCE; i += 50) {
    audience.push(...(await Promise.all(Array.from({ length: Math.min(50, AUDIENCE - i) }, () => open(`${ws}?role=audience`)))));
  }
  const connectMs = performance.now() - started;
  const connected = memory(child.pid!);

  /** Per press: when it was sent, and when each audience socket got its state. */
  const latencies: number[] = [];
  const slowest: number[] = [];
  let missing = 0;
  let pressedAt = 0;
  let waiting = new Set<WebSocket>();
  let done: () => void = () => undefined;
  let wantH = 0;
  for (const socket of audience) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; state?: { h: number } };
      if (message.type !== 'state' || message.state?.h !== wantH || !waiting.has(socket)) return;
      latencies.push(performance.now() - pressedAt);
      waiting.delete(socket);
      if (waiting.size === 0) done();
    });
  }
  const remote = await open(`${ws}?role=remote&token=${token}`);
  for (let press = 1; press <= PRESSES; press++) {
    wantH = press;
    waiting = new Set(audience);
    const all = new Promise<void>((resolve) => (done = resolve));
    pressedAt = performance.now();
    remote.send(JSON.stringify({ type: 'command', action: 'next' }));
    const timedOut = await Promise.race([all.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5000))]);
    if (timedOut) missing += waiting.size;
    slowest.push(performance.now() - pressedAt);
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  const after = memory(child.pid!);

  const sorted = [...latencies].sort((a, b) => a - b);
  const slow = [...slowest].sort((a, b) => a - b);
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const mb = (n: number): string => `${n.toFixed(0)} MB`;
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  console.log(
    `present load test, ${new Date().toISOString()}: Node ${process.version}, ${cpu}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log(
    `${AUDIENCE} audience sockets + 1 remote + 1 scripted presenter on 127.0.0.1; ${PRESSES} presses of next, ${PAUSE_MS} ms apart`,
  );
  console.log(`connecting the audience: ${ms(connectMs)}`);
  console.log(`deliveries: ${latencies.length} of ${AUDIENCE * PRESSES} (missing: ${missing})`);
  console.log(
    `press → each audience socket: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted[sorted.length - 1])}`,
  );
  console.log(
    `press → the last of the ${AUDIENCE} sockets: p50 ${ms(percentile(slow, 50))}, p95 ${ms(percentile(slow, 95))}, max ${ms(slow[slow.length - 1])}`,
  );
  console.log(
    `server memory (RSS): idle ${mb(idle.rss)}, with ${AUDIENCE} sockets ${mb(connected.rss)}, after the presses ${mb(after.rss)}, peak ${mb(after.peak)}`,
  );
  for (const socket of [...audience, remote, presenter]) socket.terminate();
  if (missing > 0) process.exitCode = 1;
} finally {
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  clearTimeout(deadline);
}
