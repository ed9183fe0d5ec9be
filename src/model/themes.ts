// The names of the themes deckmark ships, of reveal.js's own (usable as `reveal:NAME`), and of the
// code palettes reveal-md's `highlightTheme` may name.

export const BUILTIN_THEMES = ['default', 'dark', 'corporate', 'contrast'] as const;

export const REVEAL_THEMES = [
  'beige',
  'black',
  'black-contrast',
  'blood',
  'dracula',
  'league',
  'moon',
  'night',
  'serif',
  'simple',
  'sky',
  'solarized',
  'white',
  'white-contrast',
] as const;

export const DEFAULT_THEME = 'default';

/**
 * reveal-md's `highlightTheme` (a highlight.js style) → the closest shiki theme deckmark
 * highlights with. Names not listed fall back by their words (dark, night, black → github-dark;
 * light → github-light), or keep the deck theme's code colours with a warning.
 */
export const HIGHLIGHT_THEMES: Readonly<Record<string, string>> = {
  monokai: 'monokai',
  'monokai-sublime': 'monokai',
  zenburn: 'everforest-dark',
  github: 'github-light',
  'github-dark': 'github-dark',
  'github-dark-dimmed': 'github-dark-dimmed',
  default: 'github-light',
  'atom-one-dark': 'one-dark-pro',
  'atom-one-dark-reasonable': 'one-dark-pro',
  'atom-one-light': 'one-light',
  vs: 'light-plus',
  xcode: 'light-plus',
  idea: 'light-plus',
  vs2015: 'dark-plus',
  androidstudio: 'dark-plus',
  dracula: 'dracula',
  nord: 'nord',
  'night-owl': 'night-owl',
  'solarized-dark': 'solarized-dark',
  'solarized-light': 'solarized-light',
  'tomorrow-night': 'tokyo-night',
  'tomorrow-night-blue': 'tokyo-night',
  'tomorrow-night-bright': 'tokyo-night',
  'tokyo-night-dark': 'tokyo-night',
  'tokyo-night-light': 'one-light',
  'gruvbox-dark': 'gruvbox-dark-medium',
  'gruvbox-light': 'gruvbox-light-medium',
  'a11y-dark': 'github-dark-high-contrast',
  'a11y-light': 'github-light-high-contrast',
  'stackoverflow-dark': 'github-dark',
  'stackoverflow-light': 'github-light',
  'shades-of-purple': 'synthwave-84',
  'panda-syntax-dark': 'dracula',
  obsidian: 'material-theme-darker',
  agate: 'min-dark',
  'ir-black': 'vitesse-black',
  railscasts: 'monokai',
};

/** The code palette of a deck on one of reveal.js's themes (which colour no code): reveal.js's own, monokai. */
export const REVEAL_CODE_THEME = 'monokai';
