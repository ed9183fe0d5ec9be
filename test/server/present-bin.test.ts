// `deckmark present` as a user runs it: the built bin prints the three URLs on stdout (one per
// line, for scripts), the remote's QR code and, off loopback, a warning; Ctrl-C stops it with
// the port free and the built deck gone. Bad input stops it with a clear message and exit code.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../helpers/cli.js';
import { portIsFree } from './fixture.js';
import { makeTalk, PRESENT_DECK } from './present-fixture.js';

function startBin(args: string[], tmp: string) {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/deckmark.js'), 'present', ...args], {
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', () => /Ctrl-C stops/.test(stderr) && resolve());
    void exited.then(() => reject(new Error(`exited early: ${stderr}`)));
  });
  return { child, exited, ready, out: () => stdout, err: () => stderr };
}

describe('bin/deckmark.js present', () => {
  it('prints presenter, remote and audience URLs and a QR code, and stops on SIGINT', async () => {
    const tmp = tempDir();
    const run = startBin([makeTalk(), '--port', '0'], tmp);
    try {
      await run.ready;
      const lines = run.out().trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      const [presenter, remote, audience] = lines.map((line) => /^(\w+): (\S+)$/.exec(line)!.slice(1));
      expect([presenter[0], remote[0], audience[0]]).toEqual(['presenter', 'remote', 'audience']);
      expect(audience[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/talk\/$/);
      expect(presenter[1]).toBe(`${audience[1]}presenter?token=${new URL(presenter[1]).searchParams.get('token')}`);
      const token = new URL(remote[1]).searchParams.get('token')!;
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(new URL(presenter[1]).searchParams.get('token')).toBe(token);
      expect(run.err()).toContain('▄▄▄▄▄▄▄'); // the QR code's finder pattern
      expect(run.err()).not.toContain('warning');
      expect((await fetch(remote[1])).status).toBe(200);
      expect((await fetch(audience[1])).status).toBe(200);

      run.child.kill('SIGINT');
      expect(await run.exited, run.err()).toBe(0);
      expect(await portIsFree(Number(new URL(audience[1]).port))).toBe(true);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });

  it('warns in one line when it listens beyond loopback', async () => {
    const run = startBin([makeTalk(), '--port', '0', '--host', '0.0.0.0'], tempDir());
    try {
      await run.ready;
      const warnings = run
        .err()
        .split('\n')
        .filter((line) => line.startsWith('warning:'));
      expect(warnings).toEqual([
        expect.stringMatching(/^warning: listening on 0\.0\.0\.0: anyone on this network can open the audience view/),
      ]);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }
  });
});

/** Runs `fn` with the temporary folder (os.tmpdir() reads TMPDIR) pointed at a new one; what it left there. */
async function inOwnTmp<T>(fn: () => Promise<T>): Promise<{ result: T; left: string[] }> {
  const tmp = tempDir();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    const result = await fn();
    return { result, left: readdirSync(tmp) };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

describe('deckmark present, bad input', () => {
  it('refuses a folder of several decks, naming one to give instead', async () => {
    const talk = makeTalk();
    writeFileSync(path.join(path.dirname(talk), 'other.md'), PRESENT_DECK);
    const result = await runCli('present', path.dirname(talk), '--port', '0');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/present shows one deck, and .*slides holds 2/);
    expect(result.stderr).toMatch(/deckmark present .*other\.md/);
    expect(result.stdout).toBe('');
  });

  it('refuses a weak DECKMARK_PRESENT_TOKEN', async () => {
    process.env.DECKMARK_PRESENT_TOKEN = 'short';
    try {
      const result = await runCli('present', makeTalk(), '--port', '0');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('DECKMARK_PRESENT_TOKEN must be 22 to 128 letters');
      expect(result.stderr).not.toContain('    at ');
    } finally {
      delete process.env.DECKMARK_PRESENT_TOKEN;
    }
  });

  it('names a taken port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const talk = makeTalk();
    try {
      const { result, left } = await inOwnTmp(() => runCli('present', talk, '--port', String(port)));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(left).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('reports a deck that does not build with file:line, and leaves no temporary folder', async () => {
    const talk = makeTalk();
    writeFileSync(talk, PRESENT_DECK.replace('lang: nb', 'lang: 42'));
    const { result, left } = await inOwnTmp(() => runCli('present', talk, '--port', '0'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/talk\.md:3:\d+: error: .*lang/);
    expect(left).toEqual([]);
  });
});
