// The servers the WordPress test starts: each in its own process group, all killed when the
// test ends, fails, or its process exits (afterAll may never run when a worker is torn down).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { openSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';

export interface Server {
  name: string;
  child: ChildProcess;
  /** Where its stdout and stderr go, to quote when it fails. */
  log: string;
}

const running = new Set<Server>();

function killGroup(server: Server, signal: NodeJS.Signals): void {
  if (server.child.pid === undefined || server.child.exitCode !== null || server.child.signalCode !== null) return;
  try {
    process.kill(-server.child.pid, signal);
  } catch {
    // Already gone.
  }
}

function killAllNow(): void {
  for (const server of running) killGroup(server, 'SIGKILL');
  running.clear();
}

process.once('exit', killAllNow);
// Exiting (not re-raising the signal) so that the other 'exit' listeners run too.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => process.exit(128 + os.constants.signals[signal]));
}

/** Starts `command` in a new process group, its output appended to `log`. */
export function startServer(
  name: string,
  command: string,
  args: string[],
  options: { log: string; env?: NodeJS.ProcessEnv; cwd?: string },
): Server {
  const out = openSync(options.log, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out], env: options.env ?? process.env, cwd: options.cwd });
  const server = { name, child, log: options.log };
  running.add(server);
  child.once('exit', () => running.delete(server));
  return server;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs`. */
export async function stopServer(server: Server, graceMs = 5000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  killGroup(server, 'SIGTERM');
  const timer = setTimeout(() => killGroup(server, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(server);
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `test()` is true; fails with `what` and the server's state after `timeoutMs`. */
export async function waitFor(what: string, test: () => boolean | Promise<boolean>, server: Server, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null)
      throw new Error(`${server.name} exited with code ${server.child.exitCode} before ${what}; see ${server.log}`);
    if (
      await Promise.resolve()
        .then(test)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${server.name}: no ${what} after ${timeoutMs} ms; see ${server.log}`);
}

/** Whether something accepts TCP connections on host:port. */
export function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Runs a command to its end without blocking this process (the deck host in this process must
 * keep answering WordPress meanwhile); throws with its output when it fails.
 */
export function runAsync(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}\n${stdout}`)),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a command to its end (blocking); throws with its output when it fails. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: options.env ?? process.env,
    input: options.input,
    cwd: options.cwd,
    maxBuffer: 64 << 20,
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}
