// Emoji on paper without an emoji font on the machine (a Linux CI server has none: Chromium
// prints empty boxes). The deck's HTML keeps its emoji as text; only the print view swaps each
// one it has a picture of for that picture (an SVG, the character as its alt text), and only
// the pictures of the emoji the deck uses are read. The pictures are Twemoji's (@twemoji/svg,
// CC-BY 4.0), or a folder of the same names given by DECKMARK_EMOJI_SVGS.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodeHTML } from 'entities';
import type { Deck } from '../model/deck.js';

/** Every emoji Unicode recommends (sequences too: 👩‍💻, 🇳🇴, 1️⃣), not bare © or digits. */
const EMOJI = new RegExp('\\p{RGI_Emoji}', 'gv'); // the v flag: newer than the compile target, not than Node 20

/** The largest SVG read for one emoji: Twemoji's are a few kB. */
const MAX_SVG_BYTES = 64 * 1024;

/** Where the emoji pictures are, or undefined when there are none on this machine. */
export function emojiFolder(): string | undefined {
  const override = process.env.DECKMARK_EMOJI_SVGS;
  if (override) return override;
  try {
    const pkg = createRequire(import.meta.url).resolve('@twemoji/svg/package.json');
    return path.dirname(pkg);
  } catch {
    return undefined;
  }
}

/** Twemoji's file name of an emoji: its code points in hex, joined by `-`; U+FE0F dropped unless it holds a U+200D. */
export function emojiFileName(emoji: string): string {
  const chars = emoji.includes('\u200d') ? emoji : emoji.replace(/\ufe0f/g, '');
  return [...chars].map((c) => c.codePointAt(0)!.toString(16)).join('-');
}

/** The emoji a deck shows (slides and their notes' text), each once. */
export function deckEmoji(deck: Deck): string[] {
  const slides = deck.slides.flatMap((s) => [s, ...s.children]);
  const text = decodeHTML(slides.map((s) => `${s.html} ${s.notes}`).join(' '));
  return [...new Set(text.match(EMOJI) ?? [])];
}

/** The pictures of the deck's emoji, as data: URLs by emoji; those without a picture are left out. */
export function emojiImages(deck: Deck, folder: string | undefined): Record<string, string> {
  const images: Record<string, string> = {};
  if (!folder) return images;
  for (const emoji of deckEmoji(deck)) {
    const file = path.join(folder, `${emojiFileName(emoji)}.svg`);
    if (!existsSync(file)) continue;
    const svg = readFileSync(file);
    if (svg.length > MAX_SVG_BYTES) continue;
    images[emoji] = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  }
  return images;
}

/** The first line of the first slide with an emoji, when this machine has no emoji pictures to print them with. */
export function emojiWithoutPictures(deck: Deck, folder: string | undefined): number | undefined {
  if (folder) return undefined;
  const slides = deck.slides.flatMap((s) => [s, ...s.children]);
  return slides.find((s) => new RegExp(EMOJI.source, 'v').test(decodeHTML(s.html)))?.range.start;
}
