// `deckmark build` and the title-slide image: skipped with one line when there is no browser
// (the build still succeeds and points at no image), made once and remade only when the deck changes.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const DECK = '---\ntitle: Embed me\n---\n# Embed me\n\nA subtitle\n\n---\n\n## Two\n';
/** A deck with a public URL: `build` makes its social card image. */
const SHARED = DECK.replace('title: Embed me', 'title: Embed me\nurl: https://example.org/talk/');

function writeDeck(text = DECK): { dir: string; file: string; out: string } {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  const file = path.join(dir, 'talk.md');
  writeFileSync(file, text);
  return { dir, file, out: path.join(dir, 'dist') };
}

describe('deckmark build and the title-slide image', () => {
  const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
    else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
  });

  it('builds without a browser, says so once, and points at no image', async () => {
    const { file, out } = writeDeck();
    process.env.PUPPETEER_EXECUTABLE_PATH = path.join(out, 'no-such-browser');
    const { code, stderr } = await runCli('build', file, '-o', out);
    expect(code, stderr).toBe(0);
    expect(stderr.match(/title-slide images skipped: no Chrome or Chromium found/g)).toHaveLength(1);
    expect(existsSync(path.join(out, 'talk/og-image.png'))).toBe(false);
    const $ = cheerio.load(readFileSync(path.join(out, 'talk/index.html'), 'utf8'));
    expect($('meta[property="og:image"]')).toHaveLength(0);
    expect($('meta[property="og:title"]').attr('content')).toBe('Embed me');
    expect($('link[type="application/json+oembed"]').attr('href')).toBe('oembed.json');
    const oembed = JSON.parse(readFileSync(path.join(out, 'talk/oembed.json'), 'utf8'));
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: 'Embed me' });
    expect(oembed.thumbnail_url).toBeUndefined();
    expect(cheerio.load(readFileSync(path.join(out, 'index.html'), 'utf8'))('.thumb iframe')).toHaveLength(1);
  });

  it('makes no image (and starts no browser) for a deck without a public url', async () => {
    const { file, out } = writeDeck();
    const { code, stderr } = await runCli('build', file, '-o', out);
    expect(code, stderr).toBe(0);
    expect(existsSync(path.join(out, 'talk/og-image.png'))).toBe(false);
    expect(readFileSync(path.join(out, 'talk/index.html'), 'utf8')).not.toContain('og:image');
  });

  it('makes the image of a deck with a url once, and again only when the deck changes', async () => {
    const { file, out } = writeDeck(SHARED);
    const image = path.join(out, 'talk/og-image.png');
    const first = await runCli('build', file, '-o', out);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('og-image.png');
    const made = statSync(image).mtimeMs;

    const again = await runCli('build', file, '-o', out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('og-image.png');
    expect(statSync(image).mtimeMs).toBe(made);

    writeFileSync(file, SHARED.replace('A subtitle', 'Another subtitle'));
    const changed = await runCli('build', file, '-o', out);
    expect(changed.stderr).toContain('og-image.png');
    expect(statSync(image).mtimeMs).toBeGreaterThan(made);

    const skipped = await runCli('build', file, '-o', path.join(out, '..', 'plain'), '--no-image');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(existsSync(path.join(out, '..', 'plain/talk/og-image.png'))).toBe(false);
  });
});
