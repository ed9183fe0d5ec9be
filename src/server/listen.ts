// Where the server listens and who may talk to it: binding the port (a taken one is a
// DeckError naming it, not a stack trace), the URL to print, and the Host check (against DNS rebinding).
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { DeckError } from '../model/deck-error.js';

/** The names a browser on this machine uses for the loopback addresses. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::']);

/** An address as a Host header writes it: IPv6 in brackets, lower case. */
function hostName(address: string): string {
  return address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase();
}

/**
 * The host names a request may ask for, given the address the server listens on: the loopback
 * names (exactly: `127.attacker.example` is not one), the listen address itself, and on a wildcard
 * (`0.0.0.0`, `::`) every address of this machine's network interfaces and its host name. A web
 * page that rebinds its own domain to one of those addresses still sends its own name.
 */
export function acceptedHostNames(listenHost: string): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, hostName(listenHost)]);
  if (WILDCARDS.has(listenHost)) {
    for (const address of Object.values(os.networkInterfaces()).flat()) {
      if (address) names.add(hostName(address.address.replace(/%.*$/, '')));
    }
    const machine = os.hostname().toLowerCase();
    names.add(machine);
    names.add(machine.endsWith('.local') ? machine : `${machine}.local`);
  }
  return names;
}

/** `name[:port]` of a Host header, or undefined when it is not one (user info, a path, spaces). */
function parseHostHeader(header: string): { name: string; port: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(header);
  return m ? { name: m[1].toLowerCase(), port: m[2] === undefined ? 80 : Number(m[2]) } : undefined;
}

/**
 * Whether a request is for this server: its Host header names one of acceptedHostNames() with
 * the port the server listens on. `port()` is read per request (it is known once listening).
 */
export function hostGuard(listenHost: string, port: () => number): (req: IncomingMessage) => boolean {
  return (req) => {
    const host = parseHostHeader(req.headers.host ?? '');
    // Interfaces come and go (Wi-Fi, VPN): asked again for each request.
    return host !== undefined && host.port === port() && acceptedHostNames(listenHost).has(host.name);
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
