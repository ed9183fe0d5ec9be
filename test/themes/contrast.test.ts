// WCAG contrast of every built-in theme: each text colour on each background it is used on,
// computed from the theme's own custom properties (its `:root`, with `@import "default.css"`
// resolved, and the blocks that re-define them for dark and light slides), plus shiki's code
// palette the theme picks and the channel icons on their brand colours.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, declaredIn, over, parseColor, resolveVars as resolve, type Rgba, type Vars } from '../../src/check/contrast.js';
import { CHANNELS } from '../../src/markdown/channel-icons/channels.js';
import { BUILTIN_THEMES } from '../../src/model/themes.js';
import { REPO } from '../helpers/cli.js';

const THEMES = path.join(REPO, 'themes');

/** The theme's CSS with its `@import "x.css";` of other themes inlined, comments removed. */
export function themeCss(name: string): string {
  const css = readFileSync(path.join(THEMES, `${name}.css`), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return css.replace(/@import\s+["']([\w-]+)\.css["']\s*;/g, (_, other: string) => themeCss(other));
}

/** Where text sits: the background, and the boxes drawn on it. */
type Background = 'bg' | 'surface' | 'code-bg' | 'accent-soft' | 'accent';

/** Text colours and the backgrounds each is set on (see default.css). */
const TEXT_ON: Array<[string, Background[]]> = [
  ['fg', ['bg', 'surface', 'accent-soft']],
  ['heading', ['bg', 'surface', 'accent-soft']],
  ['muted', ['bg', 'surface', 'code-bg']], // captions, sources, line numbers
  ['link', ['bg', 'surface']],
  ['accent', ['bg', 'surface', 'code-bg']], // labels, list markers, highlighted line numbers
  ['code-fg', ['code-bg']],
  ['accent-fg', ['accent']], // goal numbers, selection
];

/** Colours that mark things without being text: WCAG 1.4.11 asks 3:1. */
const GRAPHICS_ON: Array<[string, string]> = [
  ['accent-2', 'surface'],
  ['tip', 'surface'],
  ['warning', 'surface'],
  ['important', 'surface'],
  // The series of a chart (::: chart), drawn on the slide; each also labelled with its value.
  ...[1, 2, 3, 4, 5, 6].map((n): [string, string] => [`chart-${n}`, 'bg']),
];

/** The colours of a slide: the theme's, or those a dark/light slide re-defines, resolved. */
function palette(vars: Vars): Record<string, Rgba> {
  const colour = (name: string): Rgba => parseColor(resolve(vars, `var(--dm-${name})`));
  const bg = colour('bg');
  const out: Record<string, Rgba> = { bg };
  for (const name of ['surface', 'code-bg', 'accent-soft', 'accent']) out[name] = over(colour(name), bg);
  for (const [name] of [...TEXT_ON, ...GRAPHICS_ON]) out[name] ??= colour(name);
  return out;
}

/** Shiki's token colours (those drawn on the code background, not on a background of their own). */
async function shikiColours(palette: 'light' | 'dark'): Promise<string[]> {
  const theme = (await import(`@shikijs/themes/github-${palette}-high-contrast`)).default as {
    colors: Record<string, string>;
    tokenColors: Array<{ settings: { foreground?: string; background?: string } }>;
  };
  const fg = theme.tokenColors.filter((t) => t.settings.foreground && !t.settings.background).map((t) => t.settings.foreground!);
  return [...new Set([theme.colors['editor.foreground'], ...fg])];
}

/** The palette a rule `… pre code span { color: var(--shiki-X) }` picks, the last such rule winning. */
function codePalette(css: string, selector: RegExp): 'light' | 'dark' | undefined {
  let found: 'light' | 'dark' | undefined;
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const pick = /(?:^|;|\s)color:\s*var\(--shiki-(light|dark)\)/.exec(m[2]);
    // Selectors of a list, split on the commas outside :is(…).
    const selectors = m[1].split(/,(?![^()]*\))/).map((s) => s.trim());
    if (pick && selectors.some((s) => selector.test(s))) found = pick[1] as 'light' | 'dark';
  }
  return found;
}

const DEFAULT_VARS = declaredIn(themeCss('default'), /^:root$/);

describe.each(BUILTIN_THEMES.map((t) => [t]))('theme %s', (theme) => {
  const css = themeCss(theme);
  const root = declaredIn(css, /^:root$/);
  // The high-contrast theme promises AAA.
  const min = theme === 'contrast' ? 7 : 4.5;

  /** The slides a theme styles: its own, dark ("inverse") ones, and light ones where it re-defines them. */
  const contexts: Array<{ name: string; vars: Vars; code: 'light' | 'dark' | undefined }> = [
    { name: 'slide', vars: root, code: codePalette(css, /^\.reveal pre code span$/) },
    {
      name: 'inverse slide',
      vars: { ...root, ...declaredIn(css, /section:is\(\.has-dark-background, \.inverse\)$/) },
      code: codePalette(css, /section:is\(\.has-dark-background, \.inverse\) pre code span$/),
    },
  ];
  const light = declaredIn(css, /section\.has-light-background$/);
  if (Object.keys(light).length) {
    contexts.push({
      name: 'light slide',
      vars: { ...root, ...light },
      code: codePalette(css, /section\.has-light-background pre code span$/),
    });
  }

  it('uses the shared --dm-* properties and defines them all', () => {
    expect(Object.keys(root).filter((k) => k.startsWith('--dm-') && !(k in DEFAULT_VARS))).toEqual([]);
    for (const name of Object.keys(DEFAULT_VARS)) expect(() => resolve(root, `var(${name})`), name).not.toThrow();
  });

  it.each(contexts.map((c) => [c.name, c] as const))(`every text colour meets ${min}:1 on its backgrounds (%s)`, (_name, context) => {
    const colours = palette(context.vars);
    const failures: string[] = [];
    for (const [text, backgrounds] of TEXT_ON) {
      for (const bg of backgrounds) {
        const ratio = contrast(colours[text], colours[bg]);
        if (ratio < min) failures.push(`--dm-${text} on --dm-${bg}: ${ratio.toFixed(2)}:1`);
      }
    }
    for (const [mark, bg] of GRAPHICS_ON) {
      const ratio = contrast(colours[mark], colours[bg]);
      if (ratio < 3) failures.push(`--dm-${mark} on --dm-${bg}: ${ratio.toFixed(2)}:1 (graphics, 3:1)`);
    }
    expect(failures).toEqual([]);
  });

  it.each(contexts.map((c) => [c.name, c] as const))('every code token meets 4.5:1 on the code background (%s)', async (_name, context) => {
    expect(context.code, 'the theme picks a shiki palette here').toBeDefined();
    const codeBg = palette(context.vars)['code-bg'];
    const failures: string[] = [];
    for (const token of await shikiColours(context.code!)) {
      const ratio = contrast(parseColor(token), codeBg);
      if (ratio < 4.5) failures.push(`${context.code} ${token}: ${ratio.toFixed(2)}:1`);
    }
    expect(failures).toEqual([]);
  });
});

describe('channel icons', () => {
  it.each(CHANNELS.filter((c) => c.color).map((c) => [c.id, c] as const))(
    '%s: the icon stands out from its badge (3:1)',
    (_id, channel) => {
      expect(contrast(parseColor(channel.fg!), parseColor(channel.color!))).toBeGreaterThanOrEqual(3);
    },
  );
});
