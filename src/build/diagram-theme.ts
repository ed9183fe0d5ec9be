// A deck theme as Mermaid's `base` theme variables: the --dm-* colours and body font of ordinary
// slides, and of the dark (inverse) ones. Mermaid computes its shades from real colours, so each
// value is resolved (var() followed, transparency painted over the slide) to a hex colour here.
import type { Deck } from '../model/deck.js';
import { declaredIn, isDarkColor, over, parseColor, resolveVars, type Rgba, type Vars } from '../check/contrast.js';
import { collectStyles } from './theme-files.js';

/** What Mermaid is initialised with for one kind of slide. */
export interface MermaidTheme {
  themeVariables: Record<string, string | boolean>;
}

export interface DiagramTheme {
  light: MermaidTheme;
  dark: MermaidTheme;
}

/** The block the themes use to give dark slides their colours (themes/default.css). */
const DARK_SLIDE = /section(:is\([^)]*(\.has-dark-background|\.inverse)[^)]*\)|\.has-dark-background|\.inverse)$/;
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
/** Text on a slide is ~34 px; 24 px in a diagram counts as large text for contrast (3:1 is enough). */
const FONT_SIZE = '24px';

/** `share` of `colour` over `bg`: a tint that the slide's text reads on (the sections of mind maps, timelines, journeys). */
const tint = (colour: string, bg: Rgba, share: number): string => hex(over({ ...parseColor(colour), a: share }, bg));

const hex = ({ r, g, b }: Rgba): string => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** A custom property's value with its var() references followed; undefined when missing or broken. */
function lookup(vars: Vars, name: string): string | undefined {
  try {
    return vars[name] === undefined ? undefined : resolveVars(vars, vars[name]);
  } catch {
    return undefined;
  }
}

function mermaidTheme(vars: Vars, fallbackBg: string): MermaidTheme {
  let bg: Rgba;
  try {
    bg = over(parseColor(lookup(vars, '--dm-bg') ?? lookup(vars, '--r-background-color') ?? fallbackBg), WHITE);
  } catch {
    bg = parseColor(fallbackBg);
  }
  const dark = isDarkColor(bg);
  const colour = (names: string[], fallback: string): string => {
    for (const name of names) {
      const value = lookup(vars, name);
      try {
        if (value !== undefined) return hex(over(parseColor(value), bg));
      } catch {
        // not a colour we read (a gradient…): the next name
      }
    }
    return fallback;
  };
  const fg = colour(['--dm-fg', '--r-main-color'], dark ? '#eeeeee' : '#222222');
  const heading = colour(['--dm-heading', '--r-heading-color'], fg);
  const muted = colour(['--dm-muted'], fg);
  const accent = colour(['--dm-accent', '--r-link-color'], dark ? '#a3bcff' : '#2f4fd8');
  const accentSoft = colour(['--dm-accent-soft'], dark ? '#26365a' : '#eef1fd');
  const accent2 = colour(['--dm-accent-2'], accent);
  const surface = colour(['--dm-surface', '--dm-code-bg'], dark ? '#1a2a44' : '#f4f6fa');
  const border = colour(['--dm-border'], muted);
  const chart = [1, 2, 3, 4, 5, 6].map((n) => colour([`--dm-chart-${n}`], accent));
  const font = lookup(vars, '--dm-font-body') ?? lookup(vars, '--r-main-font') ?? 'sans-serif';
  const scale: Record<string, string> = {};
  for (let i = 0; i < 12; i++) {
    // Mind maps, timelines and journeys colour their sections with these, and draw lines in the label colour.
    scale[`cScale${i}`] = tint(chart[i % chart.length], bg, 0.35);
    scale[`cScaleLabel${i}`] = fg;
    scale[`pie${i + 1}`] = chart[i % chart.length];
  }
  return {
    themeVariables: {
      darkMode: dark,
      background: hex(bg),
      fontFamily: font,
      fontSize: FONT_SIZE,
      primaryColor: accentSoft,
      primaryTextColor: fg,
      primaryBorderColor: accent,
      secondaryColor: surface,
      secondaryTextColor: fg,
      secondaryBorderColor: accent2,
      tertiaryColor: hex(bg),
      tertiaryTextColor: fg,
      tertiaryBorderColor: border,
      mainBkg: accentSoft,
      nodeBorder: accent,
      nodeTextColor: fg,
      textColor: fg,
      titleColor: heading,
      lineColor: muted,
      edgeLabelBackground: hex(bg),
      clusterBkg: surface,
      clusterBorder: border,
      noteBkgColor: surface,
      noteTextColor: fg,
      noteBorderColor: border,
      actorBkg: accentSoft,
      actorBorder: accent,
      actorTextColor: fg,
      actorLineColor: muted,
      signalColor: fg,
      signalTextColor: fg,
      labelBoxBkgColor: surface,
      labelBoxBorderColor: border,
      labelTextColor: fg,
      loopTextColor: fg,
      sequenceNumberColor: hex(bg),
      sectionBkgColor: surface,
      altSectionBkgColor: hex(bg),
      sectionBkgColor2: accentSoft,
      taskBkgColor: accentSoft,
      taskBorderColor: accent,
      taskTextColor: fg,
      taskTextOutsideColor: fg,
      taskTextLightColor: fg,
      taskTextDarkColor: fg,
      activeTaskBkgColor: accent,
      activeTaskBorderColor: accent,
      doneTaskBkgColor: surface,
      doneTaskBorderColor: muted,
      critBkgColor: colour(['--dm-important'], accent),
      critBorderColor: colour(['--dm-important'], accent),
      gridColor: border,
      todayLineColor: colour(['--dm-important'], accent),
      pieTitleTextColor: heading,
      pieSectionTextColor: hex(bg),
      pieLegendTextColor: fg,
      pieStrokeColor: hex(bg),
      pieOuterStrokeColor: border,
      attributeBackgroundColorOdd: hex(bg),
      attributeBackgroundColorEven: surface,
      ...scale,
    },
  };
}

/** Mermaid's theme for a deck's theme CSS (its text) and the deck's own `themeVars`. */
export function diagramThemeOf(themeCss: string, themeVars: Record<string, string>): DiagramTheme {
  const root: Vars = { ...declaredIn(themeCss, /^:root$/), ...declaredIn(themeCss, /^\.reveal-viewport$/) };
  for (const [key, value] of Object.entries(themeVars)) root[`--dm-${key}`] = value;
  const darkVars: Vars = { ...root, ...declaredIn(themeCss, DARK_SLIDE) };
  // A theme without inverse colours (reveal.js's own): dark slides keep light text on a dark blue.
  if (!('--dm-inverse-bg' in root)) Object.assign(darkVars, { '--dm-bg': '#1d2433', '--dm-fg': '#eeeeee', '--dm-heading': '#ffffff' });
  return { light: mermaidTheme(root, '#ffffff'), dark: mermaidTheme(darkVars, '#0f1d33') };
}

/** The Mermaid theme of a parsed deck: its theme's CSS as the build will ship it. */
export function deckDiagramTheme(deck: Deck, deckFile: string): DiagramTheme {
  const css = collectStyles(deck, deckFile, false).files.get('assets/theme.css');
  return diagramThemeOf(typeof css === 'string' ? css : '', deck.meta.themeVars);
}
