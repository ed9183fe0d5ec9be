// Link cards as a real link-preview client reads them: open-graph-scraper (used by link-preview
// services) fetches the built deck from a plain static host and finds its title, description and
// 1200×630 image; the oEmbed endpoint is found the way oEmbed consumers discover it (the
// `application/json+oembed` alternate link) and answers valid "rich" oEmbed (issue 12 #6).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import ogs from 'open-graph-scraper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { type StaticHost, startStaticHost } from '../helpers/static-host.js';

const DESCRIPTION = 'Hvordan en bank bruker Facebook, Twitter og YouTube til å nå kundene sine.';

/** A PNG's size from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('link cards read by open-graph-scraper', () => {
  let host: StaticHost;
  let deckUrl: string;

  beforeAll(async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH ??= '/usr/bin/chromium';
    const dir = tempDir();
    const out = path.join(dir, 'site');
    host = await startStaticHost(out);
    deckUrl = `${host.url}kort/`;
    writeFileSync(path.join(dir, 'package.json'), '{}');
    const file = path.join(dir, 'kort.md');
    writeFileSync(
      file,
      `---\ntitle: Sosiale medier i banken\ndescription: ${DESCRIPTION}\nlang: nb\nurl: ${deckUrl}\n---\n# Sosiale medier i banken\n\n---\n\n## Mål\n`,
    );
    const { code, stderr } = await runCli('build', file, '-o', out);
    expect(code, stderr).toBe(0);
  }, 60_000);

  afterAll(() => host?.stop());

  it('finds the title, description and the absolute 1200×630 image', async () => {
    const { error, result } = await ogs({ url: deckUrl });
    expect(error).toBe(false);
    expect(result.ogTitle).toBe('Sosiale medier i banken');
    expect(result.ogDescription).toBe(DESCRIPTION);
    expect(result.ogUrl).toBe(deckUrl);
    expect(result.twitterCard).toBe('summary_large_image');
    const image = result.ogImage?.[0];
    expect(image).toMatchObject({ url: `${deckUrl}og-image.png`, width: '1200', height: '630' });
    const response = await fetch(image!.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });

  it('finds the oEmbed endpoint, which answers rich oEmbed JSON with the embed html', async () => {
    const { html } = await ogs({ url: deckUrl });
    const link = cheerio.load(html ?? '')('link[rel="alternate"][type="application/json+oembed"]');
    expect(link).toHaveLength(1);
    const endpoint = link.attr('href')!;
    expect(endpoint).toBe(`${deckUrl}oembed.json`);
    const response = await fetch(endpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const oembed = (await response.json()) as Record<string, unknown>;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: 'Sosiale medier i banken', provider_name: 'deckmark' });
    // oEmbed "rich": html, width and height are required; the html embeds the deck's embed view.
    expect(Number.isInteger(oembed.width) && Number.isInteger(oembed.height)).toBe(true);
    expect(oembed.html).toEqual(expect.stringContaining(`src="${deckUrl}?embed"`));
    expect(oembed.thumbnail_url).toBe(`${deckUrl}og-image.png`);
  });
});
