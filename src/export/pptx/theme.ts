// The deck's theme as PowerPoint needs it: the colours of light and dark (inverse) slides, the
// font names and sizes, read from the theme's CSS custom properties (--dm-*, or reveal.js's --r-*
// for `reveal:` themes) with the deck's `themeVars` on top.
import type { Deck } from '../../model/deck.js';
import { declaredIn, isDarkColor, over, parseColor, resolveVars, type Rgba, type Vars } from '../../check/contrast.js';

/** Colours as PowerPoint writes them: six hex digits, no `#`. */
export interface Palette {
  bg: string;
  fg: string;
  heading: string;
  muted: string;
  link: string;
  accent: string;
  accentFg: string;
  accentSoft: string;
  accent2: string;
  surface: string;
  border: string;
  codeBg: string;
  codeFg: string;
  tip: string;
  warning: string;
  important: string;
  /** Which of shiki's two colours a code token takes. */
  code: 'light' | 'dark';
  /** The theme's custom properties on this kind of slide, for SVG that paints with `var(--dm-…)`. */
  vars: Vars;
}

export interface PptxTheme {
  light: Palette;
  dark: Palette;
  fonts: { body: string; heading: string; quote: string; mono: string };
  /** Body text in CSS pixels, and the other sizes as multiples of it. */
  fontSize: number;
  h1: number;
  h2: number;
  h3: number;
  code: number;
  small: number;
  layoutText: number;
  padX: number;
  padY: number;
}

/** Families CSS knows but an office suite does not: skipped for the first real name. */
const GENERIC = new Set([
  'system-ui',
  '-apple-system',
  'ui-monospace',
  'ui-sans-serif',
  'ui-serif',
  'sans-serif',
  'serif',
  'monospace',
  'cursive',
]);

/** The first named family of a CSS font list (`"Source Sans 3", system-ui, …` → `Source Sans 3`). */
function firstFamily(list: string, fallback: string): string {
  for (const part of list.split(',')) {
    const name = part.trim().replace(/^["']|["']$/g, '');
    if (name && !GENERIC.has(name.toLowerCase()) && !/^blinkmacsystemfont$/i.test(name)) return name;
  }
  return fallback;
}

function hex({ r, g, b }: Rgba): string {
  return [r, g, b]
    .map((c) => Math.round(c).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

const DARK_SLIDE = /section(:is\([^)]*(\.has-dark-background|\.inverse)[^)]*\)|\.has-dark-background|\.inverse)$/;
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

function value(vars: Vars, names: string[]): string | undefined {
  for (const name of names) {
    try {
      if (vars[name] !== undefined) return resolveVars(vars, vars[name]);
    } catch {
      // an undefined reference: try the next name
    }
  }
  return undefined;
}

function colourOf(vars: Vars, names: string[], below: Rgba, fallback: string): string {
  const v = value(vars, names);
  try {
    return hex(over(parseColor(v ?? fallback), below));
  } catch {
    return hex(over(parseColor(fallback), below));
  }
}

function palette(vars: Vars, code: 'light' | 'dark', fallbackBg: string): Palette {
  let bgRgba: Rgba;
  try {
    bgRgba = over(parseColor(value(vars, ['--dm-bg', '--r-background-color']) ?? fallbackBg), WHITE);
  } catch {
    bgRgba = parseColor(fallbackBg);
  }
  const dark = isDarkColor(bgRgba);
  const fg = dark ? '#eeeeee' : '#222222';
  const c = (names: string[], fallback: string): string => colourOf(vars, names, bgRgba, fallback);
  const accent = c(['--dm-accent', '--r-link-color'], dark ? '#a3bcff' : '#2f4fd8');
  return {
    bg: hex(bgRgba),
    fg: c(['--dm-fg', '--r-main-color'], fg),
    heading: c(['--dm-heading', '--r-heading-color', '--r-main-color'], fg),
    muted: c(['--dm-muted'], dark ? '#b4bfd0' : '#5a6478'),
    link: c(['--dm-link', '--r-link-color'], `#${accent}`),
    accent,
    accentFg: c(['--dm-accent-fg'], dark ? '#0f1d33' : '#ffffff'),
    accentSoft: c(['--dm-accent-soft'], dark ? '#26365a' : '#eef1fd'),
    accent2: c(['--dm-accent-2'], dark ? '#5fd4c4' : '#0f766e'),
    surface: c(['--dm-surface'], dark ? '#1a2a44' : '#f4f6fa'),
    border: c(['--dm-border'], dark ? '#4a5a74' : '#dde2ea'),
    codeBg: c(['--dm-code-bg', '--r-code-background'], dark ? '#0a1628' : '#f4f6fa'),
    codeFg: c(['--dm-code-fg', '--dm-fg', '--r-main-color'], fg),
    tip: c(['--dm-tip'], dark ? '#6fdc8c' : '#146c2e'),
    warning: c(['--dm-warning'], dark ? '#f6c05a' : '#9a4a00'),
    important: c(['--dm-important'], dark ? '#ff9b91' : '#b3261e'),
    code,
    vars,
  };
}

/** A length in em of the base size (`1.45em`), else the fallback. */
function em(vars: Vars, name: string, fallback: number): number {
  const m = /^([\d.]+)em$/.exec(value(vars, [name]) ?? '');
  return m ? Number(m[1]) : fallback;
}

function px(vars: Vars, names: string[], fallback: number): number {
  const m = /^([\d.]+)px$/.exec(value(vars, names) ?? '');
  return m ? Number(m[1]) : fallback;
}

/** Reads the theme from its CSS text (the built deck's `assets/theme.css`). */
export function readTheme(deck: Deck, themeCss: string): PptxTheme {
  const root: Vars = { ...declaredIn(themeCss, /^:root$/), ...declaredIn(themeCss, /^\.reveal-viewport$/) };
  for (const [k, v] of Object.entries(deck.meta.themeVars)) root[`--dm-${k}`] = v;
  const darkVars: Vars = { ...root, ...declaredIn(themeCss, DARK_SLIDE) };
  // A deck theme without inverse colours (reveal's own): dark slides keep the text light.
  if (!('--dm-inverse-bg' in root)) Object.assign(darkVars, { '--dm-bg': '#1d2433', '--dm-fg': '#eeeeee', '--dm-heading': '#ffffff' });
  // Themes whose code uses shiki's dark colours say so in a rule on the token spans.
  const codeLight = /color:\s*var\(--shiki-dark\)/.test(themeCss.split('has-dark-background')[0]) ? 'dark' : 'light';
  const light = palette(root, codeLight, '#ffffff');
  const fonts = {
    body: firstFamily(value(root, ['--dm-font-body', '--r-main-font']) ?? '', 'Arial'),
    heading: firstFamily(value(root, ['--dm-font-heading', '--r-heading-font', '--dm-font-body']) ?? '', 'Arial'),
    quote: firstFamily(value(root, ['--dm-font-quote', '--dm-font-body', '--r-main-font']) ?? '', 'Georgia'),
    mono: firstFamily(value(root, ['--dm-font-mono', '--r-code-font']) ?? '', 'Courier New'),
  };
  return {
    light,
    dark: palette(darkVars, 'dark', '#0f1d33'),
    fonts,
    fontSize: px(root, ['--dm-font-size', '--r-main-font-size'], 34),
    h1: em(root, '--dm-h1-size', 2.2),
    h2: em(root, '--dm-h2-size', 1.45),
    h3: em(root, '--dm-h3-size', 1.12),
    code: em(root, '--dm-code-size', 0.58),
    small: em(root, '--dm-small-size', 0.62),
    layoutText: em(root, '--dm-layout-text-size', 0.78),
    padX: px(root, ['--dm-slide-padding-x'], 72),
    padY: px(root, ['--dm-slide-padding-y'], 36),
  };
}

/** CSS text with each `var(--x)` the palette's theme defines replaced by its value (charts' SVG). */
export function resolveCssVars(text: string, palette: Palette): string {
  return text.replace(/var\(\s*--[\w-]+\s*(?:,[^()]*)?\)/g, (ref) => {
    try {
      return resolveVars(palette.vars, ref);
    } catch {
      return ref;
    }
  });
}

/** The palette of a slide: dark for `inverse` and dark background colours, as the theme's CSS does. */
export function slidePalette(theme: PptxTheme, attributes: Record<string, string>): Palette {
  const classes = (attributes.class ?? '').split(/\s+/);
  const bg = attributes['data-background-color'];
  let dark = classes.includes('inverse');
  let bgHex: string | undefined;
  if (bg) {
    try {
      const rgba = over(parseColor(bg), parseColor(`#${theme.light.bg}`));
      dark = isDarkColor(rgba);
      bgHex = hex(rgba);
    } catch {
      // a gradient or image: the theme's colours
    }
  }
  const base = dark ? theme.dark : theme.light;
  return bgHex ? { ...base, bg: bgHex } : base;
}

/** default.css's chart colours, for a theme (reveal's own) that names none. */
const CHART_FALLBACKS = ['#2f4fd8', '#c2410c', '#0f766e', '#a21caf', '#4d7c0f', '#5b6472'];

/** The theme's six chart colours on this kind of slide (`--dm-chart-1` … `-6`), as the chart SVG paints them. */
export function chartColours(palette: Palette): string[] {
  const below = parseColor(`#${palette.bg}`);
  return CHART_FALLBACKS.map((fallback, k) => colourOf(palette.vars, [`--dm-chart-${k + 1}`], below, fallback));
}
