// The browser-free rules of `deckmark check`, each on a tiny deck parsed in memory.
import { describe, expect, it } from 'vitest';
import { asCheckDiagnostics, checkDeck } from '../../src/check/check-deck.js';
import { checkContrast } from '../../src/check/contrast-rule.js';
import { checkAltText, checkLinks, urlProblem } from '../../src/check/media-rules.js';
import { checkDensity, checkDuplicateIds, checkTextAboveSeparators, checkTitles } from '../../src/check/slide-rules.js';
import { parseDeck, type ParseOptions } from '../../src/compile/parse-deck.js';
import type { Diagnostic } from '../../src/model/deck.js';

const parse = (text: string, options: ParseOptions = {}) => parseDeck(text, { file: 'deck.md', ...options });
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.line}: ${d.severity} ${d.code}`);

describe('no-title', () => {
  it('warns about a slide without a heading, at its first line', () => {
    const deck = parse('# One\n\n---\n\nJust text\n\n---\n\n## Three\n');
    expect(brief(checkTitles(deck))).toEqual(['5: warning no-title']);
  });

  it('lets a picture-only background slide be', () => {
    const deck = parse('# One\n\n---\n\n<!-- .slide: data-background-image="https://example.com/a.png" -->\n');
    expect(checkTitles(deck)).toEqual([]);
  });
});

describe('duplicate-id', () => {
  it('reports the second slide with an id already used, naming the first', () => {
    const [d, ...rest] = checkDuplicateIds(parse('<!-- .slide: id="intro" -->\n# One\n\n---\n\n<!-- .slide: id="intro" -->\n## Two\n'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'duplicate-id', line: 6 });
    expect(d.message).toContain('line 1');
  });
});

describe('dense-slide', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const deck = parse(`# Title\n\n${words(90)}\n\n---\n\n## Short\n\n${words(20)}\n\n\`\`\`\n${words(200)}\n\`\`\`\n`);

  it('warns above 80 words, not counting code', () => {
    const found = checkDensity(deck);
    expect(brief(found)).toEqual(['1: warning dense-slide']);
    expect(found[0].message).toMatch(/91 words \(more than 80\)/);
  });

  it('takes another limit', () => {
    expect(brief(checkDensity(deck, 10))).toEqual(['1: warning dense-slide', '7: warning dense-slide']);
    expect(checkDensity(deck, 100)).toEqual([]);
  });
});

describe('text-above-separator', () => {
  it('points at a --- right under a line of text, which splits as in reveal-md but reads as a heading elsewhere', () => {
    const deck = parse('# One\n---\nTitle\n---\n\nText\n\n---\n\nEnd\n');
    const found = checkTextAboveSeparators(deck);
    expect(brief(found)).toEqual(['4: warning text-above-separator']);
    expect(found[0].hint).toMatch(/## Title/);
    expect(brief(checkDeck(deck).filter((d) => d.code === 'text-above-separator'))).toEqual(['4: warning text-above-separator']);
  });
});

describe('alt-text', () => {
  it('warns about images without alt text, with their line', () => {
    const deck = parse('# Pictures\n\n![A cat](https://example.com/cat.png)\n\n![](https://example.com/dog.png)\n', {
      resolveAsset: (src) => ({ url: src }),
    });
    const found = checkAltText(deck);
    expect(brief(found)).toEqual(['5: warning alt-text']);
    expect(found[0].message).toContain('dog.png');
  });

  it('finds the line of a local image, named as written', () => {
    const deck = parse('# Pictures\n\nText\n\n![](img/a.png)\n', { resolveAsset: () => ({ url: 'assets/a-123.png' }) });
    const found = checkAltText(deck);
    expect(brief(found)).toEqual(['5: warning alt-text']);
    expect(found[0].message).toBe('image "img/a.png" has no alt text: write what it shows in ![…](…)');
  });

  it('reports each image at its own line of the file: front matter, vertical slides, lines of one paragraph, raw HTML', () => {
    const text = [
      '---', //                                      1
      'title: Lines',
      '---',
      '# One', //                                    4
      '',
      '![ok](a.png) and', //                         6
      '![](b.png)', //                               7
      '',
      '----', //                                     9
      '',
      '## Two',
      '',
      '<div>',
      '<img src="c.png"', //                         14
      '  alt="">',
      '<img src="d.png" alt="D">',
      '</div>',
      '',
      'Text <img src="https://example.com/e.png"> here', // 19
      '',
      'Note:',
      '![](in-notes.png)',
    ].join('\n');
    const found = checkAltText(parse(text, { resolveAsset: (src) => ({ url: `assets/${src}` }) }));
    expect(found.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'deck.md:7 image "b.png" has no alt text: write what it shows in ![…](…)',
      'deck.md:14 image "c.png" has no alt text: write what it shows in its alt="…"',
      'deck.md:19 image "https://example.com/e.png" has no alt text: write what it shows in its alt="…"',
    ]);
  });

  it("leaves a video's still alone (the player's title describes it)", () => {
    const deck = parse('# Film\n\n![Our film](clip.mp4){poster=still.jpg}\n', { resolveAsset: (src) => ({ url: `assets/${src}` }) });
    expect(checkAltText(deck)).toEqual([]);
  });
});

describe('link', () => {
  it.each([
    ['https//example.com', 'missing "://"'],
    ['http:/example.com', 'missing "://"'],
    ['www.example.com', 'no scheme'],
    ['https://exa mple.com', 'space'],
    ['https://example', 'not a host name'],
    ['mailto:nobody', 'e-mail'],
  ])('%s is malformed (%s)', (href, why) => {
    expect(urlProblem(href)).toContain(why);
  });

  it.each(['https://example.com/a?b=c#d', 'http://localhost:8000/', '#/goals', 'img/a.png', '../other.md', 'mailto:a@b.no'])(
    '%s is fine',
    (href) => {
      expect(urlProblem(href)).toBeUndefined();
    },
  );

  it('reports a malformed link at its line', () => {
    const deck = parse('# Links\n\n[ok](https://example.com)\n[bad](https//example.com)\n');
    expect(brief(checkLinks(deck))).toEqual(['4: error link']);
  });
});

describe('missing files and malformed video links (the compiler finds them; check makes them errors)', () => {
  it('reports a missing image and video as errors', () => {
    const deck = parse('# Media\n\n![A chart](chart.png)\n\n![Film](film.mp4)\n', { resolveAsset: () => ({ problem: 'missing' }) });
    expect(brief(asCheckDiagnostics(deck.diagnostics)).sort()).toEqual(['3: error missing-image', '5: error missing-video']);
  });

  it('reports a YouTube link without a valid id', () => {
    const deck = parse('# Video\n\n![Film](https://www.youtube.com/watch?v=abc)\n');
    expect(brief(asCheckDiagnostics(deck.diagnostics))).toEqual(['3: error malformed-video']);
  });

  it('reports a stylesheet or theme file not found (a warning in build) as an error', () => {
    const d: Diagnostic = { severity: 'warning', code: 'missing-file', message: 'stylesheet x.css not found', line: 2, column: 1 };
    expect(asCheckDiagnostics([d])[0]).toMatchObject({ severity: 'error', code: 'missing-file' });
    const remote: Diagnostic = { ...d, code: 'stylesheet', message: 'stylesheet https://x/y.css is remote and is not loaded' };
    expect(asCheckDiagnostics([remote])[0]).toMatchObject({ severity: 'warning', code: 'stylesheet' });
  });
});

describe('contrast', () => {
  const css = `:root { --dm-bg: #ffffff; --dm-fg: #222222; --dm-heading: var(--dm-fg); --dm-link: #0645ad; }
    .reveal .slides section:is(.has-dark-background, .inverse) { --dm-fg: #f5f5f5; --dm-heading: #ffffff; --dm-link: #9cf; }`;

  it('passes a readable theme and readable slide backgrounds', () => {
    const deck = parse('# One\n\n---\n\n<!-- .slide: data-background-color="#0b3d5c" -->\n## Dark\n');
    expect(checkContrast(deck, css)).toEqual([]);
  });

  it('reports a slide background the text does not stand out from', () => {
    const deck = parse('# One\n\n---\n\n<!-- .slide: data-background-color="#888888" -->\n## Grey\n');
    const found = checkContrast(deck, css);
    expect(brief(found)).toEqual(['5: error contrast']);
    expect(found[0].message).toMatch(/#888888.*\d\.\d\d:1 \(WCAG AA needs 4\.5:1\)/);
  });

  it('reports themeVars that spoil the theme, at their line', () => {
    const deck = parse('---\nthemeVars:\n  fg: "#cccccc"\n---\n\n# One\n');
    expect(brief(checkContrast(deck, css))).toEqual(['2: error contrast']);
  });

  it('reads reveal.js themes by their own properties', () => {
    const reveal = ':root { --r-background-color: #fff; --r-main-color: #eee; --r-heading-color: #222; --r-link-color: #00f; }';
    expect(brief(checkContrast(parse('# One\n'), reveal))).toEqual(['1: error contrast']);
  });
});

describe('checkDeck', () => {
  it('runs every browser-free rule, contrast only with the theme', () => {
    const deck = parse('Text only\n\n![](https://example.com/a.png)\n');
    expect(
      checkDeck(deck)
        .map((d) => d.code)
        .sort(),
    ).toEqual(['alt-text', 'no-title']);
  });
});
