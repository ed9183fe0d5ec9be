// renderDeck(): the reveal.js document, read back with a DOM parser.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { renderDeck, revealConfig, type RenderOptions } from '../../src/compile/render-deck.js';

const OPTIONS: RenderOptions = { styles: [{ href: 'deckmark.css' }], scripts: [{ src: 'deckmark.js' }] };
const EVIL = '</script><script>alert(1)</script>';

function render(text: string, options: RenderOptions = OPTIONS): { $: cheerio.CheerioAPI; config: unknown; expected: unknown } {
  const deck = parseDeck(text, { fallbackTitle: 'fallback' });
  const $ = cheerio.load(renderDeck(deck, options));
  const json = $('script#deckmark-config').text();
  return { $, config: JSON.parse(json), expected: revealConfig(deck) };
}

const lines = (...l: string[]): string => l.join('\n');

describe('document head', () => {
  it('sets html[lang], the title and the meta tags', () => {
    const { $ } = render(
      lines('---', 'title: Strategi', 'lang: nb', 'author: Kari Nordmann', 'description: "Sosiale medier & banken"', '---', '# A'),
    );
    expect($('html').attr('lang')).toBe('nb');
    expect($('head > title').text()).toBe('Strategi');
    expect($('meta[name="author"]').attr('content')).toBe('Kari Nordmann');
    expect($('meta[name="description"]').attr('content')).toBe('Sosiale medier & banken');
    expect($('meta[charset]').attr('charset')).toBe('utf-8');
  });

  it('leaves out meta tags that have no value', () => {
    const { $ } = render('# Only a heading\n');
    expect($('head > title').text()).toBe('Only a heading');
    expect($('meta[name="author"]')).toHaveLength(0);
    expect($('meta[name="description"]')).toHaveLength(0);
    expect($('html').attr('lang')).toBe('en');
  });

  it('keeps a title with </script> as text', () => {
    const { $ } = render(lines('---', `title: "${EVIL}"`, `description: "${EVIL}"`, '---', '# A'));
    expect($('head > title').text()).toBe(EVIL);
    expect($('meta[name="description"]').attr('content')).toBe(EVIL);
    expect(
      $('script:not([src])')
        .toArray()
        .map((el) => $(el).attr('id')),
    ).toEqual(['deckmark-config', 'deckmark-ui']);
  });

  it('links the stylesheets and scripts in order, inline ones kept inside their element', () => {
    const { $ } = render('# A\n', {
      styles: [{ href: 'base.css' }, { inline: 'a::after { content: "</style><b>x</b>" }' }],
      scripts: [{ src: 'reveal.js' }, { inline: `console.log("${EVIL}")` }],
    });
    expect(
      $('link[rel="stylesheet"]')
        .map((_, el) => $(el).attr('href'))
        .get(),
    ).toEqual(['base.css']);
    expect($('style')).toHaveLength(1);
    expect($('b')).toHaveLength(0);
    expect(
      $('script[src]')
        .map((_, el) => $(el).attr('src'))
        .get(),
    ).toEqual(['reveal.js']);
    expect($('script:not([src]):not(#deckmark-config):not(#deckmark-ui)')).toHaveLength(1);
    expect($('body script').length).toBe(4);
  });
});

describe('reveal config', () => {
  it('parses back to the same config, even with </script> in a value', () => {
    const { config, expected } = render(lines('---', 'reveal:', `  custom: "${EVIL}"`, '  n: 3', 'size: 4:3', '---', '# A'));
    expect(config).toEqual(expected);
    expect(config).toMatchObject({ width: 1024, height: 768, custom: EVIL, n: 3 });
  });

  it('holds the slide size by default', () => {
    expect(render('# A\n').config).toEqual({ width: 1280, height: 720 });
  });
});

describe('slides', () => {
  it('puts the slides in .reveal > .slides, vertical stacks as section > section', () => {
    const { $ } = render(lines('# A', '', '---', '', '# B', '', '----', '', '# B2', '', '---', '', '# C'));
    const top = $('.reveal > .slides > section');
    expect(top).toHaveLength(3);
    expect(top.eq(1).children('section')).toHaveLength(2);
    expect(
      top
        .eq(1)
        .children('section')
        .map((_, el) => $(el).find('h1').text())
        .get(),
    ).toEqual(['B', 'B2']);
    expect(top.eq(0).children('section')).toHaveLength(0);
    expect(
      $('.slides section h1')
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(['A', 'B', 'B2', 'C']);
  });

  it('puts the notes in aside.notes inside their slide', () => {
    const { $ } = render(lines('# A', '', 'Note: say **this**', '', '---', '', '# B'));
    expect($('aside.notes')).toHaveLength(1);
    expect($('.slides > section').eq(0).find('aside.notes strong').text()).toBe('this');
    expect($('.slides > section').eq(1).find('aside.notes')).toHaveLength(0);
  });

  it('sets the slide attributes and the source line on each section', () => {
    const { $ } = render(lines('# A', '', '---', '', '<!-- .slide: data-background-color="#123" class="x" title=\'a "b" > c\' -->', '# B'));
    const second = $('.slides > section').eq(1);
    expect(second.attr('data-background-color')).toBe('#123');
    expect(second.attr('class')).toBe('x');
    expect(second.attr('title')).toBe('a "b" > c');
    expect(second.attr('data-line')).toBe('5');
    expect($('.slides > section').eq(0).attr('data-line')).toBe('1');
  });
});

describe('themeVars', () => {
  it('become --dm-* custom properties on :root', () => {
    const { $ } = render(lines('---', 'themeVars:', '  accent: "#0a5"', '  radius: 4px', '---', '# A'));
    const css = $('style').text();
    expect(css).toMatch(/^:root\{/);
    const decls = Object.fromEntries(
      css
        .replace(/^:root\{|\}$/g, '')
        .split(';')
        .map((d) => d.split(':') as [string, string]),
    );
    expect(decls).toEqual({ '--dm-accent': '#0a5', '--dm-radius': '4px' });
  });

  it('cannot break out of the style element or the rule', () => {
    const { $ } = render(lines('---', 'themeVars:', `  accent: "red}</style><script>alert(1)</script><style>x{"`, '---', '# A'));
    expect($('style')).toHaveLength(1);
    expect(
      $('script:not([src])')
        .toArray()
        .map((el) => $(el).attr('id')),
    ).toEqual(['deckmark-config', 'deckmark-ui']);
    const css = $('style').text();
    expect(css.startsWith(':root{')).toBe(true);
    expect(css.indexOf('}')).toBe(css.length - 1);
  });

  it('adds no style element without themeVars', () => {
    expect(render('# A\n').$('style')).toHaveLength(0);
  });
});
