// Emoji in the PDF on a machine without an emoji font: the print view swaps each emoji it has a
// picture of for that picture (here stand-ins from test/fixtures/emoji, given by
// DECKMARK_EMOJI_SVGS), while the deck's HTML keeps the emoji as text.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { deckEmoji, emojiFileName, emojiImages, emojiWithoutPictures } from '../../src/export/emoji-images.js';
import { renderPage } from '../helpers/pdf-pixels.js';
import { readPdf } from '../helpers/read-pdf.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const PICTURES = path.join(REPO, 'test/fixtures/emoji');

/** How many pixels of a page are close to a colour. */
function pixelsOf(pdfFile: string, page: number, [r, g, b]: number[]): number {
  const pixels = renderPage(pdfFile, page, 72);
  let count = 0;
  for (let i = 0; i < pixels.rgb.length; i += 3) {
    if (Math.abs(pixels.rgb[i] - r) + Math.abs(pixels.rgb[i + 1] - g) + Math.abs(pixels.rgb[i + 2] - b) < 60) count++;
  }
  return count;
}

describe('emoji pictures', () => {
  it('names each emoji as Twemoji names its file', () => {
    expect(emojiFileName('😀')).toBe('1f600');
    expect(emojiFileName('©️')).toBe('a9');
    expect(emojiFileName('1️⃣')).toBe('31-20e3');
    expect(emojiFileName('👩‍💻')).toBe('1f469-200d-1f4bb');
    expect(emojiFileName('🇳🇴')).toBe('1f1f3-1f1f4');
  });

  it('reads the pictures of the emoji a deck uses, and only those it has', () => {
    const deck = parseDeck('# Hi 😀\n\nA coder 👩‍💻, a rocket 🚀, © and 2 plain.\n\nNote: 😀 again\n');
    expect(deckEmoji(deck)).toEqual(['😀', '👩‍💻', '🚀']);
    expect(Object.keys(emojiImages(deck, PICTURES))).toEqual(['😀', '👩‍💻']);
    expect(emojiImages(deck, undefined)).toEqual({});
  });
});

describe('emoji in the PDF', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prints pictures for emoji, keeps the text around them, and the deck keeps them as text', async () => {
    vi.stubEnv('DECKMARK_EMOJI_SVGS', PICTURES);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    writeFileSync(path.join(dir, 'deck.md'), '# Launch 😀 now\n\nA coder 👩‍💻 here, and a rocket 🚀 without a picture.\n');
    const out = path.join(dir, 'out');
    const result = await runCli('pdf', path.join(dir, 'deck.md'), '-o', out);
    expect(result.code, result.stderr).toBe(0);
    const pdfFile = path.join(out, 'deck/deck.pdf');
    expect(pixelsOf(pdfFile, 0, [255, 204, 0])).toBeGreaterThan(200); // the yellow disc, about a heading's em across
    expect(pixelsOf(pdfFile, 0, [0, 102, 255])).toBeGreaterThan(50); // the blue square
    const { pages } = await readPdf(pdfFile);
    expect(pages[0].text).toMatch(/Launch.*now/);
    expect(pages[0].text).toContain('without a picture');
    expect(readFileSync(path.join(out, 'deck/index.html'), 'utf8')).toContain('Launch 😀 now');
    expect(result.stderr).not.toContain('(emoji)');
  });

  it('warns at the first slide with emoji when there are no pictures to print them with', () => {
    const deck = parseDeck('# Plain\n\n---\n\n## Party 🎉\n', { file: 'deck.md' });
    expect(emojiWithoutPictures(deck, undefined)).toBe(5);
    expect(emojiWithoutPictures(deck, PICTURES)).toBeUndefined();
    expect(emojiWithoutPictures(parseDeck('# Plain\n'), undefined)).toBeUndefined();
  });
});
