// The accessibility audit: axe-core (the rules engine behind most accessibility audits) with
// the WCAG 2.0/2.1 A and AA rules, run in Chromium on a page. `check --a11y` runs it on every
// slide of a built deck and on its reading view; test/browser/accessibility.test.ts runs the
// same code on the example decks, their embed and reading views and the gallery.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { Deck, Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { diagnostic } from '../model/diagnostic.js';
import { READING_VIEW_DIR } from '../compile/render-reading-view.js';
import { withDeckPage } from './browser/pages.js';

/** The rule sets audited: WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * No rule is switched off. One kind of finding is set aside, by rule and element:
 * `color-contrast` on the lines of a stepped code block outside its current step
 * (`data-line-numbers="1-2|4"`), dimmed on purpose so the audience looks at the step; each line
 * is at full strength in its own step, in the PDF and in the reading view.
 */
const DIMMED_CODE_LINE = 'pre code.has-highlights tr:not(.highlight-line)';

const LOAD_TIMEOUT = 60_000;

let axeSource: string | undefined;

/** One element that breaks one rule. */
export interface AxeFinding {
  /** axe's rule id (`image-alt`, `color-contrast`). */
  rule: string;
  /** What the rule asks, in a sentence ("Images must have alternative text"). */
  help: string;
  /** The rule's page on dequeuniversity.com. */
  helpUrl: string;
  /** A CSS selector of the element. */
  element: string;
  /** The element's start tag, shortened. */
  html: string;
  /** The first line of axe's account of what is wrong. */
  summary: string;
  /** The first source line of the slide holding the element (its section's data-line); undefined outside the slides. */
  line?: number;
}

/** Runs in the page: axe over the document, each failing element with the slide it is on. */
async function runAxe(tags: string[], dimmed: string): Promise<AxeFinding[]> {
  const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    iframes: false, // the gallery's live thumbnails are decks, audited on their own
    resultTypes: ['violations'],
  });
  const found: AxeFinding[] = [];
  for (const v of result.violations as any[]) {
    for (const n of v.nodes as any[]) {
      const target = (n.target as unknown[]).map(String);
      const element = target.length === 1 ? document.querySelector(target[0]) : null;
      if (v.id === 'color-contrast' && element?.closest(dimmed)) continue;
      const line = Number(element?.closest('section[data-line]')?.getAttribute('data-line'));
      const html = String(n.html).replace(/\s+/g, ' ');
      const startTag = html.match(/^<[^>]*>/)?.[0] ?? html;
      found.push({
        rule: v.id,
        help: v.help,
        helpUrl: String(v.helpUrl).replace(/\?.*$/, ''),
        element: target.join(' '),
        html: startTag.length > 80 ? `${startTag.slice(0, 79)}…` : startTag,
        summary:
          String(n.failureSummary ?? '')
            .split('\n')[1]
            ?.trim() ?? '',
        ...(Number.isInteger(line) && line > 0 ? { line } : {}),
      });
    }
  }
  return found;
}

/** Audits the page as it is now (axe is injected the first time). */
export async function auditPage(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(runAxe, WCAG_TAGS, DIMMED_CODE_LINE);
}

/**
 * Audits a reveal.js deck (ready on the page) slide by slide, each with its fragments all
 * shown: what the audience sees. An element found on several visits (the deck's controls) counts once.
 */
export async function auditEverySlide(page: Page): Promise<AxeFinding[]> {
  const slides = await page.evaluate(() => {
    const reveal = (window as any).Reveal;
    reveal.configure({ transition: 'none', backgroundTransition: 'none' });
    // Fragments fade in: audit what the audience sees once they are in, not half-way.
    const still = document.createElement('style');
    still.textContent = '*,*::before,*::after{transition-duration:0s!important;animation-duration:0s!important}';
    document.head.append(still);
    return (reveal.getSlides() as HTMLElement[]).map((s) => reveal.getIndices(s) as { h: number; v?: number });
  });
  const seen = new Set<string>();
  const found: AxeFinding[] = [];
  for (const { h, v } of slides) {
    await page.evaluate(
      (h, v) => {
        const reveal = (window as any).Reveal;
        reveal.slide(h, v ?? 0);
        while (reveal.nextFragment());
      },
      h,
      v,
    );
    for (const f of await auditPage(page)) {
      const key = `${f.rule} ${f.element} ${f.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(f);
    }
  }
  return found;
}

/** Where the deck's reading view is, beside its index.html. */
function readingViewOf(deckHtml: string): string {
  return path.join(path.dirname(deckHtml), READING_VIEW_DIR, 'index.html');
}

/** Each rule broken on one slide (or outside the slides: line undefined), with the elements that break it. */
function byRuleAndSlide(findings: AxeFinding[]): Map<string, AxeFinding[]> {
  const groups = new Map<string, AxeFinding[]>();
  for (const f of findings) {
    const key = `${f.line ?? 0} ${f.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return groups;
}

/**
 * Opens a built deck (`deckHtml`, its index.html) at 1280×720 and audits every slide, then its
 * reading view (the text version). Each rule a slide breaks is an error at the slide's first
 * line: the rule, what it asks, the first element, and the rule's help page; the reading view
 * adds what the deck does not show (its notes, the transcript). Findings outside the slides
 * (the deck's own controls, in a custom theme's colours) go to the `theme` key's line, else line 1.
 */
export async function auditDeck(browser: Browser, deckHtml: string, deck: Deck): Promise<Diagnostic[]> {
  const audit = (file: string, run: (page: Page) => Promise<AxeFinding[]>): Promise<AxeFinding[]> =>
    withDeckPage(
      browser,
      deckHtml,
      async (page) => {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
        await page.evaluate(() => document.fonts.ready);
        return run(page);
      },
      { viewport: { width: 1280, height: 720 } },
    );
  let onDeck: AxeFinding[];
  let onReadingView: AxeFinding[] = [];
  try {
    onDeck = await audit(deckHtml, async (page) => {
      await page.waitForFunction(() => (window as any).Reveal?.isReady() === true, { timeout: LOAD_TIMEOUT });
      return auditEverySlide(page);
    });
    if (existsSync(readingViewOf(deckHtml))) onReadingView = await audit(readingViewOf(deckHtml), auditPage);
  } catch (error) {
    if (error instanceof DeckError) throw error;
    throw new DeckError('export-failed', `auditing ${deck.file ?? 'the deck'} in the browser failed: ${(error as Error).message}`, {
      file: deck.file,
    });
  }
  const inDeck = byRuleAndSlide(onDeck);
  const inReadingView = [...byRuleAndSlide(onReadingView)].filter(([key]) => !inDeck.has(key)); // reported once
  const groups = [
    ...[...inDeck.values()].map((g) => ({ g, view: '' })),
    ...inReadingView.map(([, g]) => ({ g, view: 'the text version: ' })),
  ];
  return groups.map(({ g: group, view }) => {
    const [first] = group;
    const more = group.length > 1 ? ` (and ${group.length - 1} more element${group.length > 2 ? 's' : ''})` : '';
    const where = first.line === undefined ? ' outside the slides' : '';
    const message = `${view}${first.help}${where}: ${first.html}${more} — ${first.helpUrl}`;
    return diagnostic('error', `a11y/${first.rule}`, message, { file: deck.file, line: first.line ?? deck.metaLines.theme }, first.summary);
  });
}
