// Issue 20, finding 1: `--safe` published any file used as an image verbatim, with its own
// extension: `![](payload.html)` put the author's page (and an SVG's script) on the deck's
// origin, outside the deck's CSP. In --safe only images and videos, known by their content,
// are published, named by what they are; an SVG only when nothing in it can run.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, SLIDES } from '../helpers/cli.js';
import { expectFailure, makeProject } from './helpers.js';
import { unsafeSvgReason } from '../../src/build/safe-svg.js';
import { PNG } from './media-files.js';

const PAYLOAD = '<!doctype html><script>fetch("/steal?c=" + document.cookie)</script>';
const SVG_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/><script>alert(document.domain)</script></svg>';
const SVG_CLEAN =
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#0a5"/></svg>';

/** A project with `files` beside `deck.md`; builds it with `args`. */
async function build(deck: string, files: Record<string, string | Buffer>, ...args: string[]) {
  const { slides, out } = makeProject();
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(slides, name), content);
  writeFileSync(path.join(slides, 'deck.md'), deck);
  const result = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image', ...args);
  return { ...result, out, deckDir: path.join(out, 'deck') };
}

describe('--safe publishes only images and videos, by content', () => {
  it.each([
    [
      'an HTML page used as an image',
      '# S\n\n![handout](payload.html)\n',
      3,
      'image "payload.html" is not an image or video \\(its content is text\\)',
    ],
    [
      'a script SVG',
      '# S\n\n![chart](chart.svg)\n',
      3,
      'image "chart.svg" is an SVG that --safe does not publish: it has a <script> element',
    ],
    ['an HTML poster', '# S\n\n![clip](clip.webm){poster=payload.html}\n', 3, 'poster "payload.html" is not an image or video'],
    [
      'an HTML background',
      '# S\n\n---\n\n<!-- .slide: data-background-image="payload.html" -->\n# T\n',
      5,
      'background image "payload.html" is not an image or video',
    ],
  ])('%s is an error on its line, and nothing is written', async (_, deck, line, message) => {
    const r = await build(
      deck,
      { 'payload.html': PAYLOAD, 'chart.svg': SVG_SCRIPT, 'clip.webm': readFileSync(path.join(SLIDES, 'img/sample-clip.webm')) },
      '--safe',
    );
    expectFailure(r, 1, new RegExp(`deck\\.md:${line}:1: error: ${message}.*\\(unsafe-asset\\)`));
  });

  it('without --safe the author’s own files are published as they are', async () => {
    const r = await build('# S\n\n![handout](payload.html)\n', { 'payload.html': PAYLOAD });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(r.deckDir, 'assets')).some((f) => /^payload-\w+\.html$/.test(f))).toBe(true);
  });

  it('a real image with another name is published under the extension of what it is', async () => {
    const r = await build('# S\n\n![logo](logo.html)\n\n![chart](chart.svg)\n', { 'logo.html': PNG, 'chart.svg': SVG_CLEAN }, '--safe');
    expect(r.code, r.stderr).toBe(0);
    const assets = readdirSync(path.join(r.deckDir, 'assets'));
    expect(assets.filter((f) => /\.html?$/i.test(f))).toEqual([]);
    const png = assets.find((f) => /^logo-\w+\.png$/.test(f));
    const svg = assets.find((f) => /^chart-\w+\.svg$/.test(f));
    expect(png && svg).toBeTruthy();
    const html = readFileSync(path.join(r.deckDir, 'index.html'), 'utf8');
    expect(html).toContain(`src="assets/${png}"`);
    expect(html).toContain(`src="assets/${svg}"`);
  });

  it('with --single-file, the data URL says what the content is', async () => {
    const r = await build('# S\n\n![logo](logo.gif)\n', { 'logo.gif': PNG }, '--safe', '--single-file');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(r.out, 'deck.html'), 'utf8')).toContain('src="data:image/png;base64,');
  });

  it('the example decks’ images, SVG and video build with --safe', async () => {
    const { slides, out } = makeProject();
    const deck = path.join(slides, 'syntax-tour.md');
    copyFileSync(path.join(SLIDES, 'syntax-tour.md'), deck);
    mkdirSync(path.join(slides, 'img'));
    for (const f of readdirSync(path.join(SLIDES, 'img'))) copyFileSync(path.join(SLIDES, 'img', f), path.join(slides, 'img', f));
    const r = await runCli('build', deck, '-o', out, '--no-image', '--safe');
    expect(r.code, r.stderr).toBe(0);
    const assets = readdirSync(path.join(out, 'syntax-tour/assets'));
    expect(assets.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(assets.some((f) => f.endsWith('.webm'))).toBe(true);
  });
});

describe('the SVG check: published byte for byte, or refused', () => {
  const svg = (inner: string, root = '') => `<svg xmlns="http://www.w3.org/2000/svg"${root}>${inner}</svg>`;
  it.each([
    ['a script', svg('<script>alert(1)</script>'), /<script>/],
    ['a prefixed script', svg('<s:script>alert(1)</s:script>', ' xmlns:s="http://www.w3.org/2000/svg"'), /<s:script>/],
    ['an event handler', svg('<rect/>', ' onload="alert(1)"'), /event handler \(onload\)/],
    ['HTML in a foreignObject', svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'), /namespace .*xhtml/],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>'), /<a>/],
    ['an escaped javascript: use', svg('<use href="&#106;avascript:x"/>'), /links to/],
    ['an animation that sets a link', svg('<set attributeName="href" to="javascript:x"/>'), /<set>/],
    ['an XSLT stylesheet', `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg('')}`, /processing instruction/],
    ['entities', `<!DOCTYPE svg [<!ENTITY x "&#60;script">]>${svg('&x;')}`, /DOCTYPE/],
    ['an attribute hidden by a stray quote', svg(`<text>it's</text><svg onload='alert(1)'/>`), /event handler/],
    ['HTML-style tag soup', svg('<svg/onload=alert(1)>'), /not well-formed/],
    ['a comment never closed', svg('<!-- <rect/>'), /never closed/],
  ])('refuses %s', (_, text, reason) => {
    expect(unsafeSvgReason(text)).toMatch(reason);
  });

  it('accepts drawings as editors write them: declaration, comments, CSS, Inkscape namespaces, local links', () => {
    const inkscape = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Created with Inkscape -->',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10">',
      '<sodipodi:namedview id="base" inkscape:zoom="1"/>',
      '<style><![CDATA[ .a { fill: #0a5 } ]]></style>',
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>',
      '<g inkscape:label="Layer"><rect class="a" width="5" height="5" fill="url(#g)"/><use xlink:href="#g"/>',
      '<image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/><text x="1" y="9">a &lt; b</text></g>',
      '</svg>',
    ].join('\n');
    expect(unsafeSvgReason(inkscape)).toBeUndefined();
    expect(unsafeSvgReason(readFileSync(path.join(SLIDES, 'img/pipeline.svg'), 'utf8'))).toBeUndefined();
  });
});
