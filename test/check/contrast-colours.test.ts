// The contrast rule reads every CSS colour syntax (culori), and says when it cannot read one
// instead of passing the deck unmeasured.
import { describe, expect, it } from 'vitest';
import { parseColor } from '../../src/check/contrast.js';
import { checkContrast } from '../../src/check/contrast-rule.js';
import { parseDeck } from '../../src/compile/parse-deck.js';
import type { Diagnostic } from '../../src/model/deck.js';

const parse = (text: string) => parseDeck(text, { file: 'deck.md' });
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.line}: ${d.severity} ${d.code}`);
const css = `:root { --dm-bg: #ffffff; --dm-fg: #222222; --dm-heading: var(--dm-fg); --dm-link: #0645ad; }
  .reveal .slides section:is(.has-dark-background, .inverse) { --dm-fg: #f5f5f5; --dm-heading: #ffffff; --dm-link: #9cf; }`;
const onBackground = (colour: string) =>
  checkContrast(parse(`# One\n\n---\n\n<!-- .slide: data-background-color="${colour}" -->\n## Two\n`), css);
const rounded = (c: { r: number; g: number; b: number; a: number }) => [c.r, c.g, c.b, c.a].map((n) => Math.round(n * 100) / 100);

describe('parseColor', () => {
  it('reads hsl(), named colours beyond the basic ones, and alpha in both rgb() syntaxes', () => {
    expect(rounded(parseColor('hsl(210 50% 40%)'))).toEqual([51, 102, 153, 1]);
    expect(rounded(parseColor('hsl(210, 50%, 40%)'))).toEqual([51, 102, 153, 1]);
    expect(rounded(parseColor('RebeccaPurple'))).toEqual([102, 51, 153, 1]);
    expect(rounded(parseColor('darkgray'))).toEqual([169, 169, 169, 1]);
    expect(rounded(parseColor('rgba(0, 0, 0, 0.5)'))).toEqual([0, 0, 0, 0.5]);
    expect(rounded(parseColor('rgb(0 0 0 / 50%)'))).toEqual([0, 0, 0, 0.5]);
    expect(rounded(parseColor('#0008'))).toEqual([0, 0, 0, 0.53]);
  });

  it('throws on what is not a colour', () => {
    for (const text of ['bluish', 'color-mix(in srgb, red, blue)', 'linear-gradient(red, blue)', '']) {
      expect(() => parseColor(text), text).toThrow(/not a colour/);
    }
  });
});

describe('contrast rule', () => {
  it('measures an hsl() slide background', () => {
    const [d, ...rest] = onBackground('hsl(0 0% 53%)'); // #878787, as grey as #888888
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'contrast', line: 5 });
    expect(d.message).toMatch(/^\w+ on data-background-color="hsl\(0 0% 53%\)" has a contrast of \d\.\d\d:1/);
    expect(onBackground('hsl(203 79% 20%)')).toEqual([]); // a deep blue the dark palette reads on
  });

  it('measures a named colour the old table did not know: the link on darkgray', () => {
    const found = onBackground('darkgray');
    expect(brief(found)).toEqual(['5: error contrast']);
    expect(found[0].message).toMatch(/^link on data-background-color="darkgray" has a contrast of 3\.\d\d:1/);
  });

  it('paints a half-transparent background over the theme background before measuring', () => {
    const legacy = onBackground('rgba(0, 0, 0, 0.4)');
    const modern = onBackground('rgb(0 0 0 / 40%)');
    expect(brief(legacy)).toEqual(['5: error contrast']);
    // Black at 40% on white is #999999, whichever syntax says it.
    const ratioOf = (d: Diagnostic) => /(\d\.\d\d):1/.exec(d.message)![1];
    expect(ratioOf(modern[0])).toBe(ratioOf(legacy[0]));
    expect(ratioOf(legacy[0])).toBe(ratioOf(onBackground('#999999')[0]));
  });

  it('measures an hsl() themeVars colour, at the themeVars line', () => {
    const deck = parse('---\nthemeVars:\n  fg: "hsl(0 0% 80%)"\n---\n\n# One\n');
    expect(brief(checkContrast(deck, css))).toEqual(['2: error contrast']);
  });

  it('reports a slide background it cannot read, at the slide, instead of passing it', () => {
    const found = onBackground('bluish');
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'unreadable-colour',
        message: `data-background-color "bluish" is not a colour deckmark can read: the contrast of the slide's text on it is not checked`,
        file: 'deck.md',
        line: 5,
        column: 1,
      },
    ]);
  });

  it('reports a theme colour it cannot read once, at the themeVars line', () => {
    const deck = parse(
      '---\nthemeVars:\n  fg: "color-mix(in srgb, red, blue)"\n---\n\n# One\n\n---\n\n<!-- .slide: data-background-color="#f0f0f0" -->\n## Two\n',
    );
    const found = checkContrast(deck, css);
    expect(brief(found)).toEqual(['2: warning unreadable-colour']);
    expect(found[0].message).toBe(
      `the theme's text colour "color-mix(in srgb, red, blue)" is not a colour deckmark can read: its contrast is not checked`,
    );
  });

  it('reports an unreadable theme background, and a var() that is not defined', () => {
    const deck = parse('---\nthemeVars:\n  bg: "var(--nowhere)"\n---\n\n# One\n');
    expect(checkContrast(deck, css).map((d) => [d.line, d.code, d.message])).toEqual([
      [
        2,
        'unreadable-colour',
        `the theme's background colour "var(--nowhere)" is not a colour deckmark can read: its contrast is not checked`,
      ],
    ]);
  });
});
