// The `contrast` rule: the theme's text colours (with the deck's `themeVars`) on its background,
// and on every slide `data-background-color`, must meet WCAG AA (4.5:1). The caller passes the
// theme's CSS text. A colour it cannot read (a typo, `color-mix()`, a gradient) is not judged,
// and says so (`unreadable-colour`), so a deck is never passed on a colour nobody measured.
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

/** A colour property: not declared (undefined), a colour, or the value that is not one. */
type ReadColour = { rgba: Rgba } | { unreadable: string } | undefined;

function colour(vars: Vars, name: string): ReadColour {
  if (vars[name] === undefined) return undefined;
  try {
    const value = resolveVars(vars, `var(${name})`);
    const rgba = tryParseColor(value);
    return rgba ? { rgba } : { unreadable: value };
  } catch {
    return { unreadable: vars[name] }; // a var() that is not defined, or a cycle
  }
}

interface Finding {
  what: string;
  ratio: number;
}

/** The text colour with the lowest contrast on `bg`, when it is below AA; colours it cannot read go to `unreadable`. */
function worst(vars: Vars, bg: Rgba, reveal: boolean, unreadable: (what: string, value: string) => void): Finding | undefined {
  let found: Finding | undefined;
  for (const [dm, r, what] of TEXT) {
    const fg = colour(vars, reveal ? r : dm);
    if (fg && 'unreadable' in fg) unreadable(what, fg.unreadable);
    if (!fg || !('rgba' in fg)) continue;
    const ratio = contrast(over(fg.rgba, bg), bg);
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
  const themeLine = deck.metaLines.themeVars ?? deck.metaLines.theme ?? 1;
  // Each unreadable value once, though the heading may take the text's and the slides' palettes read it again.
  const reported = new Set<string>();
  const unreadable = (what: string, value: string): void => {
    if (reported.has(value)) return;
    reported.add(value);
    out.push(
      diagnostic(
        'warning',
        'unreadable-colour',
        `the theme's ${what} colour "${value}" is not a colour deckmark can read: its contrast is not checked`,
        { file: deck.file, line: themeLine },
      ),
    );
  };

  const bgColour = colour(root, reveal ? '--r-background-color' : '--dm-bg');
  if (bgColour && 'unreadable' in bgColour) unreadable('background', bgColour.unreadable);
  const themeBg = bgColour && 'rgba' in bgColour ? bgColour.rgba : undefined;
  if (themeBg) {
    const f = worst(root, themeBg, reveal, unreadable);
    if (f)
      out.push(
        diagnostic(
          'error',
          'contrast',
          `the theme's ${f.what} colour has a contrast of ${ratio(f)} on its background (WCAG AA needs ${AA_RATIO}:1)`,
          { file: deck.file, line: themeLine },
        ),
      );
  }

  const dark = { ...root, ...declaredIn(themeCss, DARK_SLIDE) };
  const light = { ...root, ...declaredIn(themeCss, LIGHT_SLIDE) };
  for (const slide of allSlides(deck)) {
    const written = slide.attributes['data-background-color'];
    if (!written) continue;
    const bg = tryParseColor(written);
    if (!bg) {
      out.push(
        diagnostic(
          'warning',
          'unreadable-colour',
          `data-background-color "${written}" is not a colour deckmark can read: the contrast of the slide's text on it is not checked`,
          { file: deck.file, line: slide.range.start },
        ),
      );
      continue;
    }
    const opaque = over(bg, themeBg ?? { r: 255, g: 255, b: 255, a: 1 });
    const f = worst(isDarkColor(opaque) ? dark : light, opaque, reveal, unreadable);
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
