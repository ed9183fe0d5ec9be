// Reading YouTube and Vimeo URLs and times, and the player and link URLs written for them.
import { describe, expect, it } from 'vitest';
import { embedUrl, isVideoFile, readTime, readVideoUrl, watchUrl } from '../../src/markdown/plugins/video/video-url.js';

const OFF = { autoplay: false, muted: false, loop: false };

describe('readTime', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['1m30s', 90],
    ['1m', 60],
    ['1h2m3s', 3723],
    ['2h', 7200],
    ['1:30', 90],
    ['01:02:03', 3723],
    ['12.7', 12],
    [' 45 ', 45],
  ])('%s → %i s', (text, seconds) => expect(readTime(text)).toBe(seconds));

  it.each(['', 'soon', '-5', '1:2', '1m30', 'm', '1x', '90 s'])('"%s" is no time', (text) => expect(readTime(text)).toBeUndefined());
});

describe('readVideoUrl', () => {
  it.each([
    'https://www.youtube.com/watch?v=reBGK5isnco',
    'http://www.youtube.com/watch?v=reBGK5isnco&feature=player_embedded',
    'https://youtube.com/watch?feature=share&v=reBGK5isnco',
    'https://m.youtube.com/watch?v=reBGK5isnco',
    'https://youtu.be/reBGK5isnco',
    'https://www.youtube.com/embed/reBGK5isnco',
    'https://www.youtube.com/shorts/reBGK5isnco',
    'https://www.youtube.com/live/reBGK5isnco',
    'https://www.youtube-nocookie.com/embed/reBGK5isnco',
    'HTTPS://WWW.YOUTUBE.COM/watch?v=reBGK5isnco',
  ])('%s is the YouTube film reBGK5isnco', (url) => {
    expect(readVideoUrl(url)).toEqual({ video: { provider: 'youtube', id: 'reBGK5isnco' }, warnings: [] });
  });

  it('reads t=, start=, end= and #t=', () => {
    expect(readVideoUrl('https://youtu.be/reBGK5isnco?t=1m30s')).toMatchObject({ video: { start: 90 } });
    expect(readVideoUrl('https://www.youtube.com/embed/reBGK5isnco?start=10&end=20')).toMatchObject({ video: { start: 10, end: 20 } });
    expect(readVideoUrl('https://www.youtube.com/watch?v=reBGK5isnco#t=75')).toMatchObject({ video: { start: 75 } });
    expect(readVideoUrl('https://vimeo.com/76979871#t=1m2s')).toMatchObject({ video: { start: 62 } });
  });

  it('warns about a time it cannot read and keeps the film', () => {
    const reading = readVideoUrl('https://youtu.be/reBGK5isnco?t=later');
    expect(reading).toMatchObject({ video: { id: 'reBGK5isnco' }, warnings: [expect.stringMatching(/"later"/)] });
    expect(reading && 'video' in reading && reading.video.start).toBeUndefined();
  });

  it.each([
    ['https://vimeo.com/76979871', { provider: 'vimeo', id: '76979871' }],
    ['https://www.vimeo.com/76979871', { provider: 'vimeo', id: '76979871' }],
    ['https://vimeo.com/76979871/8272103f6e', { provider: 'vimeo', id: '76979871', hash: '8272103f6e' }],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', { provider: 'vimeo', id: '76979871', hash: '8272103f6e' }],
    ['https://vimeo.com/channels/staffpicks/76979871', { provider: 'vimeo', id: '76979871' }],
    ['https://vimeo.com/groups/shortfilms/videos/76979871', { provider: 'vimeo', id: '76979871' }],
  ])('%s is a Vimeo film', (url, video) => expect(readVideoUrl(url)).toEqual({ video, warnings: [] }));

  it.each([
    'https://youtu.be/',
    'https://youtu.be/short',
    'https://youtu.be/reBGK5isnco1',
    'https://www.youtube.com/watch?v=',
    'https://www.youtube.com/watch',
    'https://www.youtube.com/watch?v=reBGK5isn<o',
    'https://www.youtube.com/embed/',
    'https://player.vimeo.com/video/abc',
    'https://vimeo.com/12ab',
  ])('%s looks like a film but names none', (url) => expect(readVideoUrl(url)).toEqual({ problem: expect.any(String) }));

  it.each([
    'https://www.youtube.com/',
    'https://www.youtube.com/@bank',
    'https://www.youtube.com/playlist?list=PL123',
    'https://vimeo.com/about',
    'https://notyoutube.com/watch?v=reBGK5isnco',
    'https://youtube.com.evil.example/watch?v=reBGK5isnco',
    'ftp://youtube.com/watch?v=reBGK5isnco',
    'javascript:alert(1)',
    'not a url',
  ])('%s is no film', (url) => expect(readVideoUrl(url)).toBeUndefined());
});

describe('embedUrl and watchUrl', () => {
  const yt = { provider: 'youtube', id: 'reBGK5isnco' } as const;
  const vimeo = { provider: 'vimeo', id: '76979871' } as const;

  it('plays YouTube from youtube-nocookie.com with its settings', () => {
    expect(embedUrl(yt, OFF)).toBe('https://www.youtube-nocookie.com/embed/reBGK5isnco?rel=0');
    expect(embedUrl({ ...yt, start: 90, end: 120 }, { autoplay: true, muted: true, loop: true })).toBe(
      'https://www.youtube-nocookie.com/embed/reBGK5isnco?start=90&end=120&autoplay=1&mute=1&loop=1&playlist=reBGK5isnco&rel=0',
    );
  });

  it('plays Vimeo with do-not-track, api=1 in the query and the start in the fragment', () => {
    expect(embedUrl({ ...vimeo, hash: 'abcdef12', start: 30 }, { ...OFF, autoplay: true })).toBe(
      'https://player.vimeo.com/video/76979871?h=abcdef12&autoplay=1&dnt=1&api=1#t=30s',
    );
  });

  it('links to the short public URL, at the start time', () => {
    expect(watchUrl(yt)).toBe('https://youtu.be/reBGK5isnco');
    expect(watchUrl({ ...yt, start: 90 })).toBe('https://youtu.be/reBGK5isnco?t=90');
    expect(watchUrl({ ...vimeo, hash: 'abcdef12', start: 5 })).toBe('https://vimeo.com/76979871/abcdef12#t=5s');
  });
});

describe('isVideoFile', () => {
  it.each([
    ['clip.mp4', true],
    ['img/clip.WEBM', true],
    ['a/b.ogv?x=1#t=2', true],
    ['https://example.com/film.mp4', true],
    ['clip.mp4.png', false],
    ['clip.mov', false],
    ['mp4', false],
  ])('%s → %s', (src, want) => expect(isVideoFile(src)).toBe(want));
});
