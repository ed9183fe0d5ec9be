// renderReadingView(): the deck as one article, read back with a DOM parser.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { renderDeck } from '../../src/compile/render-deck.js';
import { renderReadingView, type ReadingViewOptions } from '../../src/compile/render-reading-view.js';
import { DeckError } from '../../src/model/deck-error.js';

const OPTIONS: ReadingViewOptions = {
  fonts: { href: 'assets/fonts.css' },
  styles: [{ href: 'assets/theme.css' }],
  deckHref: '../',
  base: '../',
};

const lines = (...l: string[]): string => l.join('\n');

const DECK = lines(
  '---',
  'title: Strategi & plan',
  'lang: nb',
  'author: Kari Nordmann',
  'date: 2026-11-26',
  'url: https://example.org/strategi/',
  '---',
  '# Strategi & plan',
  '',
  'Note: Velkommen.',
  '',
  '---',
  '',
  '## Mål',
  '',
  '### Lytte',
  '',
  '- Svare *raskt*',
  '',
  '![Et kart](img/kart.png)',
  '',
  '[Tilbake](#/0)',
  '',
  '----',
  '',
  'Ingen overskrift her.',
  '',
  'Note: Notatet under.',
  '',
  '---',
  '',
  '<!-- .slide: data-visibility="hidden" -->',
  '## Skjult',
  '',
  '---',
  '',
  '## Film',
  '',
  'https://www.youtube.com/watch?v=reBGK5isnco',
);

function render(text: string, options: ReadingViewOptions = OPTIONS): cheerio.CheerioAPI {
  return cheerio.load(renderReadingView(parseDeck(text, { fallbackTitle: 'fallback' }), options));
}

describe('the reading view', () => {
  it('is one article in the deck’s language, with its metadata, card tags and its own canonical link', () => {
    const $ = render(DECK);
    expect($('html').attr('lang')).toBe('nb');
    expect($('title').text()).toBe('Strategi & plan (Tekstversjon)');
    expect($('main article')).toHaveLength(1);
    expect($('article > header h1').text()).toBe('Strategi & plan');
    expect($('.dm-read-meta').text()).toBe('Kari Nordmann · 2026-11-26');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://example.org/strategi/read/');
    expect($('meta[property="og:url"]').attr('content')).toBe('https://example.org/strategi/read/');
    expect($('meta[property="og:title"]').attr('content')).toBe('Strategi & plan');
    expect($('script')).toHaveLength(0);
    // The theme's stylesheets, from the deck's folder.
    expect(
      $('link[rel="stylesheet"]')
        .map((_, l) => $(l).attr('href'))
        .get(),
    ).toEqual(['../assets/fonts.css', '../assets/theme.css']);
  });

  it('numbers every shown slide, with an anchor, its heading and a link back to it in the deck', () => {
    const $ = render(DECK);
    const sections = $('section.dm-read-slide');
    // The hidden slide is left out, as reveal.js leaves it out.
    expect(sections.map((_, s) => $(s).attr('id')).get()).toEqual(['slide-1', 'slide-2', 'slide-3', 'slide-4']);
    expect(sections.map((_, s) => $(s).find('h2').first().text()).get()).toEqual([
      'Lysbilde 1 Strategi & plan',
      'Lysbilde 2 Mål',
      'Lysbilde 3 Lysbilde 3',
      'Lysbilde 4 Film',
    ]);
    expect($('#slide-2 h2 a.dm-read-number').attr('href')).toBe('#slide-2');
    expect(sections.map((_, s) => $(s).find('.dm-read-deck-link a').attr('href')).get()).toEqual([
      '../#/0',
      '../#/1',
      '../#/1/1',
      '../#/3',
    ]);
    expect($('#slide-2').attr('aria-labelledby')).toBe($('#slide-2 h2').attr('id'));
    expect(
      $('.dm-read-toc li a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['#slide-1', '#slide-2', '#slide-3', '#slide-4']);
    expect($('.dm-read-toc li').first().text()).toBe('Strategi & plan');
    expect($('body').text()).not.toContain('Skjult');
  });

  it('keeps the content as plain HTML: headings under the slide’s, files and in-deck links from the deck’s folder', () => {
    const $ = render(DECK);
    const slide = $('#slide-2');
    expect(slide.find('h3').text()).toBe('Lytte'); // ### under the slide's ## heading
    expect(slide.find('li em').text()).toBe('raskt');
    expect(slide.find('img').attr('src')).toBe('../img/kart.png');
    expect(slide.find('img').attr('alt')).toBe('Et kart');
    expect(slide.find('.dm-read-content a').attr('href')).toBe('../#/0');
  });

  it('replaces a player by the film’s link', () => {
    const $ = render(DECK);
    expect($('iframe, video')).toHaveLength(0);
    expect($('#slide-4 .dm-read-video a').attr('href')).toBe('https://youtu.be/reBGK5isnco');
  });

  it('puts the speaker notes under their slide, unless readingView.notes is false', () => {
    const $ = render(DECK);
    expect($('#slide-1 .dm-read-notes').text()).toContain('Velkommen.');
    expect($('#slide-3 .dm-read-notes').text()).toContain('Notatet under.');
    expect($('#slide-3 .dm-read-label').text()).toBe('Talenotater');
    const without = render(DECK.replace('lang: nb', 'lang: nb\nreadingView:\n  notes: false'));
    expect(without('.dm-read-notes')).toHaveLength(0);
    expect(without('body').text()).not.toContain('Velkommen.');
  });

  it('carries the same Content-Security-Policy as a --safe deck', () => {
    const $ = render(DECK, { ...OPTIONS, safe: true });
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toContain("script-src 'self'");
  });

  it('rejects a readingView that is not { notes: true|false }, at its line', () => {
    const bad = (value: string) => () => parseDeck(lines('---', 'title: T', `readingView: ${value}`, '---', '# A'), { fallbackTitle: 'f' });
    expect(bad('{ notes: 3 }')).toThrow(DeckError);
    expect(bad('{ notes: 3 }')).toThrow(/readingView.notes` must be true or false/);
    expect(bad('{ transcript: true }')).toThrow(/unknown `readingView` key `transcript`/);
    expect(bad('[1]')).toThrow(expect.objectContaining({ code: 'invalid-option', line: 3 }));
  });
});

describe('the deck links its reading view', () => {
  it('first in the page, with its key, and gives the runtime its strings in the deck’s language', () => {
    const deck = parseDeck(DECK, { fallbackTitle: 'f' });
    const $ = cheerio.load(renderDeck(deck, { styles: [], scripts: [], readingHref: 'read/' }));
    const link = $('body > a.dm-read-link');
    expect(link.attr('href')).toBe('read/');
    expect(link.text()).toBe('Tekstversjon');
    expect(link.attr('aria-keyshortcuts')).toBe('T');
    expect($('body').children().first().is('a.dm-read-link')).toBe(true);
    const strings = JSON.parse($('script#deckmark-ui').text()) as Record<string, string>;
    expect(strings.slideOf).toBe('Lysbilde {n} av {total}');
    expect(strings.nextSlide).toBe('Neste lysbilde');
    expect(strings.title).toBe('Strategi & plan');
  });
});
