// Pictures for the PowerPoint file: read from the built deck's folder (never outside it), with
// their pixel size read from the file's header so they keep their proportions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Picture } from './block.js';

/** Width and height from a PNG, GIF, JPEG, WebP or SVG file; undefined when it is none of them. */
function pictureSize(bytes: Buffer): { width: number; height: number; type: string } | undefined {
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG')
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), type: 'png' };
  if (bytes.subarray(0, 3).toString('latin1') === 'GIF')
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8), type: 'gif' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let i = 2; i + 9 < bytes.length;) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1];
      const length = bytes.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7), type: 'jpeg' };
      i += 2 + length;
    }
    return undefined;
  }
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    const chunk = bytes.subarray(12, 16).toString('latin1');
    if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3), type: 'webp' };
    if (chunk === 'VP8L') {
      const bits = bytes.readUInt32LE(21);
      return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff), type: 'webp' };
    }
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff, type: 'webp' };
  }
  const text = bytes.subarray(0, 4096).toString('utf8');
  if (/<svg[\s>]/.test(text)) return { ...svgSize(text), type: 'svg+xml' };
  return undefined;
}

/** An SVG's size from its width/height attributes, else its viewBox, else 300×150 as browsers do. */
function svgSize(markup: string): { width: number; height: number } {
  const tag = /<svg[^>]*>/.exec(markup)?.[0] ?? '';
  const attr = (name: string): number => Number(new RegExp(`\\s${name}="([\\d.]+)(px)?"`).exec(tag)?.[1]) || 0;
  const box = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(tag);
  const width = attr('width') || Number(box?.[1]) || 300;
  const height = attr('height') || Number(box?.[2]) || (box ? (width * Number(box[2])) / Number(box[1]) : 150);
  return { width, height };
}

/** Reads pictures relative to the built deck's folder; anything outside it or unreadable is undefined. */
export function pictureReader(deckDir: string): (src: string) => Picture | undefined {
  const root = path.resolve(deckDir);
  return (src) => {
    if (/^data:/.test(src)) {
      const m = /^data:(image\/[\w+.-]+);base64,(.*)$/.exec(src);
      if (!m) return undefined;
      const size = pictureSize(Buffer.from(m[2], 'base64'));
      return size ? { data: `${m[1]};base64,${m[2]}`, width: size.width, height: size.height } : undefined;
    }
    if (/^[a-z][\w+.-]*:/i.test(src)) return undefined; // remote: the export is offline
    const file = path.resolve(root, decodeURIComponent(src.split(/[?#]/)[0]));
    if (file !== root && !file.startsWith(root + path.sep)) return undefined;
    try {
      const bytes = readFileSync(file);
      const size = pictureSize(bytes);
      return size ? { data: `image/${size.type};base64,${bytes.toString('base64')}`, width: size.width, height: size.height } : undefined;
    } catch {
      return undefined;
    }
  };
}

/** An inline SVG (an icon, a QR code) as a picture, `currentColor` painted `color`. */
export function svgPicture(markup: string, color: string): Picture {
  const svg = markup.replace(/currentColor/g, color);
  return { data: `image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, ...svgSize(svg) };
}
