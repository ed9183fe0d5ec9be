// Runs code that could hang or exhaust memory in a child Node process (TypeScript through tsx),
// killed after a time limit and with a capped heap, so that a regression fails the test
// instead of hanging the run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from '../helpers/cli.js';

/** tsx's loader by path, so that a child can run in a folder outside the repository. */
const TSX = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

export interface IsolatedOptions {
  /** Killed (SIGKILL) after this long. */
  timeoutMs: number;
  heapMb?: number;
  cwd?: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Polled every 10 ms: the child is killed (SIGKILL) the moment it returns true. */
  killWhen?: () => boolean;
}

export interface IsolatedResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/**
 * Runs an ES module's text (`import` paths relative to the repository, e.g. `./src/cli/main.ts`)
 * in a child process in the repository folder.
 */
export function runIsolated(code: string, options: IsolatedOptions): Promise<IsolatedResult> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${options.heapMb ?? 256}`,
      '--import',
      TSX,
      '--input-type=module',
      '-e',
      code.replaceAll('./src/', `${REPO}/src/`),
    ],
    { cwd: options.cwd ?? REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const watch = options.killWhen && setInterval(() => options.killWhen!() && child.kill('SIGKILL'), 10);
  return new Promise((resolve) => {
    child.on('close', (exit) => {
      clearTimeout(timer);
      clearInterval(watch);
      resolve({ code: exit, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/** Runs the CLI (from source) in a child process; see runIsolated. */
export function runCliIsolated(argv: string[], options: IsolatedOptions): Promise<IsolatedResult> {
  return runIsolated(`import { runMain } from './src/cli/main.ts';\nprocess.exitCode = await runMain(${JSON.stringify(argv)});`, options);
}
