// Finding 10 of issue 20: in a `--safe` deck the speaker view was dead — its popup inherits the
// deck's Content-Security-Policy, which blocked reveal.js's inline speaker script (and the
// preview frames). The policy now allows that one script by its hash and frames of the deck
// itself; tested in Chromium: the notes text and both previews show, nothing is refused.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { SPEAKER_VIEW_SCRIPT_HASH } from '../../src/compile/content-security-policy.js';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { makeProject } from './helpers.js';

/** The HTML reveal.js's notes plugin writes into the speaker window, caught with a stub window. */
async function speakerViewHtml(): Promise<string> {
  let written = '';
  const popup = { document: { write: (html: string) => (written = html) }, focus() {}, closed: false, postMessage() {} };
  const saved = (globalThis as { window?: unknown }).window;
  (globalThis as { window?: unknown }).window = { open: () => popup, addEventListener() {}, location: {} };
  try {
    const { default: Notes } = (await import('reveal.js/plugin/notes')) as unknown as { default: () => { open(): void } };
    try {
      Notes().open(); // stops after writing: it has no deck to connect to
    } catch {
      // expected
    }
  } finally {
    (globalThis as { window?: unknown }).window = saved;
  }
  return written;
}

describe('the speaker view of a --safe deck', () => {
  it('has its one inline script allowed by the pinned hash (update it when reveal.js changes it)', async () => {
    const html = await speakerViewHtml();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(`sha256-${createHash('sha256').update(scripts[0]).digest('base64')}`).toBe(SPEAKER_VIEW_SCRIPT_HASH);
  });

  it('shows the notes text and both previews in Chromium, with nothing refused', { timeout: 60_000 }, async () => {
    const { slides } = makeProject();
    const deck = path.join(slides, 'talk.md');
    writeFileSync(deck, '# First slide\n\nNote: Remember the first point\n\n---\n\n## Second slide\n\nNote: And the second\n');
    const out = tempDir();
    const built = await runCli('build', deck, '-o', out, '--safe', '--no-image');
    expect(built.code, built.stderr).toBe(0);
    const browser = await launchBrowser();
    try {
      await withPage(browser, async (page) => {
        await page.goto(pathToFileURL(path.join(out, 'talk/index.html')).href);
        await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), { timeout: 10_000 });
        const popup = new Promise<Page | null>((resolve) => page.once('popup', resolve));
        await page.keyboard.press('s');
        const speaker = (await popup)!;
        const violations: string[] = [];
        speaker.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
        await speaker.waitForFunction(
          () => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Remember the first point'),
          {
            timeout: 15_000,
          },
        );
        // Both previews: the deck itself in frames, on this slide and the next.
        const previews = async (): Promise<Frame[]> => speaker.frames().filter((f) => f.url().includes('receiver'));
        await speaker.waitForFunction(() => document.querySelectorAll('#current-slide iframe, #upcoming-slide iframe').length === 2);
        const deadline = Date.now() + 15_000;
        let shown: string[] = [];
        while (Date.now() < deadline) {
          const frames = await previews();
          shown = await Promise.all(
            frames.map((f) =>
              f
                .evaluate(() => {
                  const reveal = (window as unknown as { Reveal?: { isReady(): boolean; getCurrentSlide(): Element } }).Reveal;
                  return reveal?.isReady() ? (reveal.getCurrentSlide().querySelector('h1, h2')?.textContent ?? '') : '';
                })
                .catch(() => ''),
            ),
          );
          if (shown.length === 2 && shown.includes('First slide') && shown.includes('Second slide')) break;
          // reveal.js's speaker view posts the state to its preview frames once, when it arrives: a
          // frame still loading then (a busy machine) misses it and shows the first slide until the
          // next change. A presenter's next step resends it; so does this one, there and back.
          if (shown.length === 2 && shown[0] === 'First slide' && shown[1] === 'First slide') {
            await page.keyboard.press('ArrowRight');
            await page.keyboard.press('ArrowLeft');
          }
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(shown.sort()).toEqual(['First slide', 'Second slide']);
        expect(violations).toEqual([]);
        await speaker.close();
      });
    } finally {
      await browser.close();
    }
  });
});
