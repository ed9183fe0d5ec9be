// The names of the themes deckmark ships, and of reveal.js's own, usable as `reveal:NAME`.

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
