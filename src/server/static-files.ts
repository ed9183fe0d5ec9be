// Sends a file of the served folder: its content type, caching rules, byte ranges for video.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mimeType } from '../build/mime-types.js';

/** The Content-Type header of a file: its media type, text in UTF-8. */
export function contentType(file: string): string {
  const type = mimeType(file);
  return /^text\/|\/json$/.test(type) ? `${type}; charset=utf-8` : type;
}

export interface FileToSend {
  file: string;
  size: number;
  mtimeMs: number;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  416: 'Range Not Satisfiable',
  500: 'Internal Server Error',
};

/** Ends a request with a short plain-text status page. */
export function sendStatus(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  sendText(res, status, `${status} ${STATUS_TEXT[status] ?? ''}\n`, 'text/plain; charset=utf-8', headers);
}

/** Sends an HTML page, rewritten by `transform` (the reload client goes in); never cached. */
export async function sendHtml(res: ServerResponse, found: FileToSend, transform: (html: string) => string): Promise<void> {
  const html = transform(await readFile(found.file, 'utf8'));
  sendText(res, 200, html, 'text/html; charset=utf-8');
}

export function sendText(res: ServerResponse, status: number, text: string, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` → an inclusive range; null when unsatisfiable. */
function parseRange(header: string, size: number): { start: number; end: number } | null | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // several ranges or junk: send it all
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

/**
 * Sends any other file. Asset names without a hash (theme.css, deckmark.js) change under the
 * same URL on every rebuild, so the browser revalidates each time (`no-cache` + an ETag that
 * is exact to the nanosecond mtime, where Last-Modified's whole seconds would miss a quick save).
 */
export function sendFile(req: IncomingMessage, res: ServerResponse, found: FileToSend): void {
  const etag = `W/"${found.size.toString(16)}-${found.mtimeMs.toString(16)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': contentType(found.file),
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const range = req.headers.range ? parseRange(req.headers.range, found.size) : undefined;
  if (range === null) {
    sendStatus(res, 416, { 'Content-Range': `bytes */${found.size}` });
    return;
  }
  const { start, end } = range ?? { start: 0, end: found.size - 1 };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${found.size}`;
  headers['Content-Length'] = Math.max(0, end - start + 1);
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD' || found.size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(found.file, { start, end });
  // A file swapped out by a rebuild mid-send ends the response; the page asks again.
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
