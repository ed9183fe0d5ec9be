// A plain static web host for built decks: files as they are, a content type, nothing else
// (no CORS headers, no caching rules), like the simplest static hosting a blogger would use.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
};

export interface StaticHost {
  url: string;
  host: string;
  port: number;
  /** Every request so far: method, path and status. */
  requests: Array<{ method: string; path: string; status: number }>;
  stop(): Promise<void>;
}

/** Serves `root` on `host` (a loopback address) at a free port. */
export function startStaticHost(root: string, host = '127.0.0.1'): Promise<StaticHost> {
  root = path.resolve(root);
  const requests: StaticHost['requests'] = [];
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname);
    const send = (status: number) => {
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', status });
      return status;
    };
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(send(403)).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(send(200), {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': size,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(send(404), { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}/`,
        host,
        port,
        requests,
        stop: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
