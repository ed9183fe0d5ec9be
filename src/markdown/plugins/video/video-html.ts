// The HTML of a video on a slide: a 16:9 box holding the player (a lazy iframe or a <video>)
// over its still, which print and PDF show instead: poster or placeholder, link and QR code;
// and, for the reading view, the player as its link.
import type { VideoRef } from '../../../model/deck.js';
import { escapeHtml, renderAttributes } from '../../html.js';
import { qrSvg } from './qr-svg.js';
import { hasScheme } from '../../urls.js';

/** Words a video's player and still show, in the deck's language (compile's UI strings). */
export interface VideoText {
  /** Before the printed link: "Watch the video". */
  watch: string;
  /** A film's title when it has none: "Video on {provider}". */
  videoOn: string;
  /** What a video file is called on its still: "Video file". */
  file: string;
  /** The QR code's accessible name: "QR code". */
  qrCode: string;
}

/** A type, not an interface: it is kept as the video token's `meta`, a `Record<string, unknown>`. */
export type VideoHtmlInput = {
  video: VideoRef;
  /** The poster's URL in the built deck, when it has one that resolved. */
  posterSrc?: string;
  /** Further attributes of the `<figure>` (class, id, data-*), from `{…}` on the paragraph. */
  attributes: Record<string, string>;
  text: VideoText;
};

const PROVIDER_NAMES: Record<'youtube' | 'vimeo', string> = { youtube: 'YouTube', vimeo: 'Vimeo' };

const PLAY_ICON =
  '<svg class="dm-video-play" viewBox="0 0 64 64" aria-hidden="true"><circle cx="32" cy="32" r="30"/><path d="M26 19.5v25l20-12.5z"/></svg>';

/** "YouTube", "Vimeo", or the deck's word for a video file. */
export function providerLabel(provider: VideoRef['provider'], text: VideoText): string {
  return provider === 'file' ? text.file : PROVIDER_NAMES[provider];
}

/** What a file is called on its still: its name, without the folders and the hash. */
function fileLabel(video: VideoRef): string {
  return video.id.split(/[?#]/)[0].split('/').pop() ?? video.id;
}

function renderStill(input: VideoHtmlInput): string {
  const { video, posterSrc, text } = input;
  const provider = providerLabel(video.provider, text);
  // "Video on YouTube" already names the provider; a file still names its file.
  const untitled = video.title === text.videoOn.replace('{provider}', provider);
  const byline = video.provider === 'file' ? `${provider} · ${fileLabel(video)}` : untitled ? '' : provider;
  const face = posterSrc
    ? `<img class="dm-video-poster" src="${escapeHtml(posterSrc)}" alt="">${PLAY_ICON}`
    : `<div class="dm-video-placeholder">${PLAY_ICON}<span class="dm-video-title">${escapeHtml(video.title)}</span>` +
      `${byline ? `<span class="dm-video-provider">${escapeHtml(byline)}</span>` : ''}</div>`;
  const link = video.url
    ? `<div class="dm-video-link">${qrSvg(video.url, `${text.qrCode}: ${video.url}`)}` +
      `<p><span class="dm-video-watch">${escapeHtml(text.watch)}</span> <a href="${escapeHtml(video.url)}">${escapeHtml(video.url)}</a></p></div>`
    : '';
  return `<div class="dm-video-still">${face}${link}</div>`;
}

function renderPlayer(video: VideoRef, posterSrc: string | undefined): string {
  if (video.provider !== 'file') {
    return `<iframe${renderAttributes({
      class: 'dm-video-player',
      'data-src': video.src,
      title: video.title,
      allow: 'autoplay; fullscreen; picture-in-picture; encrypted-media',
      allowfullscreen: '',
      loading: 'lazy',
      referrerpolicy: 'strict-origin-when-cross-origin',
      'data-autoplay': video.autoplay ? '' : undefined,
    })}></iframe>`;
  }
  const fragment = video.start !== undefined || video.end !== undefined ? `#t=${video.start ?? 0}${video.end ? `,${video.end}` : ''}` : '';
  const remote = hasScheme(video.src) && !video.src.startsWith('data:');
  return `<video${renderAttributes({
    class: 'dm-video-player',
    'data-src': video.src + fragment,
    controls: '',
    // reveal.js plays `data-autoplay` media once they have data; a local file may read its first frame.
    preload: video.autoplay ? 'auto' : remote ? 'none' : 'metadata',
    playsinline: '',
    poster: posterSrc,
    'aria-label': video.title,
    muted: video.muted ? '' : undefined,
    loop: video.loop ? '' : undefined,
    'data-autoplay': video.autoplay ? '' : undefined,
  })}></video>`;
}

export function renderVideoHtml(input: VideoHtmlInput): string {
  const { video, attributes } = input;
  const style = [video.width && `width:${video.width}`, attributes.style].filter(Boolean).join(';');
  const figure = renderAttributes({
    ...attributes,
    class: ['dm-video', `dm-video-${video.provider}`, attributes.class].filter(Boolean).join(' '),
    style: style || undefined,
    'data-provider': video.provider,
    'data-video-id': video.provider === 'file' ? undefined : video.id,
  });
  return `<figure${figure}>\n<div class="dm-video-box">${renderStill(input)}${renderPlayer(video, input.posterSrc)}</div>\n</figure>\n`;
}

/** A film's public link, or a video file's (its title says which provider when the author gave none). */
function videoLink(video: VideoRef, watch: string): string {
  const href = video.url || video.src;
  return `<p class="dm-read-video">${escapeHtml(watch)}: <a href="${escapeHtml(href)}">${escapeHtml(video.title)}</a></p>\n`;
}

/**
 * For the reading view, which plays nothing: each player in a slide's HTML (in the order of
 * `slide.videos`) becomes a line "Watch the video: <its link>" (`watch`, in the deck's language).
 */
export function playersAsLinks(html: string, videos: VideoRef[], watch: string): string {
  let i = 0;
  return html.replace(/<figure\b[^>]*\bclass="dm-video\b[^"]*"[^>]*>[\s\S]*?<\/figure>\n?/g, (figure) =>
    i < videos.length ? videoLink(videos[i++], watch) : figure,
  );
}
