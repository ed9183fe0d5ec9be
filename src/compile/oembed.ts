// The deck's oEmbed response (https://oembed.com, type "rich"), written as `oembed.json` beside
// the deck, and the names of the files its discovery link and social cards point at. Pure.
import { escapeHtml } from '../markdown/html.js';
import { deckFileUrl, embedViewUrl, readingViewUrl } from './embed-snippet.js';
import { uiStrings } from './ui-strings.js';

/** The title-slide image `build` makes for social cards and the gallery. */
export const OG_IMAGE = { file: 'og-image.png', width: 1200, height: 630 } as const;
export const OEMBED_FILE = 'oembed.json';
const PROVIDER_NAME = 'deckmark';
/** The width the oEmbed `html` is offered at; the height follows the deck's ratio. */
const OEMBED_WIDTH = 800;

export interface OEmbedInput {
  title: string;
  author?: string;
  /** The deck's public URL; without it the iframe points at `index.html?embed` relative to the JSON. */
  url?: string;
  width: number;
  height: number;
  /** The deck has its title-slide image. */
  hasImage?: boolean;
  /** Picks the "Text version" wording. @defaultValue 'en' */
  lang?: string;
}

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name?: string;
  provider_name: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/** A file beside the deck: absolute under the deck's URL when it is known, else relative. */
export function deckFileHref(url: string | undefined, file: string): string {
  return url ? deckFileUrl(url, file) : encodeURIComponent(file);
}

/**
 * The oEmbed `html`, made only of what WordPress keeps of a provider it does not know
 * (`wp_filter_oembed_result`: a `blockquote` with links, an `iframe` with `src width height
 * frameborder scrolling title`). The blockquote is the fallback WordPress shows until the
 * deck's embed view answers its embed protocol: the deck and its text version (the reading view); `width="100%"` spans the column, and the
 * embed view asks for the height that gives the deck its ratio.
 */
function renderOEmbedHtml(url: string, title: string, height: number, textVersion: { href: string; label: string }): string {
  return (
    `<blockquote><a href="${escapeHtml(url)}">${escapeHtml(title)}</a> · <a href="${escapeHtml(textVersion.href)}">${escapeHtml(textVersion.label)}</a></blockquote>` +
    `<iframe src="${escapeHtml(embedViewUrl(url))}" width="100%" height="${height}" title="${escapeHtml(title)}" ` +
    `frameborder="0" scrolling="no"></iframe>`
  );
}

export function renderOEmbed(input: OEmbedInput): OEmbedRich {
  const height = Math.round((OEMBED_WIDTH * input.height) / input.width);
  const result: OEmbedRich = {
    version: '1.0',
    type: 'rich',
    title: input.title,
    ...(input.author ? { author_name: input.author } : {}),
    provider_name: PROVIDER_NAME,
    html: renderOEmbedHtml(input.url ?? 'index.html', input.title, height, {
      href: input.url ? readingViewUrl(input.url) : 'read/',
      label: uiStrings(input.lang ?? 'en').textVersion,
    }),
    width: OEMBED_WIDTH,
    height,
  };
  if (input.hasImage) {
    result.thumbnail_url = deckFileHref(input.url, OG_IMAGE.file);
    result.thumbnail_width = OG_IMAGE.width;
    result.thumbnail_height = OG_IMAGE.height;
  }
  return result;
}
