// The `check` rules that need a real browser: content that overflows its slide and text too
// small to read, measured in reveal.js's print view where every slide is laid out at the deck's size.
import type { Browser } from 'puppeteer-core';
import type { Deck, Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { diagnostic } from '../model/diagnostic.js';
import { pageIncidents, withDeckPage } from './browser/pages.js';
import { incidentDiagnostics } from './page-guard.js';
import { openPrintView } from './render-pdf.js';

/** The smallest readable text on a 1280×720 screen, in CSS pixels. */
const MIN_FONT_PX = 16;

interface SlideMeasure {
  /** The slide's first source line (its section's data-line). */
  line: number;
  /** Pixels of content below the slide's bottom edge, and past its right edge. */
  overflowY: number;
  overflowX: number;
  /** The first element whose own text is smaller than the minimum, and how many there are. */
  small?: { element: string; text: string; size: number; count: number };
  /** The first code block of the slide whose lines are wider than it (they scroll on screen), by how much, and its longest line. */
  wideCode?: { by: number; text: string };
  /** The first code block taller than its box (it scrolls on screen), by how much. */
  tallCode?: { by: number };
}

/** Runs in the page (passed to page.evaluate): measures every slide of the print view. */
function measureSlides(width: number, height: number, minFont: number): SlideMeasure[] {
  const out: SlideMeasure[] = [];
  const seen = new Set<number>();
  for (const section of document.querySelectorAll<HTMLElement>('.pdf-page section:not(.stack)')) {
    const line = Number(section.dataset.line);
    if (seen.has(line)) continue;
    seen.add(line);
    const overflowY = Math.max(0, Math.round(section.scrollHeight - height));
    const overflowX = Math.max(0, Math.round(section.scrollWidth - width));
    let small: SlideMeasure['small'];
    for (const el of section.querySelectorAll<HTMLElement>('*')) {
      // Notes are not on the slide; KaTeX's sub- and superscripts are small by design.
      if (el.closest('aside.notes, .katex, svg, sup, sub')) continue;
      // Only words count: a footnote's ↩︎ or a bullet glyph is not read.
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && /[\p{L}\p{N}]/u.test(n.textContent!));
      if (!own || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (style.visibility === 'hidden' || size >= minFont - 0.05) continue;
      if (small) small.count++;
      else {
        const cls = el.getAttribute('class');
        small = {
          element: `<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}>`,
          text: el.textContent!.trim().replace(/\s+/g, ' ').slice(0, 30),
          size: Math.round(size * 10) / 10,
          count: 1,
        };
      }
    }
    let wideCode: SlideMeasure['wideCode'];
    let tallCode: SlideMeasure['tallCode'];
    for (const pre of section.querySelectorAll('pre')) {
      const code = pre.querySelector('code');
      if (!code) continue;
      if (!wideCode && code.scrollWidth > code.clientWidth + 1) {
        const rows = [...code.querySelectorAll('.hljs-ln-code')].map((td) => td.textContent!); // reveal's line-number table
        const lines = rows.length > 0 ? rows : code.textContent!.split('\n');
        const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), '');
        wideCode = { by: code.scrollWidth - code.clientWidth, text: longest.trim().slice(0, 30) };
      }
      if (!tallCode && code.scrollHeight > code.clientHeight + 1) tallCode = { by: code.scrollHeight - code.clientHeight };
    }
    if (overflowY > 1 || overflowX > 1 || small || wideCode || tallCode)
      out.push({ line, overflowY: overflowY > 1 ? overflowY : 0, overflowX: overflowX > 1 ? overflowX : 0, small, wideCode, tallCode });
  }
  return out;
}

/** The smallest readable font size in the deck's own pixels: reveal scales a slide to fit a 1280×720 screen. */
function minimumFontSize(width: number, height: number): number {
  return MIN_FONT_PX / Math.min(1280 / width, 720 / height);
}

/** Opens a built deck in the print view and reports overflowing slides (errors) and small text (warnings). */
export async function measureDeck(browser: Browser, deckHtml: string, deck: Deck): Promise<Diagnostic[]> {
  const { width, height } = deck.meta.size;
  const min = minimumFontSize(width, height);
  try {
    const measures = await withDeckPage(browser, deckHtml, async (page) => {
      await openPrintView(page, deckHtml, deck, { notes: false, fragments: false, handout: 0 });
      const slides = await page.evaluate(measureSlides, width, height, min);
      return { slides, incidents: incidentDiagnostics(deck, pageIncidents(page)) };
    });
    const out: Diagnostic[] = [...measures.incidents];
    const warn = (code: string, message: string, line: number, hint?: string): number =>
      out.push(diagnostic('warning', code, message, { file: deck.file, line }, hint));
    for (const m of measures.slides) {
      const axes = [
        { by: m.overflowY, size: height, side: 'height', hint: 'split the slide, or move text to the notes' },
        { by: m.overflowX, size: width, side: 'width', hint: undefined },
      ];
      for (const { by, size, side, hint } of axes) {
        if (!by) continue;
        const pct = Math.round((by / size) * 100);
        const message = `slide content overflows its ${size}px ${side} by ${by}px (${pct}%)`;
        out.push(diagnostic('error', 'overflow', message, { file: deck.file, line: m.line }, hint));
      }
      if (m.wideCode) {
        const message = `a code line ("${m.wideCode.text}…") is ${m.wideCode.by}px wider than its block: it scrolls on screen and wraps in the PDF`;
        warn('code-overflow', message, m.line, 'break the line, or make the code smaller');
      }
      if (m.tallCode) {
        const message = `a code block is ${m.tallCode.by}px taller than its box: it scrolls on screen (the PDF shows it whole, shrinking the slide)`;
        warn('code-overflow', message, m.line, 'split the code over two slides');
      }
      if (m.small) {
        const more = m.small.count > 1 ? ` (and ${m.small.count - 1} more element${m.small.count > 2 ? 's' : ''})` : '';
        const smallest = `${Math.round(min * 10) / 10}px (${MIN_FONT_PX}px at 1280×720)`;
        warn('small-text', `text ${m.small.element} "${m.small.text}" is ${m.small.size}px, smaller than ${smallest}${more}`, m.line);
      }
    }
    return out;
  } catch (error) {
    if (error instanceof DeckError) throw error;
    throw new DeckError('export-failed', `measuring ${deck.file ?? 'the deck'} in the browser failed: ${(error as Error).message}`, {
      file: deck.file,
    });
  }
}
