// The embed view's own fonts (for WordPress's sandboxed frame) and the protocol's pure parts:
// which faces a deck gets, subset to which characters, and how the secret leaves the hash.
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { deckCharacters } from '../../src/build/embed-fonts.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { deckHash, embedSecret, frameHeight } from '../../src/client/wordpress-embed.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe("WordPress's embed protocol, the frame's side", () => {
  it('reads the secret WordPress appends and leaves the deck its own hash', () => {
    expect(embedSecret('#?secret=Ab3dEf9hIj')).toBe('Ab3dEf9hIj');
    expect(embedSecret('#/5#?secret=Ab3dEf9hIj')).toBe('Ab3dEf9hIj');
    expect(embedSecret('#/5')).toBeUndefined();
    expect(embedSecret('#?secret=a"b')).toBe('a');
    expect(deckHash('#/5#?secret=Ab3dEf9hIj')).toBe('#/5');
    expect(deckHash('#?secret=Ab3dEf9hIj')).toBe('');
    expect(deckHash('#/goals/2')).toBe('#/goals/2');
  });

  it("asks for the height that gives the deck its ratio at the frame's width", () => {
    expect(frameHeight(650, { width: 1280, height: 720 })).toBe(366);
    expect(frameHeight(390, { width: 1024, height: 768 })).toBe(293);
  });
});

describe('the embed fonts', () => {
  it("keep the deck's characters, its UI strings and CSS content, and printable ASCII", () => {
    const deck = parseDeck('---\nlang: nb\n---\n# Blåbær &amp; ærfugl på øya\n\nπ &#8364;\n');
    const chars = deckCharacters(deck, '.x::before { content: "\\2192 "; }');
    for (const c of 'åæøπ€→«»—•AZaz09~') expect(chars, c).toContain(c);
    expect(chars).toContain('Å'); // from "Åpne presentasjonen"
    expect(chars).not.toContain('\n');
    expect(chars).not.toContain('中');
  });

  it('are built for a deck with a public URL: only the faces its theme uses, subset, inlined and small', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'talk.md');
    writeFileSync(file, '---\nurl: https://example.org/talk/\nlang: nb\n---\n# Blåbær\n\nTekst med *kursiv* og `kode`.\n');
    const { code, stderr } = await runCli('build', file, '-o', path.join(dir, 'out'), '--no-image');
    expect(code, stderr).toBe(0);
    const css = readFileSync(path.join(dir, 'out/talk/assets/embed-fonts.css'), 'utf8');
    const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1]);
    const families = new Set(faces.map((f) => /font-family:\s*"?([^";]+)/.exec(f)![1]));
    expect(families).toEqual(new Set(['Source Sans 3', 'Source Serif 4', 'JetBrains Mono']));
    for (const face of faces) {
      expect(face).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\)/);
      expect(face).toMatch(/unicode-range:U\+0000-00FF/); // the latin faces only: the text needs no other
    }
    // Ten faces, each a subset of ~130 characters: a fraction of the 190 KB of the fonts themselves.
    expect(Buffer.byteLength(css)).toBeLessThan(200_000);
    const $ = cheerio.load(readFileSync(path.join(dir, 'out/talk/index.html'), 'utf8'));
    const loader = $('head script').first().html()!;
    expect(loader).toContain('assets/embed-fonts.css');
    expect(loader).toContain('assets/fonts.css');
    expect($('noscript').html()).toContain('assets/fonts.css');
  });

  it('are not built without a public URL: the fonts are linked plainly', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'talk.md');
    writeFileSync(file, '# Talk\n');
    const { code, stderr } = await runCli('build', file, '-o', path.join(dir, 'out'), '--no-image');
    expect(code, stderr).toBe(0);
    expect(existsSync(path.join(dir, 'out/talk/assets/embed-fonts.css'))).toBe(false);
    const $ = cheerio.load(readFileSync(path.join(dir, 'out/talk/index.html'), 'utf8'));
    expect($('head script')).toHaveLength(0);
    expect($('link[rel="stylesheet"]').first().attr('href')).toBe('assets/fonts.css');
  });
});
