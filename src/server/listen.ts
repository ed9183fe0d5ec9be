// Where the server listens and who may talk to it: binding the port (a taken one is a
// DeckError naming it, not a stack trace), the URL to print, and the Host check.
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeckError } from '../model/deck-error.js';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host === '::1' || host.startsWith('127.');
}

/**
 * On a loopback address only local names may be asked for: a web page that rebinds its own
 * domain to 127.0.0.1 would otherwise read the decks (and listen on the channel) across sites.
 */
export function hostGuard(listenHost: string): (req: IncomingMessage) => boolean {
  if (!isLoopback(listenHost)) return () => true;
  return (req) => {
    const name = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    return LOOPBACK_NAMES.has(name) || name === listenHost || name.startsWith('127.') || name.endsWith('.localhost');
  };
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === 'EADDRINUSE') {
    return new DeckError('port-unavailable', `port ${port} on ${host} is already in use`, {
      hint: 'stop the program using it, or pick another port with --port (--port 0 takes any free one)',
    });
  }
  if (error.code === 'EACCES') {
    return new DeckError('port-unavailable', `not allowed to listen on port ${port} on ${host}`, {
      hint: 'ports below 1024 need privileges: pick another with --port',
    });
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new DeckError('usage', `--host ${host} is not an address of this machine`, {
      hint: 'use 127.0.0.1, or 0.0.0.0 for every address',
    });
  }
  return error;
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(listenError(error, port, host));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
