// Reads YouTube and Vimeo URLs (every form people paste) and writes the player and link URLs for them.

type HostedProvider = 'youtube' | 'vimeo';

/** A film on YouTube or Vimeo, as a URL names it. */
export interface HostedVideo {
  provider: HostedProvider;
  /** YouTube's 11-character id, or Vimeo's number. */
  id: string;
  /** Vimeo's privacy hash of an unlisted film (`vimeo.com/ID/HASH`, `?h=HASH`). */
  hash?: string;
  /** Seconds, from `t=`, `start=` or `#t=`. */
  start?: number;
  end?: number;
}

/**
 * What a URL says: a film (with warnings about parts of it that were ignored), a URL that
 * looks like a film on YouTube or Vimeo but names none (`problem`), or undefined: no film.
 */
export type VideoUrlReading = { video: HostedVideo; warnings: string[] } | { problem: string } | undefined;

/** The options of a player that change its URL. */
export interface PlayerOptions {
  autoplay: boolean;
  muted: boolean;
  loop: boolean;
}

const YOUTUBE_HOST = /^(?:www\.|m\.|music\.)?youtube(?:-nocookie)?\.com$/;
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
/** Paths on youtube.com whose next segment is a video id. */
const YOUTUBE_ID_PATHS = new Set(['embed', 'shorts', 'live', 'v', 'e']);
const VIMEO_ID = /^\d{1,12}$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/i;
const VIDEO_FILE = /\.(mp4|webm|ogv)$/i;

/**
 * Seconds from a time as people write it in URLs and attributes: `90`, `90s`, `1m30s`,
 * `1h2m3s`, `1:30`, `1:02:03`. Undefined for anything else.
 */
export function readTime(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{1,6}(\.\d+)?s?$/.test(t)) return Math.floor(parseFloat(t));
  const units = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(t);
  if (units && t !== '') return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  const clock = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})$/.exec(t);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return undefined;
}

/** True for a path or URL that names a video file the browser plays itself. */
export function isVideoFile(src: string): boolean {
  return VIDEO_FILE.test(src.split(/[?#]/)[0]);
}

function parseUrl(href: string): URL | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `t=…`/`start=…`/`end=…` from the query and `#t=…` from the fragment. */
function readTimes(url: URL, video: HostedVideo, warnings: string[]): void {
  const fragment = new URLSearchParams(url.hash.slice(1));
  const start = url.searchParams.get('start') ?? url.searchParams.get('t') ?? fragment.get('t');
  const end = url.searchParams.get('end');
  for (const [name, text] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (text === null) continue;
    const seconds = readTime(text);
    if (seconds === undefined) warnings.push(`the time "${text}" in the URL is not a time like 90, 1:30 or 1m30s; it is ignored`);
    else video[name] = seconds;
  }
}

function readYouTube(url: URL, host: string): VideoUrlReading {
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | null | undefined;
  if (host === 'youtu.be') id = segments[0] ?? '';
  else if (segments[0] === 'watch') id = url.searchParams.get('v') ?? '';
  else if (YOUTUBE_ID_PATHS.has(segments[0] ?? '')) id = segments[1] ?? '';
  else return undefined; // a channel, a playlist, the home page: a plain link
  if (!YOUTUBE_ID.test(id)) {
    return { problem: id ? `"${id}" is not a YouTube video id (11 letters, digits, - or _)` : 'the YouTube URL names no video' };
  }
  const video: HostedVideo = { provider: 'youtube', id };
  const warnings: string[] = [];
  readTimes(url, video, warnings);
  return { video, warnings };
}

function readVimeo(url: URL, host: string): VideoUrlReading {
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let hash: string | undefined;
  if (host === 'player.vimeo.com') {
    if (segments[0] !== 'video') return undefined;
    id = segments[1] ?? '';
  } else if (/^\d/.test(segments[0] ?? '')) {
    id = segments[0];
    if (segments[1] && VIMEO_HASH.test(segments[1])) hash = segments[1];
  } else if (['channels', 'groups', 'album', 'showcase'].includes(segments[0] ?? '')) {
    // vimeo.com/channels/NAME/ID, /groups/NAME/videos/ID, /album/N/video/ID
    const last = segments.at(-1) ?? '';
    if (!VIMEO_ID.test(last) || segments.length < 3) return undefined;
    id = last;
  } else return undefined;
  if (!VIMEO_ID.test(id)) return { problem: id ? `"${id}" is not a Vimeo video id (a number)` : 'the Vimeo URL names no video' };
  hash ??= url.searchParams.get('h') ?? undefined;
  const video: HostedVideo = { provider: 'vimeo', id, ...(hash && VIMEO_HASH.test(hash) ? { hash } : {}) };
  const warnings: string[] = [];
  readTimes(url, video, warnings);
  return { video, warnings };
}

/** Reads a URL as a YouTube or Vimeo film. */
export function readVideoUrl(href: string): VideoUrlReading {
  const url = parseUrl(href);
  if (!url) return undefined;
  const host = url.hostname.toLowerCase();
  if (host === 'youtu.be' || YOUTUBE_HOST.test(host)) return readYouTube(url, host);
  if (host === 'vimeo.com' || host === 'www.vimeo.com' || host === 'player.vimeo.com') return readVimeo(url, host);
  return undefined;
}

function query(params: Array<[string, string | number | undefined | false]>): string {
  const kept = params.filter(([, v]) => v !== undefined && v !== false).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return kept.length ? `?${kept.join('&')}` : '';
}

/** Where the players are loaded from: the one list the embed code, `--safe` and its CSP read. */
export const PLAYER_ORIGINS = { youtube: 'https://www.youtube-nocookie.com', vimeo: 'https://player.vimeo.com' } as const;

/**
 * The URL the player loads: YouTube in privacy mode (youtube-nocookie.com), Vimeo with
 * do-not-track. Vimeo's carries `api=1` itself: reveal.js would append it after the `#t=`.
 */
export function embedUrl(video: HostedVideo, options: PlayerOptions): string {
  if (video.provider === 'youtube') {
    return `${PLAYER_ORIGINS.youtube}/embed/${video.id}${query([
      ['start', video.start],
      ['end', video.end],
      ['autoplay', options.autoplay && 1],
      ['mute', options.muted && 1],
      ['loop', options.loop && 1],
      ['playlist', options.loop && video.id], // YouTube loops only a playlist
      ['rel', 0],
    ])}`;
  }
  const fragment = video.start ? `#t=${video.start}s` : '';
  return `${PLAYER_ORIGINS.vimeo}/video/${video.id}${query([
    ['h', video.hash],
    ['autoplay', options.autoplay && 1],
    ['muted', options.muted && 1],
    ['loop', options.loop && 1],
    ['dnt', 1],
    ['api', 1],
  ])}${fragment}`;
}

/** The short public link to a film (printed, in the QR code, in the sources), starting at `start`. */
export function watchUrl(video: HostedVideo): string {
  if (video.provider === 'youtube') return `https://youtu.be/${video.id}${video.start ? `?t=${video.start}` : ''}`;
  return `https://vimeo.com/${video.id}${video.hash ? `/${video.hash}` : ''}${video.start ? `#t=${video.start}s` : ''}`;
}
