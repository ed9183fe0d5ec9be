// A logged-out reader opening a post in Chromium: what the deck frame looks like, what loaded
// inside it, how the keys and the PDF link behave. Figures only; the test judges them.
import type { Browser, ElementHandle, Frame, HTTPRequest, Page } from 'puppeteer-core';

export interface Viewport {
  name: string;
  width: number;
  height: number;
  isMobile: boolean;
}

export const VIEWPORTS: Viewport[] = [
  { name: 'desktop 1280×900', width: 1280, height: 900, isMobile: false },
  { name: 'phone 390×844', width: 390, height: 844, isMobile: true },
];

interface FrameBox {
  width: number;
  height: number;
  /** The content column: the width of the post's first paragraph. */
  columnWidth: number;
  /** WordPress hides an oEmbed iframe (clip) until the frame sends it a message. */
  hiddenByWordPress: boolean;
  attributes: Record<string, string>;
  /** The classes of the block figure the frame sits in, if any (the Embed block's). */
  figure?: string;
}

interface FontReading {
  /** Families the title slide's heading and text are set in (first of each font-family). */
  used: string[];
  /** Per used family: the status of each of its FontFaces in the frame (`loaded`, `error`, …). */
  faces: Record<string, string[]>;
}

interface KeyReading {
  scrollBefore: number;
  scrollAfterArrowDown: number;
  slideBeforeClick: number;
  /** After ArrowDown, ArrowDown, ArrowRight with the focus in the post. */
  slideAfterArrowDownBeforeClick: number;
  slideAfterClickAndArrowRight: number;
  scrollChangeAfterClickAndArrowRight: number;
}

interface PdfReading {
  /** Where the PDF link was: in the deck frame or in the post. */
  link: 'frame' | 'post' | 'none';
  /** What the click did: navigated the page to this URL, opened a new page at it, downloaded it, or nothing. */
  outcome: { kind: 'navigated' | 'new page' | 'download' | 'nothing'; url?: string };
}

interface BlankBox {
  element: string;
  width: number;
  height: number;
}

export interface Reading {
  status: number;
  frame?: FrameBox;
  fonts?: FontReading;
  keys?: KeyReading;
  pdf: PdfReading;
  blankBoxes: BlankBox[];
  /** Console errors, page errors and failed requests of the deck (frame or its host). */
  deckProblems: string[];
  /** Everything else the page logged as an error (WordPress's own), for the report. */
  otherProblems: string[];
  screenshot: string;
}

const POST_CONTENT = '.wp-block-post-content, .entry-content';

function deckFrame(page: Page, deckUrl: string): Frame | undefined {
  return page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(deckUrl));
}

const slideIndex = (frame: Frame) => frame.evaluate(() => ((window as any).Reveal?.getIndices().h as number | undefined) ?? -1);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measureFrame(iframe: ElementHandle<Element>): Promise<FrameBox> {
  return iframe.evaluate((el, contentSelector) => {
    const rect = el.getBoundingClientRect();
    const paragraph = document.querySelector(`:is(${contentSelector}) p`);
    const attributes: Record<string, string> = {};
    for (const a of Array.from(el.attributes)) if (a.name !== 'src') attributes[a.name] = a.value;
    return {
      width: Math.round(rect.width * 10) / 10,
      height: Math.round(rect.height * 10) / 10,
      columnWidth: paragraph ? Math.round(paragraph.getBoundingClientRect().width * 10) / 10 : -1,
      hiddenByWordPress: /clip:/.test(el.getAttribute('style') ?? ''),
      attributes,
      figure: el.closest('figure')?.className,
    };
  }, POST_CONTENT);
}

async function readFonts(frame: Frame): Promise<FontReading> {
  return frame.evaluate(async () => {
    await document.fonts.ready;
    const slide = document.querySelector('.reveal .slides section.present') ?? document.body;
    const used = new Set<string>();
    for (const el of Array.from(slide.querySelectorAll('h1, h2, p, li')).slice(0, 6)) {
      used.add(
        getComputedStyle(el)
          .fontFamily.split(',')[0]
          .trim()
          .replace(/^["']|["']$/g, ''),
      );
    }
    const faces: Record<string, string[]> = {};
    for (const family of used) faces[family] = [];
    document.fonts.forEach((face) => {
      const family = face.family.replace(/^["']|["']$/g, '');
      if (family in faces) faces[family].push(`${face.weight} ${face.style}: ${face.status}`);
    });
    return { used: [...used], faces };
  });
}

/** `read()` until `done(value)` or `timeoutMs` has passed; the last value either way. */
async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 4000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await pause(100);
    value = await read();
  }
  return value;
}

async function readKeys(page: Page, frame: Frame, iframe: ElementHandle<Element>): Promise<KeyReading> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const scrollBefore = await scrollY(page);
  const slideBeforeClick = await slideIndex(frame);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const scrollAfterArrowDown = await settle(
    () => scrollY(page),
    (y) => y > scrollBefore,
  );
  // ArrowDown alone would not show it (the title slide has no slide below): ArrowRight too.
  await page.keyboard.press('ArrowRight');
  await pause(500);
  const slideAfterArrowDownBeforeClick = await slideIndex(frame);
  await iframe.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await iframe.boundingBox();
  if (!box) throw new Error('the deck frame has no box to click');
  // Click the deck where a reader would: its middle (the title slide's text, no link there).
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await pause(300);
  const scrollAtClick = await scrollY(page);
  await page.keyboard.press('ArrowRight');
  const slideAfterClickAndArrowRight = await settle(
    () => slideIndex(frame),
    (h) => h !== slideBeforeClick,
  );
  await pause(300);
  return {
    scrollBefore,
    scrollAfterArrowDown,
    slideBeforeClick,
    slideAfterArrowDownBeforeClick,
    slideAfterClickAndArrowRight,
    scrollChangeAfterClickAndArrowRight: (await scrollY(page)) - scrollAtClick,
  };
}

/** Clicks the PDF link (in the frame if it has one, else in the post) and sees where it leads. */
async function followPdfLink(
  browser: Browser,
  page: Page,
  frame: Frame | undefined,
  pdfUrl: string,
  downloads: string,
): Promise<PdfReading> {
  const inFrame = frame ? await frame.$(`a[href="${pdfUrl}"], a[href$=".pdf"]`) : null;
  const inPost = inFrame ? null : await page.$(`:is(${POST_CONTENT}) a[href="${pdfUrl}"]`);
  const link = inFrame ?? inPost;
  if (!link) return { link: 'none', outcome: { kind: 'nothing' } };
  const navigated = new Promise<PdfReading['outcome']>((resolve) => {
    const onRequest = (request: HTTPRequest) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        page.off('request', onRequest);
        resolve({ kind: 'navigated', url: request.url() });
      }
    };
    page.on('request', onRequest);
  });
  // A new tab: `target="_blank"` opens it without an opener, so look for any other page.
  const opened = page
    .browserContext()
    .waitForTarget((t) => t.type() === 'page' && t !== page.target() && t.url() !== 'about:blank', { timeout: 6000 })
    .then(
      (t): PdfReading['outcome'] => ({ kind: 'new page', url: t.url() }),
      () => new Promise<PdfReading['outcome']>(() => {}),
    );
  // A download (`<a download>` on the deck's own host, as outside WordPress).
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', {
    behavior: 'allow',
    downloadPath: downloads,
    browserContextId: page.browserContext().id,
    eventsEnabled: true,
  });
  const downloaded = new Promise<PdfReading['outcome']>((resolve) =>
    session.on('Browser.downloadWillBegin', (event) => resolve({ kind: 'download', url: event.url })),
  );
  const nothing = pause(6000).then((): PdfReading['outcome'] => ({ kind: 'nothing' }));
  await link.click();
  const outcome = await Promise.race([navigated, opened, downloaded, nothing]);
  await session.detach();
  return { link: inFrame ? 'frame' : 'post', outcome };
}

/** Elements in the post taller than `minHeight` with nothing to see in them. */
async function findBlankBoxes(page: Page, minHeight = 40): Promise<BlankBox[]> {
  return page.evaluate(
    (contentSelector, min) => {
      const content = document.querySelector(contentSelector);
      if (!content) return [{ element: `no ${contentSelector}`, width: 0, height: 0 }];
      const visible = 'img, iframe, video, svg, canvas, picture, object, embed';
      return Array.from(content.querySelectorAll('*'))
        .filter((el) => {
          const rect = el.getBoundingClientRect();
          if (rect.height <= min || el.matches(visible) || el.querySelector(visible)) return false;
          return ((el as HTMLElement).innerText ?? '').trim() === '';
        })
        .map((el) => {
          const rect = el.getBoundingClientRect();
          return {
            element: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`,
            width: Math.round(rect.width),
            height: Math.round(rect.height),
          };
        });
    },
    POST_CONTENT,
    minHeight,
  );
}

export interface ReadOptions {
  browser: Browser;
  url: string;
  viewport: Viewport;
  deckUrl: string;
  pdfUrl: string;
  screenshot: string;
  /** Where a downloaded PDF goes. */
  downloads: string;
}

export async function readPost({ browser, url, viewport, deckUrl, pdfUrl, screenshot, downloads }: ReadOptions): Promise<Reading> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const deckProblems: string[] = [];
  const otherProblems: string[] = [];
  const deckOrigin = new URL(deckUrl).origin;
  const note = (problem: string, where: string | undefined) =>
    (where?.startsWith(deckOrigin) || problem.includes(deckOrigin) ? deckProblems : otherProblems).push(problem);
  // Once the PDF link is clicked the page may leave for the PDF: requests cut short then, and
  // the browser's own requests for the PDF's tab (its /favicon.ico), are not the deck's doing.
  // What the deck's page itself logs then (say, a blocked popup) still counts.
  let leaving = false;
  const embedView = (url: string | undefined) => Boolean(url?.startsWith(deckUrl) && url.includes('?embed'));
  page.on('console', (m) => {
    const where = m.location().url;
    if (m.type() === 'error' && (!leaving || embedView(where))) note(`console: ${m.text()} (${where ?? '?'})`, where);
  });
  page.on('pageerror', (e) => note(`page error: ${(e as Error).message}`, undefined));
  page.on(
    'requestfailed',
    (r) => !leaving && note(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`, r.frame()?.url() ?? r.url()),
  );
  page.on('response', (r) => !leaving && r.status() >= 400 && note(`HTTP ${r.status()}: ${r.url()}`, r.url()));
  try {
    await page.setViewport({
      width: viewport.width,
      height: viewport.height,
      isMobile: viewport.isMobile,
      hasTouch: false,
      deviceScaleFactor: 1,
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const status = response?.status() ?? 0;
    const iframe = await page.$(`:is(${POST_CONTENT}) iframe[src^="${deckUrl}"]`);
    let frame: Frame | undefined;
    let box: FrameBox | undefined;
    let fonts: FontReading | undefined;
    let keys: KeyReading | undefined;
    if (iframe) {
      frame = (await iframe.contentFrame()) ?? deckFrame(page, deckUrl);
      if (!frame) throw new Error('the deck iframe has no frame');
      await frame.waitForFunction(() => (window as any).Reveal?.isReady?.() === true, { timeout: 20_000 });
      // WordPress sizes the frame when the deck says its height; let that settle.
      let last = '';
      for (let i = 0; i < 20; i++) {
        const now = JSON.stringify(await measureFrame(iframe));
        if (now === last) break;
        last = now;
        await pause(250);
      }
      box = await measureFrame(iframe);
      fonts = await readFonts(frame);
      await iframe.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await pause(200);
      await page.screenshot({ path: screenshot });
      keys = await readKeys(page, frame, iframe);
    } else {
      const links = await page.$(`:is(${POST_CONTENT}) a[href="${pdfUrl}"]`);
      await links?.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: screenshot });
    }
    const blankBoxes = await findBlankBoxes(page);
    leaving = true;
    const pdf = await followPdfLink(browser, page, frame, pdfUrl, downloads);
    return { status, frame: box, fonts, keys, pdf, blankBoxes, deckProblems, otherProblems, screenshot };
  } finally {
    await context.close();
  }
}
