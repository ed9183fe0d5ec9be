// `deckmark serve` as a user runs it (the built bin, spawned): prints the URL for --port 0,
// serves the deck, and on Ctrl-C (SIGINT) stops cleanly with exit code 0 and the port free.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';
import { makeProject, portIsFree } from './fixture.js';

describe('bin/deckmark.js serve', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves on a free port and exits 0 on %s', async (signal) => {
    const project = makeProject();
    // Its own temp folder, to see that the build folder it makes there is gone afterwards.
    const tmp = tempDir();
    const child = spawn(process.execPath, [path.join(REPO, 'bin/deckmark.js'), 'serve', project.deck, '--port', '0'], {
      cwd: project.root,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      child.stderr.setEncoding('utf8');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: string) => {
          stderr += chunk;
          const m = /serving slides\/deck\.md at (http:\/\/127\.0\.0\.1:\d+\/)[^]*Ctrl-C stops/.exec(stderr);
          if (m) resolve(m[1]);
        });
        void exited.then(() => reject(new Error(`exited early: ${stderr}`)));
      });
      expect(stderr).toContain(`${url}deck/`);
      const page = await fetch(`${url}deck/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/__deckmark/live-reload.js');

      child.kill(signal);
      expect(await exited, stderr).toBe(0);
      expect(stderr).toContain(`${signal}: stopped`);
      expect(await portIsFree(Number(new URL(url).port))).toBe(true);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
