// One table of media types for the build's data URLs and the dev server's Content-Type.
import { describe, expect, it } from 'vitest';
import { mimeType } from '../../src/build/mime-types.js';
import { contentType } from '../../src/server/static-files.js';

describe('mimeType', () => {
  it.each([
    ['theme/fonts/Inter.woff2', 'font/woff2'],
    ['a.PNG', 'image/png'],
    ['clip.webm', 'video/webm'],
    ['logo.svg', 'image/svg+xml'],
    ['style.css', 'text/css'],
    ['noext', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });

  it('is what the dev server sends, text in UTF-8', () => {
    expect(contentType('f.woff2')).toBe('font/woff2');
    expect(contentType('theme.css')).toBe('text/css; charset=utf-8');
    expect(contentType('deck.json')).toBe('application/json; charset=utf-8');
  });
});
