// Raw HTML parts as pictures for the PowerPoint file (pptx/raw-parts.ts): the built deck is opened
// in the print view the PDF comes from (render-pdf's openPrintView), every slide shown, and each
// part is shot where its slide shows it, at twice its CSS size. What the offline page cannot show
// (a frame on another site, a file not in the built deck) is replaced there by a neutral panel
// naming it and its URL, and that panel is shot instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { Deck } from '../model/deck.js';
import { browserProblem } from './browser/find.js';
import { withDeckPage } from './browser/pages.js';
import { PART_TAGS, partKey, type PartPicture, type PartPictures, type PartRequest } from './pptx/raw-parts.js';
import { openPrintView } from './render-pdf.js';

/** Pictures are shot at twice their CSS size, sharp on a projector. */
const PIXEL_RATIO = 2;

/** Why the page cannot show what the part names (another site, a file the built deck lacks); undefined when it can. */
function unreachable(request: PartRequest, deckDir: string): string | undefined {
  if (request.tag === 'canvas' || request.tag === 'audio' || request.url === '') return undefined;
  if (request.tag === 'video' && request.poster !== '') return undefined; // its still shows
  if (/^(data|blob|about):/i.test(request.url)) return undefined;
  if (/^([a-z][\w+.-]*:)?\/\//i.test(request.url)) return 'the export is offline';
  const written = request.url.split(/[?#]/)[0];
  let file: string;
  try {
    file = path.resolve(deckDir, decodeURIComponent(written));
  } catch {
    file = path.resolve(deckDir, written); // a stray `%` is a file name's own
  }
  return existsSync(file) ? undefined : `${request.url} is not in the built deck`;
}

/** In the page: the part `index` of the slide on `line`, counted as raw-parts.ts counts them. */
function findPart(line: number, index: number, tags: string): Element | undefined {
  const slide = document.querySelector(`.reveal .slides section[data-line="${line}"]`);
  const parts = [...(slide?.querySelectorAll(tags) ?? [])].filter(
    (el) => !el.closest('figure.dm-video, aside.notes, template') && !el.parentElement?.closest(tags),
  );
  return parts[index];
}

/** In the page: puts a panel as large as `part` in its place (`part` hidden), with its name and URL, in the slide's colours. */
function replaceWithPanel(part: Element, name: string, url: string): Element {
  const box = part.getBoundingClientRect();
  const width = box.width || 300;
  const height = box.height || 150;
  const panel = document.createElement('div');
  panel.style.cssText =
    `box-sizing:border-box;display:inline-flex;flex-direction:column;align-items:center;justify-content:center;gap:0.4em;` +
    `width:${width}px;height:${height}px;padding:0.8em;border:2px dashed currentColor;border-radius:6px;opacity:0.8;` +
    `font-size:${Math.max(12, Math.min(22, height / 8))}px;line-height:1.2;text-align:center;overflow:hidden;vertical-align:top`;
  for (const [text, style] of [
    [name, 'font-weight:bold'],
    [url, 'font-family:monospace;font-size:0.8em;word-break:break-all'],
  ]) {
    if (!text) continue;
    const line = document.createElement('div');
    line.style.cssText = style;
    line.textContent = text;
    panel.append(line);
  }
  // Hidden, not removed: the parts after it on the slide keep their places (findPart counts them).
  part.after(panel);
  (part as HTMLElement).style.display = 'none';
  return panel;
}

async function shootAll(browser: Browser, deckHtml: string, deck: Deck, requests: PartRequest[]): Promise<Map<string, PartPicture>> {
  const deckDir = path.dirname(deckHtml);
  const tags = PART_TAGS.join(',');
  return withDeckPage(browser, deckHtml, async (page: Page) => {
    // Pages a frame or object failed to load (blocked, missing): an error page is not shot.
    const failed = new Set<string>();
    page.on('requestfailed', (r) => {
      if (r.isNavigationRequest() && r.frame() !== page.mainFrame()) failed.add(r.url());
    });
    await openPrintView(page, deckHtml, deck, { notes: false, fragments: false, handout: 0 });
    await page.setViewport({ ...deck.meta.size, deviceScaleFactor: PIXEL_RATIO });
    const pictures = new Map<string, PartPicture>();
    for (const request of requests) {
      const found = await page.evaluateHandle(findPart, request.slideLine, request.index, tags);
      const part = found.asElement() as ElementHandle<Element> | null;
      if (!part) continue;
      const loads = await part.evaluate((el) =>
        el instanceof HTMLIFrameElement ? el.src : el instanceof HTMLObjectElement ? el.data : '',
      );
      const standIn = unreachable(request, deckDir) ?? (failed.has(loads) ? 'it did not load in the offline page' : undefined);
      const shown = standIn
        ? ((await part.evaluateHandle(replaceWithPanel, request.name, request.url)).asElement() as ElementHandle<Element>)
        : part;
      // A video shows its first frame only once that is decoded: on a busy machine, after the page's load.
      await shown.evaluate((el) =>
        el instanceof HTMLVideoElement && el.readyState < HTMLMediaElement.HAVE_CURRENT_DATA
          ? new Promise((done) => {
              el.addEventListener('loadeddata', done, { once: true });
              el.addEventListener('error', done, { once: true });
              setTimeout(done, 5_000);
            })
          : undefined,
      );
      const box = await shown.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { width: Math.round(r.width), height: Math.round(r.height) };
      });
      if (box.width === 0 || box.height === 0) continue; // not shown (an <audio> without controls)
      const shot = await shown.screenshot({ type: 'png' });
      pictures.set(partKey(request.slide, request.index), {
        data: `image/png;base64,${Buffer.from(shot).toString('base64')}`,
        ...box,
        standIn,
      });
    }
    return pictures;
  });
}

/**
 * Shoots the parts in the browser `browser()` gives (started by the caller at the first deck
 * with such parts, shared with its other drawing) from the built deck `deckHtml`; says why not
 * when no browser is found.
 */
export async function drawPartPictures(
  browser: () => Promise<Browser>,
  deckHtml: string,
  deck: Deck,
  requests: PartRequest[],
): Promise<PartPictures> {
  if (requests.length === 0) return new Map();
  const problem = browserProblem();
  if (problem) return { unavailable: problem };
  try {
    return await shootAll(await browser(), deckHtml, deck, requests);
  } catch (error) {
    // A browser that does not start, or a deck page that does not load: the parts are left out, never a failed export.
    if (!(error instanceof Error)) throw error;
    return { unavailable: error.message.split('\n')[0] };
  }
}
