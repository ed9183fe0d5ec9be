// The dev server over HTTP, in process on 127.0.0.1: the same files and URLs as `build`, content
// types and caching, nothing outside the output folder, rebuilds of added and removed decks,
// a broken deck that never kills it, a taken port, and a clean close.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType } from '../../src/server/static-files.js';
import { injectClient } from '../../src/server/page-html.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { makeProject, portIsFree, serve, until, type Project, type Started } from './fixture.js';

/** A request sent byte for byte: fetch() and http.request() would tidy `..` and `%2e` away. */
function rawRequest(port: number, target: string, host = `127.0.0.1:${port}`): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const at = data.indexOf('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1]), head: data.slice(0, at), body: data.slice(at + 4) });
    });
  });
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe('deckmark serve over HTTP', () => {
  let project: Project;
  let started: Started;
  let base: string;
  const SECRET = 'top secret, outside the output folder';

  beforeAll(async () => {
    project = makeProject();
    // The output folder's parent holds a secret: one `..` too many would reach it.
    const out = path.join(project.root, 'out');
    writeFileSync(path.join(project.root, 'secret.txt'), SECRET);
    mkdirSync(path.join(project.root, 'secret-dir'));
    writeFileSync(path.join(project.root, 'secret-dir/secret.txt'), SECRET);
    started = await serve(project.slides, { outDir: out });
    base = started.server.url;
    symlinkSync(path.join(project.root, 'secret.txt'), path.join(out, 'leak.txt'));
    symlinkSync(path.join(project.root, 'secret-dir'), path.join(out, 'leak-dir'));
  });
  afterAll(async () => {
    await started?.server.close();
  });

  it('serves the same files at the same URLs as `build`, each page with the reload client', async () => {
    const built = tempDir();
    // Title-slide images are `build`'s alone (serve never starts a browser): compare without them.
    const result = await runCli('build', project.slides, '-o', built, '--no-image');
    expect(result.code, result.stderr).toBe(0);
    const files = filesUnder(built);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'deck/index.html', 'deck/deck.json', 'deck/assets/deckmark.js']));
    for (const file of files) {
      const response = await fetch(new URL(file, base));
      expect(response.status, file).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      const expected = readFileSync(path.join(built, file));
      if (file.endsWith('.html')) {
        const slug = file === 'index.html' ? '' : file.split('/')[0];
        expect(body.toString('utf8'), file).toBe(injectClient(expected.toString('utf8'), slug));
      } else {
        expect(body.equals(expected), file).toBe(true);
      }
    }
    const page = await (await fetch(new URL('deck/', base))).text();
    expect(page).toMatch(/<script src="\/__deckmark\/live-reload\.js" data-slug="deck"><\/script>\n<\/body>/);
    const client = await fetch(new URL('__deckmark/live-reload.js', base));
    expect(client.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await client.text()).toContain('/__deckmark/ws');
  });

  it('sends correct content types, no-store for HTML, and byte ranges', async () => {
    const html = await fetch(new URL('deck/index.html', base));
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('cache-control')).toBe('no-store');
    const page = await html.text();
    const svg = /src="(assets\/pipeline-[0-9a-f]+\.svg)"/.exec(page)![1];
    const css = await fetch(new URL('deck/assets/theme.css', base));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(new URL(`deck/${svg}`, base))).headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(new URL('deck/assets/deckmark.js', base))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(new URL('deck/deck.json', base))).headers.get('content-type')).toBe('application/json; charset=utf-8');
    const font = filesUnder(path.join(started.server.outDir, 'deck/assets/fonts')).find((f) => f.endsWith('.woff2'))!;
    expect((await fetch(new URL(`deck/assets/fonts/${font}`, base))).headers.get('content-type')).toBe('font/woff2');
    for (const [file, type] of [
      ['a.png', 'image/png'],
      ['a.JPG', 'image/jpeg'],
      ['a.jpeg', 'image/jpeg'],
      ['deck.pdf', 'application/pdf'],
      ['f.woff2', 'font/woff2'],
      ['x.json', 'application/json; charset=utf-8'],
      ['v.mp4', 'video/mp4'],
      ['noext', 'application/octet-stream'],
    ]) {
      expect(contentType(file), file).toBe(type);
    }

    const etag = css.headers.get('etag')!;
    expect((await fetch(new URL('deck/assets/theme.css', base), { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const part = await fetch(new URL(`deck/${svg}`, base), { headers: { Range: 'bytes=0-4' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe(readFileSync(path.join(project.slides, 'img/pipeline.svg'), 'utf8').slice(0, 5));
    expect((await fetch(new URL(`deck/${svg}`, base), { headers: { Range: 'bytes=999999-' } })).status).toBe(416);
    expect((await fetch(new URL('deck/index.html', base), { method: 'POST' })).status).toBe(405);
  });

  it('redirects a folder without its slash, and 404s what is not there', async () => {
    const folder = await fetch(new URL('deck', base), { redirect: 'manual' });
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/deck/');
    expect((await rawRequest(started.server.port, '//evil.example')).status).toBe(404);
    expect((await fetch(new URL('nothing/here.png', base))).status).toBe(404);
  });

  it.each([
    ['/../secret.txt', 403],
    ['/deck/../../secret.txt', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/%2E%2E/%2e%2e/secret.txt', 403],
    ['/deck/..%2f..%2fsecret.txt', 403],
    ['/deck/%2e%2e%2F%2e%2e%2Fsecret.txt', 403],
    ['/..%5csecret.txt', 403],
    ['/..\\secret.txt', 403],
    ['/deck/index.html%00.png', 403],
    ['/%c0%ae%c0%ae/secret.txt', 400],
    ['http://127.0.0.1/../secret.txt', 403],
    ['//etc/passwd', 404],
    ['/etc/passwd', 404],
    ['/leak.txt', 403],
    ['/leak-dir/secret.txt', 403],
    ['/.leak.txt', 404],
  ])('refuses %s with %i', async (target, status) => {
    const response = await rawRequest(started.server.port, target);
    expect(response.status).toBe(status);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
  });

  it('refuses a Host name that is not local (DNS rebinding) and WebSockets on other paths', async () => {
    const page = await rawRequest(started.server.port, '/deck/', 'attacker.example');
    expect(page.status).toBe(403);
    expect((await rawRequest(started.server.port, '/deck/', `localhost:${started.server.port}`)).status).toBe(200);
  });

  it('rebuilds only the changed deck, once for a burst of saves (write twice, then rename over)', async () => {
    const other = path.join(project.slides, 'quiet.md');
    writeFileSync(other, '# A deck nobody edits\n');
    await until(async () => (await fetch(new URL('quiet/', base))).status === 200);
    const quietBuilt = statSync(path.join(started.server.outDir, 'quiet/index.html')).mtimeMs;
    const rebuilds = () => started.printed.filter((l) => /^rebuilt .*deck\.md in \d+ ms$/.test(l)).length;
    const before = rebuilds();
    const text = readFileSync(project.deck, 'utf8');
    writeFileSync(project.deck, text.replace('# Slide one', '# Slide one, draft'));
    writeFileSync(project.deck, text.replace('# Slide one', '# Slide one, burst'));
    writeFileSync(`${project.deck}.tmp`, text.replace('# Slide one', '# Slide one, saved by rename'));
    renameSync(`${project.deck}.tmp`, project.deck);
    await until(async () => (await (await fetch(new URL('deck/', base))).text()).includes('saved by rename'));
    // Past the quiet time and the watcher's second look: still one rebuild.
    await new Promise((r) => setTimeout(r, 300));
    expect(rebuilds() - before).toBe(1);
    expect(statSync(path.join(started.server.outDir, 'quiet/index.html')).mtimeMs).toBe(quietBuilt);
    // A save after a save by rename is still seen.
    writeFileSync(project.deck, text.replace('# Slide one', '# Slide one, after the rename'));
    await until(async () => (await (await fetch(new URL('deck/', base))).text()).includes('after the rename'));
    rmSync(other);
  });

  it('waits out a save caught midway (emptied, then written) instead of building the empty deck', async () => {
    const rebuilds = () => started.printed.filter((l) => /^rebuilt .*deck\.md in \d+ ms$/.test(l)).length;
    const before = rebuilds();
    const text = readFileSync(project.deck, 'utf8');
    writeFileSync(project.deck, ''); // an editor that truncates, then writes 40 ms later
    await new Promise((r) => setTimeout(r, 40));
    writeFileSync(project.deck, text.replace('# Slide one', '# Slide one, written after truncating'));
    await until(async () => (await (await fetch(new URL('deck/', base))).text()).includes('written after truncating'));
    await new Promise((r) => setTimeout(r, 300));
    expect(rebuilds() - before).toBe(1);
    // A deck emptied on purpose is built as it is, once the wait is over.
    writeFileSync(project.deck, '');
    await until(async () => !(await (await fetch(new URL('deck/', base))).text()).includes('Slide one'));
    writeFileSync(project.deck, text);
    await until(async () => (await (await fetch(new URL('deck/', base))).text()).includes('Slide one'));
  });

  it('rebuilds a deck when one of its images changes', async () => {
    const svg = path.join(project.slides, 'img/pipeline.svg');
    const hashed = async () => /src="assets\/(pipeline-[0-9a-f]+\.svg)"/.exec(await (await fetch(new URL('deck/', base))).text())![1];
    const before = await hashed();
    writeFileSync(svg, readFileSync(svg, 'utf8').replace('</svg>', '<!-- edited --></svg>'));
    await until(async () => (await hashed()) !== before);
    expect(await (await fetch(new URL(`deck/assets/${await hashed()}`, base))).text()).toContain('<!-- edited -->');
  });

  it('builds a new deck in the folder, lists it on the index, and removes it again', async () => {
    const other = path.join(project.slides, 'other.md');
    writeFileSync(other, '---\ntitle: Another deck\n---\n\n# Hello from the other deck\n');
    await until(async () => (await fetch(new URL('other/', base))).status === 200);
    expect(await (await fetch(new URL('other/', base))).text()).toContain('Hello from the other deck');
    await until(async () => (await (await fetch(base)).text()).includes('Another deck'));
    rmSync(other);
    await until(async () => (await fetch(new URL('other/', base))).status === 404);
    await until(async () => !(await (await fetch(base)).text()).includes('Another deck'));
  });
});

describe('a deck that does not build', () => {
  it('gets a stand-in page with its error while the others are served, and builds once fixed', async () => {
    const project = makeProject();
    const broken = path.join(project.slides, 'broken.md');
    writeFileSync(broken, '---\nlang: 42\n---\n\n# Broken\n');
    const { server, printed } = await serve(project.slides);
    try {
      expect((await fetch(new URL('deck/', server.url))).status).toBe(200);
      const standIn = await fetch(new URL('broken/', server.url));
      expect(standIn.status).toBe(500);
      const text = await standIn.text();
      expect(text).toMatch(/broken\.md:2:1: error: .*lang/);
      expect(text).toContain('/__deckmark/live-reload.js');
      expect(printed.join('\n')).toMatch(/broken\.md:2:1: error: .*lang.*\(invalid-option\)/);

      writeFileSync(broken, '---\nlang: nb\n---\n\n# Fixed now\n');
      await until(async () => (await fetch(new URL('broken/', server.url))).status === 200);
      expect(await (await fetch(new URL('broken/', server.url))).text()).toContain('Fixed now');
    } finally {
      await server.close();
    }
  });
});

describe('starting and stopping', () => {
  it('fails with a DeckError naming a taken port, exit code 1, no stack trace', async () => {
    const project = makeProject();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runCli('serve', project.deck, '--port', String(port));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('(port-unavailable)');
      expect(result.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
    } finally {
      blocker.close();
    }
  });

  it('rejects a port that is not a number as wrong usage (exit 2)', async () => {
    const result = await runCli('serve', makeProject().deck, '--port', 'eighty');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a number');
  });

  it('frees the port and removes its temporary folder on close()', async () => {
    const { server } = await serve(makeProject().deck);
    expect(await portIsFree(server.port)).toBe(false);
    expect(statSync(server.outDir).isDirectory()).toBe(true);
    await server.close();
    await server.close(); // twice is fine
    expect(await portIsFree(server.port)).toBe(true);
    expect(() => statSync(server.outDir)).toThrow();
  });
});
