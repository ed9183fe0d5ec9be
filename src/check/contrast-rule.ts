// The `contrast` rule: the theme's text colours (with the deck's `themeVars`) on its background,
// and on every slide `data-background-color`, must meet WCAG AA (4.5:1). The caller passes the
// theme's CSS text; colours it cannot read (images, gradients) are not judged.
import type { Deck, Diagnostic } from '../model/deck.js';
import { contrast, declaredIn, isDarkColor, over, resolveVars, tryParseColor, type Rgba, type Vars } from './contrast.js';
import { diagnostic } from '../model/diagnostic.js';
import { allSlides } from './diagnostic.js';

/** WCAG 2 AA for normal text. */
const AA_RATIO = 4.5;

/** The text colours of a slide: deckmark's theme properties, or reveal.js's for `reveal:` themes. */
const TEXT = [
  ['--dm-fg', '--r-main-color', 'text'],
  ['--dm-heading', '--r-heading-color', 'heading'],
  ['--dm-link', '--r-link-color', 'link'],
] as const;

function colour(vars: Vars, name: string): Rgba | undefined {
  try {
    return tryParseColor(resolveVars(vars, `var(${name})`));
  } catch {
    return undefined;
  }
}

interface Finding {
  what: string;
  ratio: number;
}

/** The text colour with the lowest contrast on `bg`, when it is below AA. */
function worst(vars: Vars, bg: Rgba, reveal: boolean): Finding | undefined {
  let found: Finding | undefined;
  for (const [dm, r, what] of TEXT) {
    const fg = colour(vars, reveal ? r : dm);
    if (!fg) continue;
    const ratio = contrast(over(fg, bg), bg);
    if (ratio < AA_RATIO && (!found || ratio < found.ratio)) found = { what, ratio };
  }
  return found;
}

const DARK_SLIDE = /section(:is\([^)]*\.has-dark-background[^)]*\)|\.has-dark-background)$/;
const LIGHT_SLIDE = /section(:is\([^)]*\.has-light-background[^)]*\)|\.has-light-background)$/;

export function checkContrast(deck: Deck, themeCss: string): Diagnostic[] {
  const root: Vars = { ...declaredIn(themeCss, /^:root$/), ...declaredIn(themeCss, /^\.reveal-viewport$/) };
  for (const [k, v] of Object.entries(deck.meta.themeVars)) root[`--dm-${k}`] = v;
  const reveal = colour(root, '--dm-bg') === undefined;
  const out: Diagnostic[] = [];
  const ratio = (f: Finding): string => `${f.ratio.toFixed(2)}:1`;

  const themeBg = colour(root, reveal ? '--r-background-color' : '--dm-bg');
  if (themeBg) {
    const f = worst(root, themeBg, reveal);
    const line = deck.metaLines.themeVars ?? deck.metaLines.theme ?? 1;
    if (f)
      out.push(
        diagnostic(
          'error',
          'contrast',
          `the theme's ${f.what} colour has a contrast of ${ratio(f)} on its background (WCAG AA needs ${AA_RATIO}:1)`,
          { file: deck.file, line },
        ),
      );
  }

  const dark = { ...root, ...declaredIn(themeCss, DARK_SLIDE) };
  const light = { ...root, ...declaredIn(themeCss, LIGHT_SLIDE) };
  for (const slide of allSlides(deck)) {
    const written = slide.attributes['data-background-color'];
    const bg = written ? tryParseColor(written) : undefined;
    if (!bg) continue;
    const opaque = over(bg, themeBg ?? { r: 255, g: 255, b: 255, a: 1 });
    const f = worst(isDarkColor(opaque) ? dark : light, opaque, reveal);
    if (f) {
      out.push(
        diagnostic(
          'error',
          'contrast',
          `${f.what} on data-background-color="${written}" has a contrast of ${ratio(f)} (WCAG AA needs ${AA_RATIO}:1)`,
          { file: deck.file, line: slide.range.start },
        ),
      );
    }
  }
  return out;
}
