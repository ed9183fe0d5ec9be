// The embed snippet, the oEmbed JSON and the social meta, read back with a DOM parser; and
// `deckmark embed` in process: stdout is the snippet, a missing URL is a usage error.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { deckFileUrl, embedViewUrl, renderEmbedSnippet, type EmbedTarget } from '../../src/compile/embed-snippet.js';
import { renderOEmbed } from '../../src/compile/oembed.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { renderDeck } from '../../src/compile/render-deck.js';
import { renderIndex } from '../../src/compile/render-index.js';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';

const NASTY = `Q&A <"&'> </iframe><script>alert(1)</script>`;
const TARGET: EmbedTarget = { url: 'https://example.org/talk/', title: NASTY, width: 1280, height: 720 };

/** Parses HTML as a fragment and fails on anything a browser would have to repair. */
function parseStrict(html: string): cheerio.CheerioAPI {
  const $ = cheerio.load(html, null, false);
  expect($('script')).toHaveLength(0);
  return $;
}

describe('the embed snippet', () => {
  it('is a lazy, borderless, fullscreen-capable iframe that keeps 16:9 by itself, then the links', () => {
    const $ = parseStrict(renderEmbedSnippet({ ...TARGET, pdfUrl: deckFileUrl(TARGET.url, 'talk.pdf') }));
    // No wrapper: where a host strips the iframe, no empty box is left, only the links.
    expect(
      $.root()
        .children()
        .map((_, el) => (el as { tagName: string }).tagName)
        .get(),
    ).toEqual(['iframe', 'p']);
    const frame = $('iframe.deckmark-embed');
    expect(frame).toHaveLength(1);
    expect(frame.attr('style')).toContain('width:100%;height:auto;aspect-ratio:1280/720');
    expect([frame.attr('width'), frame.attr('height')]).toEqual(['1280', '720']);
    expect(frame.attr('src')).toBe('https://example.org/talk/?embed');
    expect(frame.attr('title')).toBe(NASTY);
    expect(frame.attr('loading')).toBe('lazy');
    expect(frame.attr('allowfullscreen')).toBe('');
    expect(frame.attr('allow')).toBe('fullscreen');
    expect(frame.attr('style')).toContain('border:0');
    const links = $('p.deckmark-embed-links a');
    expect(links.map((_, a) => $(a).attr('href')).get()).toEqual([
      'https://example.org/talk/',
      'https://example.org/talk/read/',
      'https://example.org/talk/talk.pdf',
    ]);
    expect(links.first().text()).toBe(NASTY);
    expect(links.eq(1).text()).toBe('Text version');
    expect(links.last().text()).toBe('Download PDF');
  });

  it('keeps the deck ratio and leaves out the PDF link when there is no PDF', () => {
    const $ = parseStrict(renderEmbedSnippet({ ...TARGET, width: 1024, height: 768, lang: 'nb' }));
    expect($('iframe.deckmark-embed').attr('style')).toContain('aspect-ratio:1024/768');
    expect($('p.deckmark-embed-links a')).toHaveLength(2); // the deck and its text version
  });

  it('escapes a URL with quotes and ampersands and adds `embed` to its query, before the hash', () => {
    const url = 'https://example.org/t?a=1&b="2"#/3';
    expect(embedViewUrl(url)).toBe('https://example.org/t?a=1&b="2"&embed#/3');
    const $ = parseStrict(renderEmbedSnippet({ ...TARGET, url }));
    expect($('iframe').attr('src')).toBe('https://example.org/t?a=1&b="2"&embed#/3');
    expect($('a').attr('href')).toBe(url);
  });

  it('resolves files beside the deck from its folder or its index.html', () => {
    expect(deckFileUrl('https://example.org/talk', 'oembed.json')).toBe('https://example.org/talk/oembed.json');
    expect(deckFileUrl('https://example.org/talk/index.html?x#y', 'a b.pdf')).toBe('https://example.org/talk/a%20b.pdf');
  });

  it('comes as Markdown (the iframe block, then Markdown links) and as a WordPress Custom HTML block', () => {
    const md = renderEmbedSnippet({ ...TARGET, title: 'A [b] *c*', pdfUrl: 'https://example.org/talk/t.pdf' }, 'markdown');
    const [block, links] = md.trim().split('\n\n');
    expect(cheerio.load(block, null, false)('iframe').attr('title')).toBe('A [b] *c*');
    expect(links).toBe(
      '[A \\[b\\] \\*c\\*](https://example.org/talk/) · [Text version](https://example.org/talk/read/) · [Download PDF](https://example.org/talk/t.pdf)',
    );
    const wp = renderEmbedSnippet(TARGET, 'wordpress');
    expect(wp).toMatch(/^<!-- wp:html -->\n<iframe class="deckmark-embed"[\s\S]*\n<!-- \/wp:html -->\n$/);
  });
});

describe('oEmbed and social meta', () => {
  it('gives oEmbed html made only of what WordPress keeps from a provider it does not know', () => {
    // wp_filter_oembed_result (wp-includes/embed.php) keeps `blockquote`, `a href` and an
    // iframe with these attributes, and needs `(<blockquote>…</blockquote>)?…(<iframe…></iframe>)`.
    const allowed: Record<string, string[]> = {
      blockquote: [],
      a: ['href'],
      iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
    };
    const { html } = renderOEmbed({ title: NASTY, url: 'https://example.org/talk/', width: 1280, height: 720 });
    expect(html).toMatch(/^<blockquote>.*?<\/blockquote>.*<iframe.*?><\/iframe>$/s);
    const $ = cheerio.load(html, null, false);
    $('*').each((_, el) => {
      const { tagName, attribs } = el as unknown as { tagName: string; attribs: Record<string, string> };
      expect(Object.keys(allowed), tagName).toContain(tagName);
      for (const name of Object.keys(attribs)) expect(allowed[tagName], `${tagName}[${name}]`).toContain(name);
    });
    // The frame spans the column; the embed view asks WordPress for the height of its ratio.
    expect($('iframe').attr('width')).toBe('100%');
  });

  it('describes the deck as a rich oEmbed with absolute URLs when the URL is known', () => {
    const json = renderOEmbed({ title: NASTY, author: 'Kari', url: 'https://example.org/talk/', width: 1280, height: 720, hasImage: true });
    expect(json).toMatchObject({ version: '1.0', type: 'rich', title: NASTY, author_name: 'Kari', provider_name: 'deckmark', width: 800 });
    expect(json.height).toBe(450);
    const $ = cheerio.load(json.html, null, false);
    expect($('iframe').attr('src')).toBe('https://example.org/talk/?embed');
    expect($('iframe').attr('title')).toBe(NASTY);
    expect(
      $('blockquote > a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://example.org/talk/', 'https://example.org/talk/read/']);
    expect($('blockquote > a').first().text()).toBe(NASTY);
    expect($('blockquote > a').last().text()).toBe('Text version');
    expect(json.thumbnail_url).toBe('https://example.org/talk/og-image.png');
    expect([json.thumbnail_width, json.thumbnail_height]).toEqual([1200, 630]);
    const bare = renderOEmbed({ title: 't', width: 1024, height: 768 });
    expect(bare.height).toBe(600);
    expect(bare.thumbnail_url).toBeUndefined();
  });

  it('puts Open Graph, Twitter card, canonical and oEmbed discovery tags in the head', () => {
    const text = `---\ntitle: "${NASTY.replace(/"/g, '\\"')}"\ndescription: Om banken\nurl: https://example.org/talk/\n---\n# A\n`;
    const deck = parseDeck(text);
    const $ = cheerio.load(renderDeck(deck, { styles: [], scripts: [], imageFile: 'og-image.png', oembedFile: 'oembed.json' }));
    const prop = (p: string) => $(`meta[property="${p}"]`).attr('content');
    expect(prop('og:title')).toBe(NASTY);
    expect(prop('og:description')).toBe('Om banken');
    expect(prop('og:url')).toBe('https://example.org/talk/');
    expect(prop('og:image')).toBe('https://example.org/talk/og-image.png');
    expect([prop('og:image:width'), prop('og:image:height')]).toEqual(['1200', '630']);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect($('meta[name="twitter:image"]').attr('content')).toBe('https://example.org/talk/og-image.png');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://example.org/talk/');
    expect($('link[rel="alternate"][type="application/json+oembed"]').attr('href')).toBe('https://example.org/talk/oembed.json');
    expect($('button.dm-fullscreen').attr('aria-label')).toBe('Full screen');
  });

  it('links relatively and offers a small card without a URL or an image', () => {
    const $ = cheerio.load(renderDeck(parseDeck('# A\n'), { styles: [], scripts: [], oembedFile: 'oembed.json' }));
    expect($('meta[property="og:image"]')).toHaveLength(0);
    expect($('meta[property="og:url"]')).toHaveLength(0);
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
    expect($('link[type="application/json+oembed"]').attr('href')).toBe('oembed.json');
  });

  it('shows the title-slide image as the gallery thumbnail, else the live first slide', () => {
    const base = { title: 't', lang: 'en', slideCount: 1, width: 1280, height: 720 };
    const $ = cheerio.load(
      renderIndex(
        [
          { ...base, slug: 'a', image: 'og-image.png' },
          { ...base, slug: 'b' },
        ],
        { title: 'talks' },
      ),
    );
    expect($('li.deck').eq(0).find('.thumb img').attr('src')).toBe('a/og-image.png');
    expect($('li.deck').eq(0).find('iframe')).toHaveLength(0);
    expect($('li.deck').eq(1).find('.thumb iframe').attr('src')).toBe('b/index.html?thumbnail#/0');
  });
});

describe('deckmark embed', () => {
  it('prints the snippet of the example deck to stdout', async () => {
    const file = path.join(SLIDES, 'strategi-sosiale-medier.md');
    const { code, stdout, stderr } = await runCli('embed', file, '--url', 'https://example.org/strategi/', '-o', tempDir());
    expect(code, stderr).toBe(0);
    const $ = parseStrict(stdout);
    expect($('iframe').attr('src')).toBe('https://example.org/strategi/?embed');
    expect($('iframe').attr('title')).toBe('Strategi for god bruk av sosiale medier');
    expect($('a').attr('href')).toBe('https://example.org/strategi/');
  });

  it('takes the URL from the front matter, links the built PDF, and escapes the title', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'talk.md');
    writeFileSync(file, `---\ntitle: "${NASTY.replace(/"/g, '\\"')}"\nurl: https://example.org/talk/\nlang: nb\n---\n# A\n`);
    mkdirSync(path.join(dir, 'dist/talk'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/talk/talk.pdf'), '%PDF-1.7\n');
    for (const format of ['html', 'wordpress']) {
      const { code, stdout, stderr } = await runCli('embed', file, '-o', path.join(dir, 'dist'), '--format', format);
      expect(code, stderr).toBe(0);
      const $ = parseStrict(stdout);
      expect($('iframe').attr('title')).toBe(NASTY);
      expect($('iframe')).toHaveLength(1);
      expect(
        $('a')
          .map((_, a) => $(a).text())
          .get(),
      ).toEqual([NASTY, 'Tekstversjon', 'Last ned PDF']);
      expect($('a').last().attr('href')).toBe('https://example.org/talk/talk.pdf');
    }
  });

  it('exits 2 and says how to give the URL when there is none', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'talk.md'), '# A\n');
    const { code, stdout, stderr } = await runCli('embed', path.join(dir, 'talk.md'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--url/);
    expect(stderr).toMatch(/url:/);
  });

  it('exits 2 on a relative URL or an unknown format', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'talk.md'), '# A\n');
    expect((await runCli('embed', path.join(dir, 'talk.md'), '--url', 'talk/')).code).toBe(2);
    expect((await runCli('embed', path.join(dir, 'talk.md'), '--url', 'https://e.org/', '--format', 'rss')).code).toBe(2);
  });
});
