// Findings 8 and 14 of issue 20. The Host check (against DNS rebinding) took any name starting
// with `127.` (`127.attacker.example`) and checked nothing on `--host 0.0.0.0`; now it matches
// the loopback names, the listen address and (on a wildcard) the machine's own addresses exactly,
// with the port. And `serve slides -o .` served `slides/talk.md` and `package.json`: an output
// folder holding the sources is refused (exit 2), and only what the build wrote is served.
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedHostNames } from '../../src/server/listen.js';
import { RELOAD_PATH } from '../../src/server/messages.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, serve, type Project, type Started } from './fixture.js';

/** One request byte for byte (fetch() sets its own Host), with extra header lines; its status. */
function rawRequest(port: number, target: string, headers: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\n${headers}\r\n${headers.includes('Connection:') ? '' : 'Connection: close\r\n'}\r\n`),
    );
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      data += chunk;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(data)?.[1];
      if (status === undefined) return;
      resolve(Number(status)); // a 101 keeps the socket open
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

const upgrade = (host: string, origin: string): string =>
  `Host: ${host}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==`;

describe('the Host check on 127.0.0.1', { timeout: 30_000 }, () => {
  let project: Project;
  let started: Started;
  let port: number;
  beforeAll(async () => {
    project = makeProject();
    started = await serve(project.slides);
    port = started.server.port;
  });
  afterAll(() => started?.server.close());

  it.each([
    '127.attacker.example',
    '127.0.0.1.attacker.example',
    'localhost.attacker.example',
    'attacker.localhost',
    '127.0.0.2',
    'evil@127.0.0.1',
  ])('refuses Host %s', async (name) => {
    expect(await rawRequest(port, '/deck/', `Host: ${name}:${port}`)).toBe(403);
  });

  it('refuses the right name with another port, and no Host at all', async () => {
    expect(await rawRequest(port, '/deck/', `Host: 127.0.0.1:${port + 1}`)).toBe(403);
    expect(await rawRequest(port, '/deck/', 'Host: 127.0.0.1')).toBe(403);
    expect([400, 403]).toContain(await rawRequest(port, '/deck/', 'X-No-Host: 1')); // Node answers 400 itself
  });

  it.each(['127.0.0.1', 'localhost', 'LOCALHOST', '[::1]'])('serves Host %s with the port', async (name) => {
    expect(await rawRequest(port, '/deck/', `Host: ${name}:${port}`)).toBe(200);
  });

  it('refuses the reload channel to a rebinding page, accepts the deck page', async () => {
    const evil = `127.attacker.example:${port}`;
    expect(await rawRequest(port, RELOAD_PATH, upgrade(evil, `http://${evil}`))).toBe(403);
    const own = `127.0.0.1:${port}`;
    expect(await rawRequest(port, RELOAD_PATH, upgrade(own, `http://attacker.example`))).toBe(403);
    expect(await rawRequest(port, RELOAD_PATH, upgrade(own, `http://${own}`))).toBe(101);
  });
});

describe('the Host check on 0.0.0.0', { timeout: 30_000 }, () => {
  let started: Started;
  let port: number;
  beforeAll(async () => {
    started = await serve(makeProject().slides, { host: '0.0.0.0' });
    port = started.server.port;
  });
  afterAll(() => started?.server.close());

  it('accepts the addresses it listens on and the machine name, nothing else', async () => {
    const names = acceptedHostNames('0.0.0.0');
    const own = Object.values(os.networkInterfaces())
      .flat()
      .map((a) => a!.address)
      .filter((a) => !a.includes(':'));
    for (const address of own) expect(names.has(address)).toBe(true);
    expect(names.has(os.hostname().toLowerCase())).toBe(true);
    for (const address of own) expect(await rawRequest(port, '/deck/', `Host: ${address}:${port}`)).toBe(200);
    expect(await rawRequest(port, '/deck/', `Host: attacker.example:${port}`)).toBe(403);
    expect(await rawRequest(port, '/deck/', `Host: 127.attacker.example:${port}`)).toBe(403);
  });
});

describe('serve -o and the sources', { timeout: 30_000 }, () => {
  it.each([
    ['the project folder', '.'],
    ['the decks folder', 'slides'],
  ])('refuses %s as the output folder, with exit 2', async (_name, out) => {
    const project = makeProject();
    const cwd = process.cwd();
    process.chdir(project.root);
    try {
      const r = await runCli('serve', 'slides', '-o', out, '--port', '0');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/error: --out .* holds the decks' sources .*\(usage\)\n\s+hint: .*--out dist/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('serves only what the build wrote from an output folder shared with other files', async () => {
    const project = makeProject();
    const out = path.join(project.root, 'site');
    mkdirSync(path.join(out, 'private'), { recursive: true });
    writeFileSync(path.join(out, 'notes.txt'), 'private notes');
    writeFileSync(path.join(out, 'private/index.html'), '<p>private</p>');
    const started = await serve(project.slides, { outDir: out });
    try {
      const base = `http://127.0.0.1:${started.server.port}/`;
      expect((await fetch(new URL('deck/', base))).status).toBe(200);
      expect((await fetch(base)).status).toBe(200);
      expect((await fetch(new URL('deck/deck.json', base))).status).toBe(200);
      expect((await fetch(new URL('notes.txt', base))).status).toBe(404);
      expect((await fetch(new URL('private/', base))).status).toBe(404);
    } finally {
      await started.server.close();
    }
  });
});
