// Videos: a YouTube/Vimeo URL alone in a paragraph, a video written as an image, or a link
// marked `{video}` becomes a player (video-html.ts) and a VideoRef in env.videos. A link that
// looks like a film but names none warns with its line and stays a plain link.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import type { VideoRef } from '../../../model/deck.js';
import { attrText, parseAttributeList, tokenAttributes } from '../../attributes.js';
import { fileLine, useAsset, warn, type SlideEnv } from '../../env.js';
import { escapeHtml } from '../../html.js';
import { inlineText } from '../../inline-text.js';
import { providerLabel, renderVideoHtml, type VideoHtmlInput, type VideoText } from './video-html.js';
import { embedUrl, isVideoFile, readTime, readVideoUrl, watchUrl, type HostedVideo } from './video-url.js';
import { isRemote, safeDecode } from '../../urls.js';

const VIDEO_TOKEN = 'deckmark_video';

/** `{…}` names that set up the video; every other attribute goes on its `<figure>`. */
const VIDEO_KEYS = new Set(['video', 'start', 'end', 'autoplay', 'muted', 'loop', 'poster', 'width', 'title']);
/** The settings written as bare words (`{video autoplay muted loop}`): attribute lists beyond pandoc's syntax. */
export const VIDEO_FLAGS: readonly string[] = ['video', 'autoplay', 'muted', 'loop'];
/** Attributes of the link or image itself, which the player replaces. */
const ELEMENT_KEYS = new Set(['src', 'alt', 'href']);

const ENGLISH: VideoText = { watch: 'Watch the video', videoOn: 'Video on {provider}', file: 'Video file', qrCode: 'QR code' };

interface Candidate {
  /** `bare`: a URL as text (linkified or `<autolink>`); `link`: `[text](url)`; `image`: `![alt](src)`. */
  form: 'bare' | 'link' | 'image';
  href: string;
  /** The alt or link text. */
  text: string;
  /** The link_open or image token. */
  element: Token;
  /** A `{…}` that linkify took into the URL (`https://youtu.be/ID{start=90}`). */
  trailing?: Array<[string, string]>;
}

/** Reads `{.class #id key=value}` the way markdown-it-attrs does, for the `{…}` linkify swallowed. */
function readCurly(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const word of text.match(/[.#][^\s.#]+/g) ?? []) out.push(word[0] === '.' ? ['class', word.slice(1)] : ['id', word.slice(1)]);
  return [...out, ...parseAttributeList(text.replace(/(^|\s)[.#][^\s]+/g, ' '))];
}

/** The one link or image a paragraph holds (whitespace around it aside), if that is all it holds. */
function readCandidate(md: MarkdownIt, children: Token[]): Candidate | undefined {
  const items = children.filter((t) => !(t.type === 'text' && t.content.trim() === '') && t.type !== 'softbreak');
  const first = items[0];
  if (items.length === 1 && first.type === 'image') {
    return { form: 'image', href: attrText(first, 'src') ?? '', text: inlineText(first.children), element: first };
  }
  const last = items.at(-1);
  if (!first || first.type !== 'link_open' || last?.type !== 'link_close') return undefined;
  if (items.slice(1, -1).some((t) => t.type === 'link_open')) return undefined;
  const text = inlineText(items.slice(1, -1));
  const auto = first.markup === 'linkify' || first.markup === 'autolink';
  const candidate: Candidate = { form: auto ? 'bare' : 'link', href: attrText(first, 'href') ?? '', text, element: first };
  const curly = first.markup === 'linkify' ? /^(.*?)\{([^{}]*)\}$/.exec(text) : null;
  if (curly) {
    const href = md.normalizeLink(curly[1]);
    if (md.validateLink(href)) Object.assign(candidate, { href, text: curly[1], trailing: readCurly(curly[2]) });
  }
  return candidate;
}

/** Leaves the paragraph as it was written, minus the video settings; an image becomes a link to its URL. */
function keepAsLink(state: StateCore, paragraph: Token, inline: Token, candidate: Candidate): void {
  for (const token of [paragraph, candidate.element]) token.attrs = token.attrs?.filter(([name]) => !VIDEO_KEYS.has(name)) ?? null;
  if (candidate.form !== 'image') return;
  const open = new state.Token('link_open', 'a', 1);
  open.attrs = [['href', candidate.href]];
  const text = new state.Token('text', '', 0);
  text.content = candidate.text || candidate.href;
  const close = new state.Token('link_close', 'a', -1);
  const children = inline.children!;
  children.splice(children.indexOf(candidate.element), 1, open, text, close);
}

function isOn(value: string): boolean {
  return !/^(false|0|no|off)$/i.test(value);
}

/** Reads the video settings from the `{…}` attributes; a wrong value warns and is left out. */
function readSettings(
  attributes: Map<string, string>,
  video: HostedVideo | undefined,
  report: (message: string) => void,
): Pick<VideoRef, 'start' | 'end' | 'width' | 'autoplay' | 'muted' | 'loop'> {
  const times: { start?: number; end?: number } = { start: video?.start, end: video?.end };
  for (const name of ['start', 'end'] as const) {
    const text = attributes.get(name);
    if (text === undefined) continue;
    const seconds = readTime(text);
    if (seconds === undefined) report(`${name}="${text}" is not a time like 90, 1:30 or 1m30s; it is ignored`);
    else times[name] = seconds;
  }
  if (times.end !== undefined && times.end <= (times.start ?? 0)) {
    report(`end=${times.end} is not after start=${times.start ?? 0}; it is ignored`);
    times.end = undefined;
  }
  if (video?.provider === 'vimeo' && times.end !== undefined) {
    report("Vimeo's player has no end time; end= is ignored");
    times.end = undefined;
  }
  let width = attributes.get('width');
  if (width !== undefined) {
    if (/^\d+(\.\d+)?$/.test(width)) width = `${width}px`;
    else if (!/^\d+(\.\d+)?(%|px|em|rem|vw|vh)$/.test(width)) {
      report(`width="${width}" is not a width like 60% or 640px; it is ignored`);
      width = undefined;
    }
  }
  const flag = (name: string): boolean => attributes.has(name) && isOn(attributes.get(name)!);
  return { ...times, width, autoplay: flag('autoplay'), muted: flag('muted'), loop: flag('loop') };
}

/** A poster's URL in the built deck: remote as it is, local through the asset resolver. */
function resolvePoster(md: MarkdownIt, env: SlideEnv, poster: string, line: number): string | undefined {
  const href = md.normalizeLink(poster);
  if (!md.validateLink(href)) {
    warn(env, 'malformed-video', `poster "${poster}" is not an image URL or path; it is ignored`, line);
    return undefined;
  }
  if (isRemote(href)) return href;
  const url = useAsset(env, poster, 'image', line, `poster "${poster}"`);
  return url === null ? undefined : (url ?? href);
}

/** Resolves a video file; undefined (with a message) when it cannot be played. */
function resolveFile(env: SlideEnv, href: string, line: number): { src: string; id: string; url: string } | undefined {
  if (isRemote(href)) return { src: href, id: href, url: href };
  const path = safeDecode(href.split(/[?#]/)[0]);
  const url = useAsset(env, path, 'video', line);
  return url === null ? undefined : { src: url ?? href, id: path, url: '' };
}

/** What a paragraph is: not a video, a link to leave as it is (with a message), or a video. */
type Verdict = { kind: 'none' } | { kind: 'link'; problem?: string } | { kind: 'video'; hosted?: HostedVideo; warnings: string[] };

function judge(candidate: Candidate, forced: boolean): Verdict {
  const { form, href } = candidate;
  const reading = readVideoUrl(href);
  if (reading && 'problem' in reading) {
    // [text](url) is the author's link: only a bare URL, an image or {video} asked for a player.
    return form === 'link' && !forced
      ? { kind: 'none' }
      : { kind: 'link', problem: `${href} looks like a video link, but ${reading.problem}` };
  }
  if (!reading && !isVideoFile(href)) {
    return forced ? { kind: 'link', problem: `${href} is not a YouTube, Vimeo or video file (.mp4, .webm, .ogv) URL` } : { kind: 'none' };
  }
  if (form === 'link' && !forced) return { kind: 'none' };
  return { kind: 'video', hosted: reading?.video, warnings: reading?.warnings ?? [] };
}

function findVideos(state: StateCore): void {
  const env = state.env as SlideEnv;
  if (env.inNotes) return;
  const md = state.md;
  const text = env.videoText ?? ENGLISH;
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [paragraph, inline] = [tokens[i], tokens[i + 1]];
    if (paragraph.type !== 'paragraph_open' || paragraph.hidden || inline.type !== 'inline' || !inline.children) continue;
    const line = fileLine(env, paragraph.map);
    const report = (message: string): void => warn(env, 'malformed-video', message, line);
    const candidate = readCandidate(md, inline.children);
    const own = tokenAttributes(candidate?.element).filter(([name]) => !ELEMENT_KEYS.has(name));
    const attributes = [...tokenAttributes(paragraph), ...own, ...(candidate?.trailing ?? [])];
    const settings = new Map(attributes.filter(([name]) => VIDEO_KEYS.has(name)));
    const forced = settings.has('video');
    if (!candidate) {
      if (forced) {
        report('{video} needs a paragraph that holds just one link or image; it is ignored');
        paragraph.attrs = paragraph.attrs?.filter(([name]) => !VIDEO_KEYS.has(name)) ?? null;
      }
      continue;
    }
    const verdict = judge(candidate, forced);
    if (verdict.kind === 'none') continue;
    if (verdict.kind === 'link') {
      report(`${verdict.problem}; it stays a link`);
      keepAsLink(state, paragraph, inline, candidate);
      continue;
    }
    for (const message of verdict.warnings) report(message);
    const { hosted } = verdict;
    const options = readSettings(settings, hosted, report);
    const file = hosted ? undefined : resolveFile(env, candidate.href, line);
    if (!hosted && !file) {
      // A missing file shows its title where the player would be, as a missing image does.
      paragraph.attrs = paragraph.attrs?.filter(([name]) => !VIDEO_KEYS.has(name)) ?? null;
      inline.children = [Object.assign(new state.Token('html_inline', '', 0), { content: missing(candidate, settings) })];
      continue;
    }
    const provider = hosted?.provider ?? 'file';
    const untitled = text.videoOn.replace('{provider}', providerLabel(provider, text));
    const poster = settings.get('poster');
    const video: VideoRef = {
      provider,
      id: hosted?.id ?? file!.id,
      url: hosted ? watchUrl({ ...hosted, start: options.start }) : file!.url,
      src: hosted ? embedUrl({ ...hosted, start: options.start, end: options.end }, options) : file!.src,
      // A bare URL's text is the URL itself, not a title.
      title: settings.get('title') || (candidate.form === 'bare' ? '' : candidate.text.trim()) || untitled,
      ...options,
      ...(poster ? { poster } : {}),
      line,
    };
    env.videos.push(video);
    if (video.url) env.links.push({ href: video.url, text: video.title, line, from: 'video' });
    const figure: Record<string, string> = {};
    for (const [key, value] of attributes) {
      if (VIDEO_KEYS.has(key)) continue;
      figure[key] = key === 'class' && figure.class ? `${figure.class} ${value}` : value;
    }
    const input: VideoHtmlInput = {
      video,
      posterSrc: poster ? resolvePoster(md, env, poster, line) : undefined,
      attributes: figure,
      text,
    };
    const token = new state.Token(VIDEO_TOKEN, 'figure', 0);
    Object.assign(token, { block: true, map: paragraph.map, level: paragraph.level, meta: input });
    tokens.splice(i, 3, token);
  }
}

function missing(candidate: Candidate, settings: Map<string, string>): string {
  return `<span class="dm-missing-image">${escapeHtml(settings.get('title') || candidate.text || candidate.href)}</span>`;
}

export function videoPlugin(md: MarkdownIt): void {
  md.core.ruler.push('deckmark_video', findVideos);
  md.renderer.rules[VIDEO_TOKEN] = (tokens, idx) => renderVideoHtml(tokens[idx].meta as VideoHtmlInput);
}
