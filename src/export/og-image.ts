// The social-card image of a built deck: its title slide as a 1200×630 PNG (Open Graph,
// Twitter card, oEmbed thumbnail, the gallery's thumbnail), shot in the given browser.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { IMAGE_HASH_FILE, type BuiltDeck } from '../build/build-deck.js';
import { writeFileAtomic } from '../build/write-atomic.js';
import { OG_IMAGE } from '../compile/oembed.js';
import { DeckError } from '../model/deck-error.js';
import { withDeckPage } from './browser/pages.js';

const LOAD_TIMEOUT = 30_000;

/** reveal.js options for a still of the first slide: no chrome, no animation, no URL writes. */
const STILL_OVERRIDES = {
  controls: false,
  progress: false,
  slideNumber: false,
  transition: 'none',
  backgroundTransition: 'none',
  hash: false,
  history: false,
  respondToHashChanges: false,
  autoSlide: 0,
};

/** Shoots the title slide of the deck at `deckHtml` (a built index.html); resolves to the PNG bytes. */
async function renderOgImage(browser: Browser, deckHtml: string): Promise<Uint8Array> {
  try {
    return await withDeckPage(
      browser,
      deckHtml,
      async (page) => {
        await page.evaluateOnNewDocument((o: Record<string, unknown>) => {
          (window as unknown as { deckmarkOverrides: unknown }).deckmarkOverrides = o;
        }, STILL_OVERRIDES);
        await page.goto(pathToFileURL(deckHtml).href, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
        await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, {
          timeout: LOAD_TIMEOUT,
        });
        // The links off, and the deck laid out over the whole image (not below the text-version link's band).
        await page.addStyleTag({
          content: '.dm-pdf-link,.dm-read-link,.dm-fullscreen{display:none!important}.reveal{top:0!important;height:100%!important}',
        });
        await page.evaluate(async () => {
          (window as unknown as { Reveal: { layout(): void } }).Reveal.layout();
          await document.fonts.ready;
          const pending = [...document.images].filter((img) => !img.complete);
          await Promise.all(pending.map((img) => img.decode().catch(() => undefined)));
          // Two frames: the layout after the fonts has been painted.
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        });
        return await page.screenshot({ type: 'png', captureBeyondViewport: false });
      },
      { viewport: { width: OG_IMAGE.width, height: OG_IMAGE.height } },
    );
  } catch (error) {
    if (error instanceof DeckError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeckError('export-failed', `Could not make the title-slide image of ${deckHtml}: ${reason}`);
  }
}

/**
 * Makes the built deck's title-slide image when it points at one that is missing or shows an
 * older build (the HTML's hash is kept beside the PNG). Resolves to whether it wrote one.
 */
export async function updateOgImage(browser: Browser, built: BuiltDeck): Promise<boolean> {
  if (!built.image || built.image.upToDate) return false;
  const png = await renderOgImage(browser, built.output);
  await writeFileAtomic(built.image.file, Buffer.from(png));
  await writeFileAtomic(path.join(path.dirname(built.image.file), IMAGE_HASH_FILE), `${built.image.hash}\n`);
  built.image.upToDate = true;
  return true;
}
