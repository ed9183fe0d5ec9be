// The present channel's rules, with plain WebSocket clients: only key holders control, the
// audience only listens, bad messages are dropped without harm, floods are cut, state comes
// back to whoever connects.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { attachPresentChannel } from '../../src/server/present/present-channel.js';
import type { PresentServer } from '../../src/server/present/present-server.js';
import { makeToken, tokenMatches } from '../../src/server/present/token.js';
import { channelClient, makeTalk, present, type Client } from './present-fixture.js';
import { until } from './fixture.js';

const STATE = { h: 1, v: 0, f: -1, paused: false, index: 1, total: 4, title: 'Slide two', nextTitle: 'Slide three', notes: 'secret notes' };

describe('the present channel', () => {
  let server: PresentServer;
  let presenter: Client;
  const key = (): string => `token=${encodeURIComponent(server.token)}`;
  const commands = (): unknown[] => presenter.messages.filter((m) => m.type === 'command');

  beforeAll(async () => {
    server = await present(makeTalk());
    presenter = channelClient(server, `role=presenter&${key()}`);
    await presenter.opened;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('makes a 128-bit key and compares it whole', () => {
    const token = makeToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    expect(makeToken()).not.toBe(token);
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token.slice(0, -1), token)).toBe(false);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
  });

  it('serves the presenter and remote pages only with the key', async () => {
    const base = server.audienceUrl;
    expect((await fetch(`${base}remote`)).status).toBe(403);
    expect((await fetch(`${base}remote?token=wrong`)).status).toBe(403);
    expect((await fetch(`${base}presenter?token=${server.token.slice(1)}`)).status).toBe(403);
    const remote = await fetch(server.remoteUrl);
    expect(remote.status).toBe(200);
    expect(remote.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await remote.text()).toMatch(/<html lang="nb">[\s\S]*>Forrige<\/button>[\s\S]*>Neste</);
    expect((await fetch(server.presenterUrl)).status).toBe(200);
    const audience = await fetch(base);
    expect(audience.status).toBe(200);
    expect(await audience.text()).toContain('"role":"audience"');
  });

  it('closes a remote without the key or with a wrong one, before it can send anything', async () => {
    for (const query of ['role=remote', 'role=remote&token=', `role=presenter&token=${server.token}A`]) {
      const client = channelClient(server, query);
      expect(await client.closed).toBe(4401);
      expect(client.messages).toEqual([]);
    }
  });

  it('closes an audience socket that sends a command, and nothing moves', async () => {
    const before = commands().length;
    const audience = channelClient(server, 'role=audience');
    await audience.opened;
    audience.ws.send(JSON.stringify({ type: 'command', action: 'next' }));
    expect(await audience.closed).toBe(1008);
    const sneaky = channelClient(server, 'role=audience');
    await sneaky.opened;
    sneaky.ws.send(JSON.stringify({ type: 'state', state: STATE }));
    expect(await sneaky.closed).toBe(1008);
    await new Promise((r) => setTimeout(r, 100));
    expect(commands()).toHaveLength(before);
    expect(server.channel.state).toBeNull();
  });

  it('refuses a socket from another site', async () => {
    const client = channelClient(server, `role=remote&${key()}`, 'http://evil.example');
    expect(await client.closed).toBe(1006);
  });

  it('drops malformed, unknown and oversized messages without crashing, and keeps serving', async () => {
    const remote = channelClient(server, `role=remote&${key()}`);
    await remote.opened;
    const dropped = server.channel.dropped;
    const before = commands().length;
    for (const bad of [
      '{not json',
      '"next"',
      'null',
      '[]',
      '{"type":"command","action":"explode"}',
      '{"type":"state","state":{}}',
      '{"type":"nope"}',
    ]) {
      remote.ws.send(bad);
    }
    remote.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await until(() => server.channel.dropped === dropped + 8);
    // A remote may not publish a state, however well formed: only the presenter's deck is the truth.
    remote.ws.send(JSON.stringify({ type: 'state', state: STATE }));
    await until(() => server.channel.dropped === dropped + 9);
    expect(commands()).toHaveLength(before);
    // Over the size limit: ws closes that socket (1009); the others carry on.
    remote.ws.send(JSON.stringify({ type: 'command', action: 'next', pad: 'x'.repeat(40_000) }));
    expect(await remote.closed).toBe(1009);
    const again = channelClient(server, `role=remote&${key()}`);
    await again.opened;
    again.ws.send(JSON.stringify({ type: 'command', action: 'next' }));
    await until(() => commands().length === before + 1);
    again.ws.close();
  });

  it('cuts a flood of presses at the rate limit', async () => {
    const remote = channelClient(server, `role=remote&${key()}`);
    await remote.opened;
    const before = commands().length;
    for (let i = 0; i < 200; i++) remote.ws.send(JSON.stringify({ type: 'command', action: 'next' }));
    await until(() => server.channel.dropped > 150);
    await new Promise((r) => setTimeout(r, 100));
    const passed = commands().length - before;
    expect(passed).toBeGreaterThanOrEqual(20);
    expect(passed).toBeLessThan(30);
    remote.ws.close();
  });

  it('sends the state to whoever connects: notes and titles to remotes only', async () => {
    presenter.ws.send(JSON.stringify({ type: 'state', state: { ...STATE, extra: 'dropped' } }));
    await until(() => server.channel.state !== null);
    expect(server.channel.state).toEqual(STATE);
    const audience = channelClient(server, 'role=audience');
    const remote = channelClient(server, `role=remote&${key()}`);
    await until(() => audience.messages.length > 0 && remote.messages.length > 0);
    expect(audience.messages[0]).toEqual({
      type: 'hello',
      role: 'audience',
      state: { h: 1, v: 0, f: -1, paused: false, index: 1, total: 4 },
      presenters: 1,
      elapsedMs: null,
    });
    expect(JSON.stringify(audience.messages)).not.toContain('secret notes');
    expect(remote.messages[0]).toMatchObject({ type: 'hello', role: 'remote', state: STATE, presenters: 1 });
    // The presenter moves: both hear it; the last of two remotes' commands is the last to reach the presenter.
    presenter.ws.send(JSON.stringify({ type: 'state', state: { ...STATE, h: 2, index: 2 } }));
    await until(() => audience.messages.some((m) => (m.state as { h?: number } | undefined)?.h === 2));
    await until(() => remote.messages.some((m) => (m.state as { h?: number } | undefined)?.h === 2 && typeof m.elapsedMs === 'number'));
    const other = channelClient(server, `role=remote&${key()}`);
    await other.opened;
    remote.ws.send(JSON.stringify({ type: 'command', action: 'pause' }));
    other.ws.send(JSON.stringify({ type: 'command', action: 'resume' }));
    await until(() => commands().slice(-2).length === 2 && (commands().at(-1) as { action: string }).action === 'resume');
    for (const c of [audience, remote, other]) c.ws.close();
  });

  it('tells remotes when the presenter goes and comes back', async () => {
    const remote = channelClient(server, `role=remote&${key()}`);
    await remote.opened;
    presenter.ws.close();
    await until(() => remote.messages.some((m) => m.type === 'presenters' && m.count === 0));
    presenter = channelClient(server, `role=presenter&${key()}`);
    await until(() => remote.messages.some((m, i) => i > 0 && m.type === 'presenters' && m.count === 1));
    remote.ws.close();
  });
});

describe('the present channel heartbeat', () => {
  it('says something to every page on each beat, and drops a socket that stops answering pings', async () => {
    const server = http.createServer();
    attachPresentChannel(server, makeToken(), () => true, 100);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/__deckmark/present?role=audience`;
    try {
      const messages: string[] = [];
      const answering = new WebSocket(url);
      answering.on('message', (data) => messages.push(JSON.parse(data.toString()).type));
      // A phone that left the network: its socket is open here, but no pong comes back.
      const gone = new WebSocket(url, { autoPong: false });
      const goneClosed = new Promise<number>((resolve) => gone.once('close', resolve));
      expect(await goneClosed).toBe(1006);
      expect(answering.readyState).toBe(WebSocket.OPEN);
      expect(messages[0]).toBe('hello');
      await until(() => messages.filter((type) => type === 'alive').length >= 3);
      expect(answering.readyState).toBe(WebSocket.OPEN);
      answering.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
