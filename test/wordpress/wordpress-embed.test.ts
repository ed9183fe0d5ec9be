// The deck embedded in a real WordPress (Debian's 6.1 package, the default block theme), the
// three ways a blogger embeds it, as an Administrator and as an Author, read by a logged-out
// reader in Chromium on a desktop and a phone (issue 12). `npm run test:wordpress`.
//
// Everything runs on this machine: a private MariaDB, WordPress on `php -S 127.0.0.1`, and the
// deck on a plain static server on 127.0.0.2 (another host, like a real deck host; no CORS
// headers). The one thing the test changes in WordPress is a must-use plugin that lets it fetch
// that host and port for oEmbed discovery (php/deck-host.php says why); nothing else is bent.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertPackagesInstalled } from './harness/debian-packages.js';
import { type BuiltDeck, buildExampleDeck } from './harness/deck.js';
import { type StaticHost, startStaticHost } from '../helpers/static-host.js';
import { embedBlockMarkup } from './harness/embed-block.js';
import { type MariaDb, startMariaDb } from './harness/mariadb.js';
import { type Reading, VIEWPORTS, readPost } from './harness/reader.js';
import { type PublishedPost, type WordPress, type WordPressUser, startWordPress } from './harness/wordpress.js';

const ADMIN: WordPressUser = { login: 'ingrid', password: 'e2e-admin-Pw-1', email: 'ingrid@example.org', role: 'administrator' };
const AUTHOR: WordPressUser = { login: 'ola', password: 'e2e-author-Pw-1', email: 'ola@example.org', role: 'author' };
const SHOTS = path.join(os.tmpdir(), 'deckmark-wordpress');
/** The deck's ratio (1280×720) and how far the frame may be off it. */
const DECK_RATIO = 16 / 9;
const RATIO_TOLERANCE = 0.03;
/** wp-embed.js never makes an oEmbed frame lower than this. */
const WORDPRESS_MIN_HEIGHT = 200;

type Way = 'url-classic' | 'embed-block' | 'custom-html';
const WAYS: Record<Way, string> = {
  'url-classic': 'the URL alone in a classic post',
  'embed-block': 'the URL in an Embed block',
  'custom-html': 'the Custom HTML snippet',
};

const INTRO = 'Her er presentasjonen fra fagdagen om sosiale medier.';
/** Text after the deck, so the post is taller than the window and the arrow keys can scroll it. */
const AFTER = Array.from(
  { length: 8 },
  (_, i) =>
    `Avsnitt ${i + 1}: Strategien beskriver hvordan banken bruker kanalene, hvem som svarer kundene, og hvordan vi måler om innsatsen virker over tid.`,
);

function classicPost(deckUrl: string): string {
  return [INTRO, deckUrl, ...AFTER].join('\n\n');
}

function blockPost(middle: string): string {
  const paragraph = (text: string) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;
  return [paragraph(INTRO), middle.trim(), ...AFTER.map(paragraph)].join('\n\n');
}

interface Case {
  user: WordPressUser;
  way: Way;
  post?: PublishedPost;
}

const CASES: Case[] = [ADMIN, AUTHOR].flatMap((user) => (Object.keys(WAYS) as Way[]).map((way) => ({ user, way })));
const roleName = (user: WordPressUser) => (user.role === 'administrator' ? 'Administrator' : 'Author');

describe('the deck in a real WordPress', () => {
  let dir: string;
  let db: MariaDb | undefined;
  let wp: WordPress | undefined;
  let host: StaticHost | undefined;
  let deck: BuiltDeck;
  let browser: Browser | undefined;
  const readings: Record<string, Reading> = {};

  beforeAll(async () => {
    assertPackagesInstalled();
    dir = mkdtempSync(path.join(os.tmpdir(), 'deckmark-wordpress-'));
    // Interrupted, afterAll does not run; the servers are killed on exit (harness/processes.ts), then this.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    const site = path.join(dir, 'site');
    mkdirSync(site);
    host = await startStaticHost(site, '127.0.0.2');
    deck = buildExampleDeck(path.join(dir, 'project'), site, host.url);
    db = await startMariaDb(dir);
    wp = await startWordPress({ dir, db, admin: ADMIN, users: [AUTHOR], deckHost: host.host, deckPort: host.port });
    const contents: Record<Way, (user: WordPressUser) => Promise<string>> = {
      'url-classic': async () => classicPost(deck.url),
      'embed-block': async (user) => {
        const preview = await wp!.oembedProxy(user.login, deck.url);
        if (preview.status !== 200)
          throw new Error(`the block editor gets no preview of ${deck.url} for ${user.login}: ${JSON.stringify(preview)}`);
        return blockPost(embedBlockMarkup(deck.url, preview.data));
      },
      'custom-html': async () => blockPost(deck.wordpressSnippet),
    };
    const inputs = [];
    for (const c of CASES)
      inputs.push({ login: c.user.login, title: `${roleName(c.user)}: ${WAYS[c.way]}`, content: await contents[c.way](c.user) });
    const posts = await wp.publish(inputs);
    posts.forEach((post, i) => (CASES[i].post = post));
    browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
      headless: true,
      userDataDir: path.join(dir, 'chromium-profile'),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    });
  }, 300_000);

  afterAll(async () => {
    writeFileSync(path.join(SHOTS, 'readings.json'), JSON.stringify(readings, null, 2));
    await browser?.close().catch(() => {});
    await wp?.stop();
    await db?.stop();
    await host?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('runs Debian’s WordPress 6.1 with Twenty Twenty-Three; the Administrator may post unfiltered HTML, the Author may not', () => {
    expect(wp!.install.version).toMatch(/^6\.1\./);
    expect(wp!.install.theme).toBe('twentytwentythree');
    expect(wp!.install.unfilteredHtml).toEqual({ [ADMIN.login]: true, [AUTHOR.login]: false });
    const stored = (user: WordPressUser) => CASES.find((c) => c.user === user && c.way === 'custom-html')!.post!.content;
    expect(stored(ADMIN)).toContain('<iframe');
    // kses ran as the Author: the iframe is gone, the links stay.
    expect(stored(AUTHOR)).not.toContain('<iframe');
    expect(stored(AUTHOR)).toContain(deck.pdfUrl);
  });

  for (const c of CASES) {
    for (const viewport of VIEWPORTS) {
      const name = `${roleName(c.user)} · ${WAYS[c.way]} · ${viewport.name}`;
      it(
        name,
        async () => {
          const shot = path.join(SHOTS, `${c.user.role}-${c.way}-${viewport.width}x${viewport.height}.png`);
          const r = await readPost({
            browser: browser!,
            url: c.post!.url,
            viewport,
            deckUrl: deck.url,
            pdfUrl: deck.pdfUrl,
            screenshot: shot,
            downloads: path.join(dir, 'downloads'),
          });
          readings[name] = r;
          expect(r.status, 'the post opens').toBe(200);
          // WordPress strips the iframe only from an Author's Custom HTML; every other way keeps a deck.
          const strippedByWordPress = c.way === 'custom-html' && c.user === AUTHOR;
          expect.soft(r.blankBoxes, 'no blank box in the post').toEqual([]);
          expect.soft(r.pdf.outcome, `the PDF link (in the ${r.pdf.link}) reaches the PDF`).toMatchObject({ url: deck.pdfUrl });
          if (strippedByWordPress) {
            expect.soft(r.frame, 'WordPress stripped the iframe').toBeUndefined();
            expect.soft(r.pdf.link, 'the links under the snippet are in the post').toBe('post');
            return;
          }
          expect(r.frame, 'the post has the deck frame').toBeDefined();
          const f = r.frame!;
          if (c.way === 'embed-block')
            expect.soft(f.figure, 'the frame is in the Embed block WordPress rendered').toMatch(/\bwp-block-embed\b/);
          expect
            .soft(
              f.hiddenByWordPress,
              `WordPress shows the frame (it hides it until the deck sends a message): ${JSON.stringify(f.attributes)}`,
            )
            .toBe(false);
          expect
            .soft(Math.abs(f.width - f.columnWidth), `the frame (${f.width} px wide) spans the content column (${f.columnWidth} px)`)
            .toBeLessThanOrEqual(2);
          const expectedHeight = Math.max(f.width / DECK_RATIO, c.way === 'custom-html' ? 0 : WORDPRESS_MIN_HEIGHT);
          expect
            .soft(
              Math.abs(f.height / expectedHeight - 1),
              `the frame is ${f.width}×${f.height} (ratio ${(f.width / f.height).toFixed(3)}); the deck's 16:9 at that width is ${expectedHeight.toFixed(1)} px high`,
            )
            .toBeLessThanOrEqual(RATIO_TOLERANCE);
          for (const family of r.fonts!.used) {
            expect
              .soft(r.fonts!.faces[family], `the deck's font "${family}" loaded in the frame`)
              .toContainEqual(expect.stringMatching(/: loaded$/));
          }
          const k = r.keys!;
          expect
            .soft(
              k.scrollAfterArrowDown,
              `before a click the arrow keys scroll the post (scrollY ${k.scrollBefore} → ${k.scrollAfterArrowDown})`,
            )
            .toBeGreaterThan(k.scrollBefore);
          expect.soft(k.slideAfterArrowDownBeforeClick, 'before a click the arrow keys leave the deck alone').toBe(k.slideBeforeClick);
          expect
            .soft(
              k.slideAfterClickAndArrowRight,
              `after a click the arrow keys move the slides (slide ${k.slideBeforeClick} → ${k.slideAfterClickAndArrowRight})`,
            )
            .toBe(k.slideBeforeClick + 1);
          expect.soft(k.scrollChangeAfterClickAndArrowRight, 'after a click the arrow keys do not scroll the post').toBe(0);
          expect.soft(r.deckProblems, 'no errors from the deck frame').toEqual([]);
        },
        120_000,
      );
    }
  }
});
