// `::: channels`: a card per channel (`### Facebook`, `### X/Twitter`, `### Nyhetsbrev` …).
// Known channels get their icon (inline SVG, shipped with the deck) and colour; others a
// neutral card.
import type { MarkdownIt, StateCore } from 'markdown-it';
import { channelIconSvg, findChannel } from '../../channel-icons/channels.js';
import { cardGridTransform } from './card-grid.js';
import { layoutRule } from './layout-tokens.js';

function decorate(state: StateCore, title: string) {
  const channel = findChannel(title);
  if (!channel) return { attrs: { class: 'dm-channel' } };
  const icon = new state.Token('html_inline', '', 0);
  icon.content = `<span class="dm-channel-icon">${channelIconSvg(channel)}</span>`;
  const attrs: Record<string, string> = { class: 'dm-channel', 'data-channel': channel.id };
  if (channel.color) attrs.style = `--dm-channel:${channel.color};--dm-channel-fg:${channel.fg ?? '#ffffff'}`;
  return { attrs, icon };
}

export function channelsLayoutPlugin(md: MarkdownIt): void {
  md.core.ruler.push(
    'deckmark_layout_channels',
    layoutRule('channels', (name) => name === 'channels', cardGridTransform({ noun: 'channel', decorate })),
  );
}
