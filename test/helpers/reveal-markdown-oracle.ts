// Splits Markdown with reveal.js's own Markdown plugin, in Chromium, to tell how reveal.js would slice a deck.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

/** reveal.js slidify options: RegExp source strings. Unset ones take the plugin's defaults. */
export interface SlidifyOptions {
  separator?: string;
  verticalSeparator?: string;
  notesSeparator?: string;
}

/** A deck's shape: slides per horizontal stack, and whether each slide (in reading order) has notes. */
export interface SlideStructure {
  stacks: number[];
  notes: boolean[];
}

const require = createRequire(import.meta.url);
/** The UMD build that defines `window.RevealMarkdown`, from the installed reveal.js. */
const REVEAL_MARKDOWN_SCRIPT = require.resolve('reveal.js/plugin/markdown');

/**
 * What reveal-md hands to slidify: the text without its YAML front matter. This is
 * yaml-front-matter's `loadFront` regex, as reveal-md uses it (BOM dropped first; the text
 * after the closing `---` is kept as is, including the rest of that line and its newline).
 */
export function stripFrontMatterLikeRevealMd(text: string): string {
  const results = /^(-{3}(?:\n|\r)([\w\W]+?)(?:\n|\r)-{3})?([\w\W]*)*/.exec(text.replace(/^\uFEFF/, ''));
  return results?.[3] || text;
}

// The few DOM shapes the in-page function uses, declared here so this file needs no DOM lib.
interface MiniElement {
  tagName: string;
  children: ArrayLike<MiniElement>;
  textContent: string | null;
  innerHTML: string;
  querySelector(selector: string): MiniElement | null;
}
interface OracleWindow {
  RevealMarkdown?: () => {
    init(reveal: { getConfig(): object; getRevealElement(): MiniElement }): Promise<unknown>;
    slidify(markdown: string, options: SlidifyOptions): string;
  };
  document: { createElement(tag: string): MiniElement };
}

/**
 * Runs reveal.js's `slidify` on `markdown` in `page` (any page; a blank one is best) and reads
 * the structure back from the HTML it returns, parsed the way reveal parses it (`outerHTML`
 * into the slides container). A slide has notes when its template text holds the
 * `<aside class="notes">` that reveal inserts.
 */
export async function revealSlideStructure(page: Page, markdown: string, options: SlidifyOptions = {}): Promise<SlideStructure> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as OracleWindow).RevealMarkdown === 'function');
  if (!loaded) await page.addScriptTag({ content: fs.readFileSync(REVEAL_MARKDOWN_SCRIPT, 'utf8') });

  return page.evaluate(
    async (text: string, opts: SlidifyOptions): Promise<SlideStructure> => {
      const win = globalThis as unknown as OracleWindow;
      if (!win.RevealMarkdown) throw new Error('RevealMarkdown did not load');
      const plugin = win.RevealMarkdown();
      // reveal.js 6 makes its Markdown parser (which renders the notes) in init(), as a deck would.
      await plugin.init({ getConfig: () => ({}), getRevealElement: () => win.document.createElement('div') });
      const html = plugin.slidify(text, { ...opts });

      const container = win.document.createElement('div');
      container.innerHTML = html;
      const sections = (el: MiniElement): MiniElement[] => Array.from(el.children).filter((child) => child.tagName === 'SECTION');

      const stacks: number[] = [];
      const notes: boolean[] = [];
      for (const top of sections(container)) {
        const inner = sections(top);
        const slides = inner.length > 0 ? inner : [top];
        stacks.push(slides.length);
        for (const slide of slides) {
          const template = slide.querySelector('script');
          notes.push((template?.textContent ?? '').includes('<aside class="notes">'));
        }
      }
      return { stacks, notes };
    },
    markdown,
    options,
  );
}
