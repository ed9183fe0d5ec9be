// The page an <iframe> shows from the deck's folder is published with the deck, as its pictures
// are: a frame in the built deck (or the single file) shows the same page as in the sources.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/api/index.js';
import { tempDir } from '../helpers/cli.js';

const WIDGET = '<!doctype html><title>Widget</title><p>Et lite eksempel</p>';

function project(): { dir: string; deck: string } {
  const dir = tempDir('deckmark-iframe-');
  writeFileSync(path.join(dir, 'package.json'), '{}');
  mkdirSync(path.join(dir, 'demo'));
  writeFileSync(path.join(dir, 'demo/widget.html'), WIDGET);
  const deck = path.join(dir, 'talk.md');
  writeFileSync(
    deck,
    '# Demo\n\n<iframe src="demo/widget.html" title="Eksempel"></iframe>\n\n---\n\n# Lat\n\n<iframe data-src="demo/widget.html"></iframe>\n',
  );
  return { dir, deck };
}

describe('a local page in an iframe', () => {
  it('is copied with the deck and the frame points at the copy', async () => {
    const { dir, deck } = project();
    const { decks } = await buildDeck(deck, { out: path.join(dir, 'dist'), image: false });
    const html = readFileSync(decks[0].output, 'utf8');
    const [src] = [...html.matchAll(/<iframe src="([^"]+)"/g)].map((m) => m[1]);
    const [lazy] = [...html.matchAll(/<iframe data-src="([^"]+)"/g)].map((m) => m[1]);
    expect(src).toMatch(/^assets\/widget-[0-9a-f]{10}\.html$/);
    expect(lazy).toBe(src);
    expect(readFileSync(path.join(dir, 'dist/talk', src), 'utf8')).toBe(WIDGET);
    expect(decks[0].diagnostics).toEqual([]);
  });

  it('is inlined as a data URL in a single file', async () => {
    const { dir, deck } = project();
    const { decks } = await buildDeck(deck, { out: path.join(dir, 'dist'), singleFile: true, image: false });
    const html = readFileSync(decks[0].output, 'utf8');
    const src = /<iframe src="([^"]+)"/.exec(html)![1];
    expect(src.startsWith('data:text/html;base64,')).toBe(true);
    expect(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString()).toBe(WIDGET);
  });

  it('that is missing is a missing file on its line, and the build goes on', async () => {
    const { dir, deck } = project();
    writeFileSync(deck, '# Demo\n\nText.\n\n<iframe src="demo/gone.html"></iframe>\n');
    const { decks } = await buildDeck(deck, { out: path.join(dir, 'dist'), image: false });
    expect(decks[0].diagnostics).toMatchObject([{ code: 'missing-file', line: 5, message: 'page "demo/gone.html" not found' }]);
    expect(existsSync(decks[0].output)).toBe(true);
  });
});
