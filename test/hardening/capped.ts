// Runs the CLI from the sources in a child Node with a heap limit and a deadline, so that a
// regression of a runaway input fails one test instead of hanging or exhausting the test run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../helpers/cli.js';

export interface CappedResult {
  /** Exit code; null when the deadline or the heap limit killed it. */
  code: number | null;
  stderr: string;
  stdout: string;
  ms: number;
}

const MAIN = path.join(REPO, 'src/cli/main.ts');
/** tsx's loader by its file URL: the child may run in a temporary folder, outside this package. */
const TSX = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

export function runCliCapped(args: string[], { heapMb = 256, timeoutMs = 20_000, cwd = REPO } = {}): CappedResult {
  const script = `const { runMain } = await import(${JSON.stringify(MAIN)}); process.exitCode = await runMain(JSON.parse(process.argv[1]));`;
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--import', TSX, '--input-type=module', '-e', script, JSON.stringify(args)],
    { encoding: 'utf8', cwd, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
  );
  return { code: r.status, stderr: r.stderr ?? '', stdout: r.stdout ?? '', ms: performance.now() - started };
}
