// Known channels of `::: channels`: their names (in English and Norwegian), colour and icon,
// inlined as SVG so a deck carries them offline, in one file and in its PDF.
import { BRAND_PATHS } from './brand-paths.js';

export interface Channel {
  id: string;
  /** Lower-case names a card heading may use (`Twitter`, `X/Twitter`, `e-post`, …). */
  aliases: string[];
  /** The brand colour (badge background); undefined for generic channels, which take the theme's accent. */
  color?: string;
  /** The icon colour on `color`, at least 3:1 against it (WCAG 1.4.11, graphics). */
  fg?: string;
  /** The SVG's inner markup, on a 24×24 viewBox. */
  svg: string;
  /** Filled brand marks or stroked generic pictograms. */
  style: 'fill' | 'stroke';
}

const brand = (id: string, aliases: string[], color: string, fg = '#ffffff'): Channel => ({
  id,
  aliases,
  color,
  fg,
  svg: `<path d="${BRAND_PATHS[id]}"/>`,
  style: 'fill',
});

const generic = (id: string, aliases: string[], svg: string): Channel => ({ id, aliases, svg, style: 'stroke' });

export const CHANNELS: Channel[] = [
  brand('facebook', ['facebook', 'fb'], '#0866FF'),
  brand('x', ['x', 'twitter', 'x/twitter', 'x (twitter)', 'twitter/x'], '#000000'),
  brand('youtube', ['youtube'], '#FF0000'),
  // LinkedIn is not in simple-icons (removed at the brand's request): a plain "in" drawn here.
  {
    id: 'linkedin',
    aliases: ['linkedin'],
    color: '#0A66C2',
    fg: '#ffffff',
    svg:
      '<circle cx="5.6" cy="4.9" r="2.3"/><path d="M3.7 8.6h3.8V21H3.7z"/>' +
      '<path d="M9.9 8.6h3.6v1.7c.6-1.1 2-2 3.9-2 3.4 0 4.6 2.2 4.6 5.6V21h-3.8v-6.1c0-1.6-.4-2.8-2-2.8-1.7 0-2.5 1.2-2.5 3V21H9.9z"/>',
    style: 'fill',
  },
  brand('instagram', ['instagram', 'insta'], '#FF0069'),
  brand('tiktok', ['tiktok', 'tik tok'], '#000000'),
  brand('flickr', ['flickr', 'flikr'], '#0063DC'),
  brand('vimeo', ['vimeo'], '#1AB7EA', '#000000'),
  brand('snapchat', ['snapchat'], '#FFFC00', '#000000'),
  brand('pinterest', ['pinterest'], '#BD081C'),
  brand('threads', ['threads'], '#000000'),
  brand('mastodon', ['mastodon'], '#6364FF'),
  brand('bluesky', ['bluesky'], '#1185FE'),
  brand('github', ['github'], '#181717'),
  brand('rss', ['rss', 'rss-feed', 'rss feed', 'nyhetsfeed'], '#FFA500', '#000000'),
  generic(
    'blog',
    ['blog', 'blogg', 'bloggen', 'weblog', 'blogs', 'blogger'],
    '<path d="M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z"/><path d="M14 3v6h6"/><path d="M8 13h8M8 17h5"/>',
  ),
  generic(
    'newsletter',
    ['newsletter', 'nyhetsbrev', 'nyhetsbrevet', 'nyheitsbrev', 'nyheitsbrevet', 'newsletters'],
    '<path d="M4 5h12v14H6a2 2 0 0 1-2-2z"/><path d="M16 9h4v8a2 2 0 0 1-2 2h-2"/><path d="M7 9h6M7 12.5h6M7 16h4"/>',
  ),
  generic(
    'email',
    ['e-mail', 'email', 'e-post', 'epost', 'mail'],
    '<rect x="2.5" y="4.5" width="19" height="15" rx="2"/><path d="m3 6.5 9 6.5 9-6.5"/>',
  ),
  generic(
    'phone',
    ['phone', 'telephone', 'telefon', 'mobil', 'mobile', 'sms'],
    '<rect x="6.5" y="2.5" width="11" height="19" rx="2"/><path d="M11 18h2"/>',
  ),
  generic(
    'web',
    [
      'web',
      'website',
      'web site',
      'homepage',
      'nettside',
      'nettsiden',
      'nettsida',
      'nettsider',
      'nettsted',
      'nettstedet',
      'hjemmeside',
      'hjemmesiden',
      'heimeside',
      'heimesida',
      'nett',
      'www',
    ],
    '<circle cx="12" cy="12" r="9.5"/><path d="M2.5 12h19"/><path d="M12 2.5c2.6 2.7 3.9 5.9 3.9 9.5s-1.3 6.8-3.9 9.5c-2.6-2.7-3.9-5.9-3.9-9.5S9.4 5.2 12 2.5z"/>',
  ),
];

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Every alias as a whole-word pattern, longest first, so `x/twitter` wins over `x`. */
const ALIASES = CHANNELS.flatMap((channel) => channel.aliases.map((alias) => ({ alias, channel })))
  .sort((a, b) => b.alias.length - a.alias.length)
  .map(({ alias, channel }) => ({ pattern: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(alias)}(?=$|[^\\p{L}\\p{N}])`, 'u'), channel }));

/**
 * The channel a card heading names: the alias that appears earliest as a whole word
 * (`Facebook-siden`, `Twitter (X)`, `Blogg og nyhetsbrev` → blog); undefined for unknown ones.
 */
export function findChannel(heading: string): Channel | undefined {
  const text = heading.toLowerCase();
  let best: { at: number; channel: Channel } | undefined;
  for (const { pattern, channel } of ALIASES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const at = m.index + m[1].length;
    if (!best || at < best.at) best = { at, channel };
  }
  return best?.channel;
}

/** The channel's icon as inline SVG (decorative: the heading names the channel). */
export function channelIconSvg(channel: Channel): string {
  const paint =
    channel.style === 'fill'
      ? 'fill="currentColor"'
      : 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
  return `<svg class="dm-icon" viewBox="0 0 24 24" width="24" height="24" ${paint} aria-hidden="true" focusable="false">${channel.svg}</svg>`;
}
