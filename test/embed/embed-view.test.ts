// The deck in a blog post, in real Chromium: the built deck and the blog page served from two
// local origins, the snippet from `deckmark embed` in the page. The deck fits its iframe at
// 16:9, takes keys only once clicked, never touches the host's URL or history; the build's
// title-slide image and oEmbed JSON are what social sites and oEmbed consumers read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/export/browser/launch.js';
import { withPage } from '../../src/export/browser/pages.js';
import { contentType } from '../../src/server/static-files.js';
import { REPO, runCli, SLIDES, tempDir } from '../helpers/cli.js';

const SLUG = 'strategi-sosiale-medier';
const BLOG = path.join(REPO, 'test/fixtures/blog');

/** Serves a folder on 127.0.0.1 at a free port; `rewrite` may change an HTML page on the way. */
async function serveFolder(root: string, rewrite: (html: string) => string = (h) => h): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root)) file = path.join(root, '404');
    try {
      const body = readFileSync(file);
      const type = contentType(file);
      res.writeHead(200, { 'Content-Type': type });
      res.end(type.startsWith('text/html') ? rewrite(body.toString('utf8')) : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

interface Watched {
  page: Page;
  problems: string[];
}

/** Opens the blog page with the deck in view; collects console errors of both frames. */
async function openBlog(page: Page, blogUrl: string, width: number): Promise<{ frame: Frame; problems: string[] } & Watched> {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console (${m.location().url}): ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  await page.setViewport({ width, height: 800 });
  await page.goto(blogUrl, { waitUntil: 'load' });
  await page.$eval('.deckmark-embed', (el) => el.scrollIntoView({ block: 'center' }));
  const handle = await page.waitForSelector('iframe.deckmark-embed');
  const frame = (await handle!.contentFrame())!;
  await frame.waitForFunction(() => (window as any).Reveal?.isReady?.() === true, { timeout: 15_000 });
  await frame.evaluate(() => document.fonts.ready);
  return { page, frame, problems };
}

/** The host's scroll position once a smooth (keyboard) scroll has come to rest. */
async function settledScroll(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let last = -1;
    for (let still = 0; still < 10;) {
      await new Promise((done) => requestAnimationFrame(done));
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
    }
    return last;
  });
}

const allowLocal = { allow: (url: string) => url.startsWith('http://127.0.0.1:') };

const indices = (frame: Frame) => frame.evaluate(() => (window as any).Reveal.getIndices() as { h: number; v: number });

describe('a deck embedded in a blog post', () => {
  let browser: Browser;
  let out: string;
  let deckSite: { server: Server; url: string };
  let blogSite: { server: Server; url: string };
  let snippet: string;

  beforeAll(async () => {
    out = tempDir();
    // A PDF beside the deck before it is built: the deck and the snippet offer it.
    mkdirSync(path.join(out, SLUG), { recursive: true });
    writeFileSync(path.join(out, SLUG, `${SLUG}.pdf`), '%PDF-1.7\n%%EOF\n');
    const built = await runCli('build', path.join(SLIDES, `${SLUG}.md`), '-o', out);
    expect(built.code, built.stderr).toBe(0);
    deckSite = await serveFolder(out);
    const embed = await runCli('embed', path.join(SLIDES, `${SLUG}.md`), '--url', `${deckSite.url}${SLUG}/`, '-o', out);
    expect(embed.code, embed.stderr).toBe(0);
    snippet = embed.stdout;
    blogSite = await serveFolder(BLOG, (html) => html.replace('<!-- DECKMARK-EMBED -->', snippet));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    deckSite?.server.close();
    blogSite?.server.close();
  });

  it.each([360, 768, 1280])('shows the deck at 16:9 in the iframe at %i px, with its controls', async (width) => {
    await withPage(
      browser,
      async (page) => {
        const { frame, problems } = await openBlog(page, blogSite.url, width);
        const box = await page.$eval('iframe.deckmark-embed', (f) => f.getBoundingClientRect().toJSON() as DOMRect);
        const column = await page.$eval('article', (a) => a.clientWidth);
        expect(box.width).toBeCloseTo(column, -1);
        expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.01);
        const inside = await frame.evaluate(() => {
          const slide = document.querySelector('.reveal .slides')!.getBoundingClientRect();
          const visible = (s: string) => {
            const el = document.querySelector<HTMLElement>(s);
            return !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
          };
          return {
            viewport: [innerWidth, innerHeight],
            slide: [slide.left, slide.top, slide.right, slide.bottom],
            scale: (window as any).Reveal.getScale() as number,
            embedded: document.querySelector('.reveal')!.classList.contains('embedded'),
            controls: visible('.reveal .controls .navigate-right'),
            progress: visible('.reveal .progress'),
            fullscreen: visible('.dm-fullscreen'),
            pdf: visible('.dm-pdf-link'),
            scrollable: document.documentElement.scrollHeight > innerHeight,
          };
        });
        expect(inside.viewport[0]).toBeCloseTo(box.width, -1);
        expect(inside.viewport[1]).toBeCloseTo(box.height, -1);
        const [left, top, right, bottom] = inside.slide;
        // The slide keeps its ratio and fits the frame, scaled to it.
        expect(Math.abs((right - left) / (bottom - top) - 16 / 9)).toBeLessThan(0.02);
        expect(left).toBeGreaterThanOrEqual(-1);
        expect(top).toBeGreaterThanOrEqual(-1);
        expect(right).toBeLessThanOrEqual(inside.viewport[0] + 1);
        expect(bottom).toBeLessThanOrEqual(inside.viewport[1] + 1);
        expect(inside.scale).toBeGreaterThan((box.width / 1280) * 0.85);
        expect(inside).toMatchObject({ embedded: true, controls: true, progress: true, fullscreen: true, pdf: true, scrollable: false });
        if (width === 768 && process.env.DECKMARK_SCREENSHOTS) {
          await page.screenshot({ path: path.join(process.env.DECKMARK_SCREENSHOTS, 'blog-768.png') as `${string}.png`, fullPage: true });
        }
        expect(problems).toEqual([]);
      },
      { ...allowLocal },
    );
  });

  it('takes keys only once clicked, and never writes the host URL or history', async () => {
    await withPage(
      browser,
      async (page) => {
        const { frame, problems } = await openBlog(page, blogSite.url, 1280);
        const hostUrl = page.url();
        const hostHistory = await page.evaluate(() => history.length);
        await page.evaluate(() => {
          (window as any).keysSeen = [];
          addEventListener('keydown', (e) => setTimeout(() => (window as any).keysSeen.push([e.key, e.defaultPrevented])));
          window.scrollTo(0, 0);
        });
        // Keys on the host page are the host's: the deck stays put and the page scrolls.
        await page.click('h1');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowDown');
        expect(await settledScroll(page)).toBeGreaterThan(0);
        expect(await page.evaluate(() => (window as any).keysSeen)).toEqual([
          ['ArrowRight', false],
          ['ArrowDown', false],
        ]);
        expect(await indices(frame)).toMatchObject({ h: 0, v: 0 });

        // Clicked, the deck takes the arrow keys.
        await page.$eval('.deckmark-embed', (el) => el.scrollIntoView({ block: 'center' }));
        const box = (await (await page.$('iframe.deckmark-embed'))!.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        // (Focusing the frame may nudge the page a pixel or two; the deck's own keys must not scroll it.)
        const scrolled = await settledScroll(page);
        await page.keyboard.press('ArrowRight');
        await frame.waitForFunction(() => (window as any).Reveal.getIndices().h === 1);
        await page.keyboard.press('ArrowLeft');
        await frame.waitForFunction(() => (window as any).Reveal.getIndices().h === 0);
        await page.keyboard.press('ArrowRight');
        await frame.waitForFunction(() => (window as any).Reveal.getIndices().h === 1);
        expect(await settledScroll(page)).toBe(scrolled);

        expect(page.url()).toBe(hostUrl);
        expect(await page.evaluate(() => history.length)).toBe(hostHistory);
        expect(await frame.evaluate(() => location.search + location.hash)).toBe('?embed');
        expect(problems).toEqual([]);
      },
      { ...allowLocal },
    );
  });

  it('gives the built deck a 1200×630 title-slide image that is not blank', async () => {
    const png = readFileSync(path.join(out, SLUG, 'og-image.png'));
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const stats = await withPage(browser, (page) =>
      page.evaluate(
        async (dataUrl: string) => {
          const img = new Image();
          img.src = dataUrl;
          await img.decode();
          const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const { data } = ctx.getImageData(0, 0, img.width, img.height);
          const colours = new Set<number>();
          let sum = 0;
          let sumSq = 0;
          for (let i = 0; i < data.length; i += 4) {
            const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
            sum += grey;
            sumSq += grey * grey;
            colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
          }
          const n = data.length / 4;
          return { width: img.width, height: img.height, colours: colours.size, deviation: Math.sqrt(sumSq / n - (sum / n) ** 2) };
        },
        `data:image/png;base64,${png.toString('base64')}`,
      ),
    );
    expect(stats).toMatchObject({ width: 1200, height: 630 });
    expect(stats.colours).toBeGreaterThan(50); // text, antialiased, on the title slide's background
    expect(stats.deviation).toBeGreaterThan(5);
  });

  it('serves the oEmbed JSON its discovery link points at, with the oEmbed fields', async () => {
    const $ = cheerio.load(await (await fetch(`${deckSite.url}${SLUG}/`)).text());
    const href = $('link[rel="alternate"][type="application/json+oembed"]').attr('href')!;
    // The example deck's front matter gives its public URL: the link is absolute under it.
    expect(href).toBe('https://example.org/strategi-sosiale-medier/oembed.json');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://example.org/strategi-sosiale-medier/og-image.png');
    const response = await fetch(`${deckSite.url}${SLUG}/oembed.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: 'deckmark',
      title: 'Strategi for god bruk av sosiale medier',
    });
    for (const key of ['width', 'height', 'thumbnail_width', 'thumbnail_height']) expect(Number.isInteger(json[key]), key).toBe(true);
    const frame = cheerio.load(json.html as string, null, false)('iframe');
    expect(frame.attr('src')).toBe('https://example.org/strategi-sosiale-medier/?embed');
    expect(json.thumbnail_url).toBe('https://example.org/strategi-sosiale-medier/og-image.png');
    const gallery = cheerio.load(readFileSync(path.join(out, 'index.html'), 'utf8'));
    expect(gallery('.thumb img').attr('src')).toBe(`${SLUG}/og-image.png`);
  });
});

/** A post as WordPress renders an oEmbed from a provider it does not know (wp_filter_oembed_result). */
function sandboxedPost(oembedHtml: string, deckUrl: string, hash: string): string {
  const html = oembedHtml
    .replace(/https:\/\/example\.org\/strategi-sosiale-medier\//g, deckUrl)
    .replace(/ src="([^"]*)"/, ` src="$1${hash}#?secret=abcdefghij" data-secret="abcdefghij"`)
    .replace('<blockquote', '<blockquote class="wp-embedded-content" data-secret="abcdefghij"')
    .replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
  // The host side of the protocol, recorded: what wp-embed.js would act on.
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>main{max-width:650px;margin:0 auto}iframe{max-width:100%}</style></head>
<body><main><p>Før presentasjonen</p>${html}<p style="height:1500px">Etter</p></main>
<script>
window.messages = [];
addEventListener('message', (e) => {
  const frame = document.querySelector('iframe');
  if (e.source !== frame.contentWindow) return;
  messages.push(e.data);
  if (e.data.message === 'height') frame.height = e.data.value;
});
</script></body></html>`;
}

describe('a deck embedded by WordPress through oEmbed (sandboxed, with its secret)', () => {
  let browser: Browser;
  let site: { server: Server; url: string };
  let oembedHtml: string;

  beforeAll(async () => {
    const out = tempDir();
    mkdirSync(path.join(out, SLUG), { recursive: true });
    writeFileSync(path.join(out, SLUG, `${SLUG}.pdf`), '%PDF-1.7\n%%EOF\n');
    const built = await runCli('build', path.join(SLIDES, `${SLUG}.md`), '-o', out, '--no-image');
    expect(built.code, built.stderr).toBe(0);
    oembedHtml = (JSON.parse(readFileSync(path.join(out, SLUG, 'oembed.json'), 'utf8')) as { html: string }).html;
    site = await serveFolder(out);
    mkdirSync(path.join(out, 'post'));
    writeFileSync(path.join(out, 'post', 'index.html'), sandboxedPost(oembedHtml, `${site.url}${SLUG}/`, '#/3'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
  });

  it('asks for the height of its ratio, starts on its slide, shows its own fonts, and sends the PDF link out', async () => {
    await withPage(
      browser,
      async (page) => {
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(`console (${m.location().url}): ${m.text()}`));
        page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
        await page.setViewport({ width: 1280, height: 900 });
        await page.goto(`${site.url}post/`, { waitUntil: 'load' });
        const frame = (await (await page.waitForSelector('iframe'))!.contentFrame())!;
        await frame.waitForFunction(() => (window as any).Reveal?.isReady?.() === true, { timeout: 15_000 });
        await page.waitForFunction(() => (window as any).messages.some((m: { message: string }) => m.message === 'height'));
        const box = (await page.$eval('iframe', (f) => f.getBoundingClientRect().toJSON())) as DOMRect;
        expect(box.width).toBeCloseTo(650, 0);
        expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.01);
        const inside = await frame.evaluate(async () => {
          await document.fonts.ready;
          return {
            origin: self.origin,
            hash: location.hash,
            indices: (window as any).Reveal.getIndices(),
            fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
            fullscreenShown: !document.querySelector<HTMLElement>('.dm-fullscreen')!.hidden,
          };
        });
        // An opaque origin, as in WordPress; the secret is off the hash, the deck's part is read.
        expect(inside).toMatchObject({ origin: 'null', hash: '#/3', indices: { h: 3, v: 0 }, fullscreenShown: false });
        expect(new Set(inside.fonts)).toEqual(new Set(['Source Sans 3', 'Source Serif 4', 'JetBrains Mono']));

        // The host's 'ready' is answered with the height again.
        await page.evaluate(() => {
          (window as any).messages = [];
          document.querySelector('iframe')!.contentWindow!.postMessage({ message: 'ready', secret: 'abcdefghij' }, '*');
        });
        await page.waitForFunction(() => (window as any).messages.length > 0);
        expect(await page.evaluate(() => (window as any).messages)).toEqual([
          { message: 'height', value: Math.round((650 * 9) / 16), secret: 'abcdefghij' },
        ]);

        // A sandboxed frame may not open windows: the PDF link goes out through the host.
        await page.evaluate(() => ((window as any).messages = []));
        await frame.click('.dm-pdf-link');
        await page.waitForFunction(() => (window as any).messages.length > 0);
        expect(await page.evaluate(() => (window as any).messages)).toEqual([
          { message: 'link', value: `${site.url}${SLUG}/${SLUG}.pdf`, secret: 'abcdefghij' },
        ]);
        expect(problems).toEqual([]);
      },
      { ...allowLocal },
    );
  });
});
