// WCAG colour contrast and a theme's custom properties read from its CSS text: shared by the
// `contrast` rule and the built-in themes' test. Pure: the caller reads the CSS.
import { clampRgb, converter, parse } from 'culori';

export type Vars = Record<string, string>;

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** The custom properties declared in every block whose selector matches, later ones winning. */
export function declaredIn(css: string, selector: RegExp): Vars {
  const vars: Vars = {};
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selector.test(m[1].trim())) continue;
    for (const d of m[2].matchAll(/(--[\w-]+)\s*:\s*([^;]+);?/g)) vars[d[1]] = d[2].trim();
  }
  return vars;
}

/** A value with its `var(--x, fallback)` references replaced; throws on an undefined one or a cycle. */
export function resolveVars(vars: Vars, value: string, depth = 0): string {
  if (depth > 20) throw new Error(`var() cycle in ${value}`);
  const out = value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => {
    const v = vars[name] ?? fallback;
    if (v === undefined) throw new Error(`${name} is not defined`);
    return v;
  });
  return out.includes('var(') ? resolveVars(vars, out, depth + 1) : out;
}

const toRgb = converter('rgb');

/** Parses any CSS colour (every named colour, `#rgb[a]`, `rgb()`, `hsl()`, `hwb()`, `lab()`, `oklch()`, `color()` …) into sRGB; throws on anything else. */
export function parseColor(value: string): Rgba {
  const parsed = parse(value.trim());
  if (!parsed) throw new Error(`not a colour: ${value}`);
  // Wider-gamut colours are clipped to what an sRGB screen shows.
  const { r, g, b, alpha } = clampRgb(toRgb(parsed));
  return { r: r * 255, g: g * 255, b: b * 255, a: alpha ?? 1 };
}

/** parseColor, or undefined for what it cannot read. */
export function tryParseColor(value: string): Rgba | undefined {
  try {
    return parseColor(value);
  } catch {
    return undefined;
  }
}

/** A colour with alpha painted over an opaque one. */
export function over(top: Rgba, below: Rgba): Rgba {
  const mix = (t: number, b: number): number => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, below.r), g: mix(top.g, below.g), b: mix(top.b, below.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number): number => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** reveal.js's test for a slide background: dark ones get `has-dark-background`. */
export function isDarkColor({ r, g, b }: Rgba): boolean {
  return (r * 299 + g * 587 + b * 114) / 1000 < 128;
}
