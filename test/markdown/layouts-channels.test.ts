// The channels `::: channels` knows: names in English and Norwegian, inside longer headings.
import { describe, expect, it } from 'vitest';
import { CHANNELS, channelIconSvg, findChannel } from '../../src/markdown/channel-icons/channels.js';

describe('findChannel', () => {
  it.each([
    ['Facebook', 'facebook'],
    ['X/Twitter', 'x'],
    ['Twitter (X)', 'x'],
    ['X', 'x'],
    ['YouTube-kanalen', 'youtube'],
    ['LinkedIn', 'linkedin'],
    ['Instagram', 'instagram'],
    ['TikTok', 'tiktok'],
    ['Flickr', 'flickr'],
    ['Blogg', 'blog'],
    ['RSS-feed', 'rss'],
    ['Nyhetsbrev', 'newsletter'],
    ['E-post', 'email'],
    ['Telefon', 'phone'],
    ['Nettsiden', 'web'],
    ['Bloggen vår', 'blog'],
    ['Nettside', 'web'],
    ['Blogg og nyhetsbrev', 'blog'],
    ['Intranett', undefined],
    ['Xbox', undefined],
  ])('%s → %s', (heading, id) => {
    expect(findChannel(heading)?.id).toBe(id);
  });

  it('has an icon for every channel, decorative and self-contained', () => {
    for (const channel of CHANNELS) {
      const svg = channelIconSvg(channel);
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 24 24"[^>]*aria-hidden="true"/);
      expect(svg).not.toMatch(/<title|href=|url\(/);
    }
  });

  it('lists no alias twice', () => {
    const aliases = CHANNELS.flatMap((c) => c.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
  });
});
