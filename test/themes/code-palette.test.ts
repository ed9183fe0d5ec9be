// Code keeps its colours under reveal.js's own themes (which colour no code) and in reveal-md's
// `highlightTheme`: built, opened in Chromium, the tokens of a code block show several colours
// on the palette's background.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { runCli, tempDir } from '../helpers/cli.js';

const CODE = '## Code\n\n```js\nconst answer = 42; // the answer\nfunction twice(x) { return "s" + x; }\n```\n';

async function buildDeck(frontMatter: string): Promise<string> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, 'deck.md'), `---\ntitle: Code\n${frontMatter}\n---\n\n${CODE}`);
  const result = await runCli('build', path.join(dir, 'deck.md'), '-o', path.join(dir, 'out'));
  expect(result.code, result.stderr).toBe(0);
  return pathToFileURL(path.join(dir, 'out/deck/index.html')).href;
}

describe('code colours under any theme', { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The distinct colours of the code's tokens, and the code block's background. */
  const codeColours = (url: string) =>
    withPage(browser, async (page) => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as any).Reveal?.isReady());
      return page.evaluate(() => ({
        tokens: new Set([...document.querySelectorAll('pre code span')].map((s) => getComputedStyle(s).color)).size,
        background: getComputedStyle(document.querySelector('pre code')!).backgroundColor,
      }));
    });

  it.each([
    ['theme: night', 'rgb(39, 40, 34)'], // reveal.js's monokai
    ['theme: reveal:solarized', 'rgb(39, 40, 34)'],
    ['theme: league\nhighlightTheme: solarized-light', 'rgb(253, 246, 227)'],
    ['highlightTheme: monokai', 'rgb(39, 40, 34)'], // over deckmark's own theme too
  ])('%s: tokens in several colours on the palette background', async (frontMatter, background) => {
    const colours = await codeColours(await buildDeck(frontMatter));
    expect(colours.tokens).toBeGreaterThanOrEqual(4);
    expect(colours.background).toBe(background);
  });
});
