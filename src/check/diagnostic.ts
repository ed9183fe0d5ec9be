// Small helpers the rules share: every slide in order, and a slide's visible words.
import type { Deck, Slide } from '../model/deck.js';

/** Horizontal slides with their vertical children, in the order they are shown. */
export function allSlides(deck: Deck): Slide[] {
  return deck.slides.flatMap((s) => [s, ...s.children]);
}

/** The slide's visible words: its HTML without code, SVG, MathML copies and tags. */
export function slideWords(html: string): string[] {
  const text = html
    .replace(/<(pre|svg|annotation|math|aside|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    // A chart's table, kept for screen readers: the audience sees the chart.
    .replace(/<div class="dm-chart-data">[\s\S]*?<\/div>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}
