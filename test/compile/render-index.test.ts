// renderIndex(): the gallery page, read back with a DOM parser.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderIndex, type DeckManifest } from '../../src/compile/render-index.js';

const DECK: DeckManifest = {
  slug: 'strategi',
  title: 'Strategi',
  description: 'Change `theme:` to *dark* <script>alert(1)</script> [see](https://example.org/) [bad](javascript:alert(1))',
  author: 'Kari',
  date: '2026-11-26',
  lang: 'nb',
  slideCount: 24,
  width: 1280,
  height: 720,
  pdf: 'strategi.pdf',
  read: 'read/',
};

/** What a folder of decks built before the gallery had a heading is headed by. */
const HEADING = { title: 'my-talks' };

describe('the gallery', () => {
  it('renders a description’s inline Markdown, its raw HTML and unsafe links as text', () => {
    const $ = cheerio.load(renderIndex([DECK], HEADING, 'nb'));
    const description = $('.deck .description');
    expect(description.find('code').text()).toBe('theme:');
    expect(description.find('em').text()).toBe('dark');
    expect(description.find('script')).toHaveLength(0);
    expect(description.text()).toContain('<script>alert(1)</script>');
    expect(
      description
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://example.org/']);
  });

  it('gives each deck its date, author, slide count and links to the deck, its text version and its PDF', () => {
    const $ = cheerio.load(
      renderIndex([DECK, { ...DECK, slug: 'old', title: 'Old', read: undefined, pdf: undefined, date: undefined }], HEADING, 'nb'),
    );
    const [first, second] = $('li.deck')
      .toArray()
      .map((li) => $(li));
    expect(first.find('h2 a').attr('href')).toBe('strategi/index.html');
    expect(first.find('.meta').text()).toBe('2026-11-26 · Kari · 24 lysbilder');
    expect(first.find('.meta time').attr('datetime')).toBe('2026-11-26');
    expect(
      first
        .find('.links a')
        .map((_, a) => [[$(a).text(), $(a).attr('href')]])
        .get(),
    ).toEqual([
      ['Tekstversjon', 'strategi/read/'],
      ['Last ned PDF', 'strategi/strategi.pdf'],
    ]);
    // A deck built before the reading view existed has no link to one.
    expect(second.find('.links')).toHaveLength(0);
    expect(second.find('.meta').text()).toBe('Kari · 24 lysbilder');
  });

  it('wears the first deck’s theme and fonts, with every thumbnail in one 16:9 box', () => {
    const $ = cheerio.load(renderIndex([DECK, { ...DECK, slug: 'b', image: 'og-image.png' }], HEADING));
    expect(
      $('link[rel="stylesheet"]')
        .map((_, l) => $(l).attr('href'))
        .get(),
    ).toEqual(['strategi/assets/fonts.css', 'strategi/assets/theme.css']);
    expect($('style').text()).toContain('.thumb{display:block;position:relative;aspect-ratio:16/9');
    expect($('.thumb[style]')).toHaveLength(0);
  });

  it('is headed by the project’s gallery title and intro (inline Markdown, raw HTML as text), the first deck’s that has one', () => {
    const gallery = {
      title: 'Fylkeskommunens presentasjoner',
      intro: 'Alt vi har *vist* <b>fram</b> — se [nettsiden](https://example.org/)',
    };
    const $ = cheerio.load(
      renderIndex(
        [
          { ...DECK, slug: 'a' },
          { ...DECK, gallery },
        ],
        HEADING,
        'nb',
      ),
    );
    expect($('title').text()).toBe('Fylkeskommunens presentasjoner');
    expect($('main h1').text()).toBe('Fylkeskommunens presentasjoner');
    const intro = $('main h1 + p.intro');
    expect(intro.find('em').text()).toBe('vist');
    expect(intro.find('b')).toHaveLength(0);
    expect(intro.text()).toContain('<b>fram</b>');
    expect(intro.find('a').attr('href')).toBe('https://example.org/');
  });

  it('falls back to the heading it is given (the folder’s name), without an intro', () => {
    const $ = cheerio.load(renderIndex([DECK], HEADING, 'nb'));
    expect($('main h1').text()).toBe('my-talks');
    expect($('title').text()).toBe('my-talks');
    expect($('.intro')).toHaveLength(0);
  });
});
