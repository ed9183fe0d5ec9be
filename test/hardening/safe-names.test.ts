// Issue 20, finding 11: `{name="getElementById"}` on an image in a --safe deck replaced
// `document.getElementById` and the deck never started. `name` is dropped in --safe; ids the
// runtime looks up (deckmark…, reveal and its plugins) too.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { renderDeck } from '../../src/compile/render-deck.js';
import { withBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from './helpers.js';
import { PNG } from './media-files.js';

const CLOBBERING = [
  '# Names {#goals}',
  '',
  '![a](pic.png){name="getElementById"}',
  '![b](pic.png){name="querySelector" id="RevealNotes"}',
  '',
  '::: {name="createElement"}',
  'Text',
  ':::',
  '',
].join('\n');

describe('DOM clobbering in --safe', () => {
  it('drops every name and the ids the runtime looks up, keeps other ids', () => {
    const $ = load(renderDeck(parseDeck(CLOBBERING, { file: 'd.md', safe: true }), { styles: [], scripts: [], safe: true }));
    expect($('.slides [name]').length).toBe(0);
    expect($('.slides [id="RevealNotes"]').length).toBe(0);
    expect($('.slides #goals').length).toBe(1);
    // Without --safe the author's attributes are theirs.
    const open = load(renderDeck(parseDeck(CLOBBERING, { file: 'd.md' }), { styles: [], scripts: [] }));
    expect(open('.slides img[name="getElementById"]').length).toBe(1);
  });

  it('a safe deck with such names starts in Chromium', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH ??= '/usr/bin/chromium';
    const { slides, out } = makeProject();
    writeFileSync(path.join(slides, 'pic.png'), PNG);
    writeFileSync(path.join(slides, 'names.md'), `---\nurl: https://example.org/names/\n---\n${CLOBBERING}`);
    const built = await runCli('build', path.join(slides, 'names.md'), '-o', out, '--safe', '--no-image');
    expect(built.code, built.stderr).toBe(0);
    const ready = await withBrowser((browser) =>
      withPage(browser, async (page) => {
        await page.goto(pathToFileURL(path.join(out, 'names/index.html')).href, { waitUntil: 'load', timeout: 10_000 });
        await page.waitForFunction(() => (window as any).Reveal?.isReady(), { timeout: 10_000 });
        return page.evaluate(() => typeof document.getElementById === 'function' && typeof document.querySelector === 'function');
      }),
    );
    expect(ready).toBe(true);
  }, 40_000);
});
