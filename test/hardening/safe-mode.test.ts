// `--safe`: raw HTML shown as text, no event handlers or script URLs from any attribute syntax,
// iframes only for the video players, and a Content-Security-Policy on the built deck.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { SPEAKER_VIEW_SCRIPT_HASH } from '../../src/compile/content-security-policy.js';
import { renderDeck } from '../../src/compile/render-deck.js';
import { isUnsafeUrl } from '../../src/markdown/plugins/safe-html.js';
import { buildDeckText, expectWholeDeck } from './helpers.js';

const HOSTILE = [
  '---',
  'title: Untrusted',
  'reveal:',
  '  dependencies: [{ src: "https://evil.example/x.js" }]',
  '---',
  '',
  '<!-- .slide: data-background-iframe="https://evil.example" data-background-color="#123" onload="alert(1)" data-background-image="javascript:alert(1)" -->',
  '',
  '# Title {onclick="alert(1)" .big}',
  '',
  '<script>alert("block")</script>',
  '',
  '<div onmouseover="alert(1)">hi <b>there</b></div>',
  '',
  'Para <img src=x onerror=alert(1)> <!-- .element: class="frag" onfocus="alert(1)" data-href="javascript:alert(1)" -->',
  '',
  '[link](https://example.org){onmouseover="alert(1)" href="java\tscript:alert(1)"} [bad](javascript:alert(1))',
  '',
  '[data](https://example.org){href="data:text/html;base64,PHNjcmlwdD4="} <iframe src="https://evil.example"></iframe>',
  '',
  '::: columns {onclick="alert(1)"}',
  '::: column {width=40% onmouseenter="alert(1)"}',
  'Left',
  ':::',
  '::::',
  '',
  'https://youtu.be/reBGK5isnco {onclick="alert(1)" .film}',
  '',
  'Note: notes <script>alert("notes")</script>',
].join('\n');

function parse(text: string, safe: boolean) {
  const deck = parseDeck(text, { file: 'deck.md', safe });
  return { deck, html: renderDeck(deck, { styles: [{ href: 'assets/deckmark.css' }], scripts: [{ src: 'assets/deckmark.js' }], safe }) };
}

/** Every attribute of every element below `.slides`, as `name=value`. */
function slideAttributes(html: string): string[] {
  const $ = load(html);
  return $('.slides, .slides *')
    .toArray()
    .flatMap((el) => Object.entries((el as unknown as { attribs: Record<string, string> }).attribs).map(([k, v]) => `${k}=${v}`));
}

describe('--safe', () => {
  const { deck, html } = parse(HOSTILE, true);
  const $ = load(html);

  it('shows raw HTML as text: no script, no author element, no iframe but the player', () => {
    expectWholeDeck(html, deck);
    expect($('.slides script').length).toBe(0);
    expect($('.slides b, .slides img').length).toBe(0);
    expect($('.slides').text()).toContain('<script>alert("block")</script>');
    expect($('.slides iframe').length).toBe(1);
    expect($('.slides iframe').attr('data-src')).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/reBGK5isnco/);
    expect($('aside.notes script').length).toBe(0);
  });

  it('lets no on* attribute and no script URL through {…}, comments, fenced divs or videos', () => {
    const attributes = slideAttributes(html);
    expect(attributes.filter((a) => /^on/i.test(a))).toEqual([]);
    expect(attributes.filter((a) => isUnsafeUrl(a.slice(a.indexOf('=') + 1)))).toEqual([]);
    expect(attributes.filter((a) => a.startsWith('data-background-iframe'))).toEqual([]);
    expect(attributes.filter((a) => a.includes('evil.example'))).toEqual([]);
  });

  it('keeps the harmless attributes and layouts', () => {
    const section = $('.slides > section');
    expect(section.attr('data-background-color')).toBe('#123');
    expect($('h1').hasClass('big')).toBe(true);
    expect($('p.frag').length).toBe(1);
    expect($('div.column').attr('style')).toBe('width:40%');
    expect($('figure.dm-video').hasClass('film')).toBe(true);
  });

  it('drops reveal.js dependencies (scripts reveal would load)', () => {
    expect(JSON.parse($('#deckmark-config').text())).not.toHaveProperty('dependencies');
  });

  it('cleans ::: notes too (they are rendered early, by their own rule)', () => {
    const notes = parse(
      '# A\n\n::: notes\nSay <b onclick="alert(1)">this</b> {onclick="alert(2)"}\n\n<script>alert(3)</script>\n:::\n',
      true,
    );
    const n = load(notes.html)('aside.notes');
    expect(n.find('script, b, [onclick]').length).toBe(0);
    expect(n.text()).toContain('<script>alert(3)</script>');
  });

  it('lets no element take the id the runtime reads its config from', () => {
    const { html } = parse('# A {#deckmark-config}\n\n{"dependencies": []}\n<!-- .element: id="deckmarkOverrides" -->\n', true);
    const $ = load(html);
    expect(
      $('[id="deckmark-config"]')
        .toArray()
        .map((e) => (e as unknown as { name: string }).name),
    ).toEqual(['script']);
    expect($('.slides [id]').length).toBe(0);
  });

  it('copies no file that raw HTML names: it is text', () => {
    const deck = parseDeck('# A\n\n<img src="../../secret.png">\n\n<p><video poster="clip.jpg"></video></p>\n', {
      safe: true,
      resolveAsset: () => ({ problem: 'outside-project' }),
    });
    expect(deck.diagnostics).toEqual([]);
    expect(deck.slides[0].assets).toEqual([]);
  });

  it('still reads attribute comments', () => {
    const safe = parse('<!-- .slide: class="inverse" -->\n\n# A\n\nText <!-- .element: class="fragment" -->\n', true);
    const s = load(safe.html);
    expect(s('.slides > section').hasClass('inverse')).toBe(true);
    expect(s('p.fragment').length).toBe(1);
  });

  it('sets a Content-Security-Policy that allows only the deck own scripts and the players', () => {
    const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content')!;
    const directives = Object.fromEntries(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['script-src']).toEqual(["'self'", `'${SPEAKER_VIEW_SCRIPT_HASH}'`]); // the speaker view's one script
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'self'", 'https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    expect(directives['img-src']).toEqual(["'self'", 'data:']);
    // Before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
  });
});

describe('without --safe', () => {
  it('keeps raw HTML and has no policy, but still escapes attribute values', () => {
    const { html } = parse('# A {title="a > b" data-x="q\'q"}\n\n<b>bold</b>\n\n<!-- .slide: data-state=\'x"><i>y\' -->\n', false);
    const $ = load(html);
    expect($('.slides b').text()).toBe('bold');
    expect($('meta[http-equiv="Content-Security-Policy"]').length).toBe(0);
    expect($('h1').attr('title')).toBe('a > b');
    expect($('.slides > section').attr('data-state')).toBe('x"><i>y');
    expect($('.slides i').length).toBe(0);
  });
});

describe('deckmark build --safe', () => {
  it('writes the policy into the deck', async () => {
    const r = await buildDeckText('hostile.md', HOSTILE, '--safe');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(r.deckDir, 'index.html'), 'utf8');
    expect(load(html)('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/script-src 'self' 'sha256-[^']+';/);
    expect(html).not.toMatch(/<script>alert/);
  });

  it('allows the inlined runtime of a single file by its hash, and nothing else', async () => {
    const r = await buildDeckText('single.md', '# One\n\n---\n\n# Two\n', '--safe', '--single-file');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(r.out, 'single.html'), 'utf8');
    const $ = load(html);
    const inline = $('script:not([type])').toArray();
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update($(inline[0]).html()!).digest('base64');
    const policy = $('meta[http-equiv="Content-Security-Policy"]').attr('content')!;
    expect(policy).toContain(`script-src 'self' '${SPEAKER_VIEW_SCRIPT_HASH}' 'sha256-${hash}';`);
  });
});

describe('isUnsafeUrl', () => {
  it.each(['javascript:alert(1)', ' JavaScript:x', 'java\tscript:x', 'vbscript:x', 'data:text/html,<b>', 'data:application/xml,x'])(
    'refuses %j',
    (url) => expect(isUnsafeUrl(url)).toBe(true),
  );
  it.each(['https://example.org', 'img/a.png', '#/2', 'data:image/png;base64,AAAA', 'mailto:a@b.no', 'javascript'])('allows %j', (url) =>
    expect(isUnsafeUrl(url)).toBe(false),
  );
});
