// The gallery's title and introduction: the project config's `gallery` key (a project setting,
// not a deck's), else the project folder's name; a bad value is an error at its line.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/** A project folder named `name` (a package.json at its root) holding these files, built to its dist/. */
async function buildProject(name: string, files: Record<string, string>) {
  const dir = path.join(tempDir('deckmark-gallery-'), name);
  for (const [file, text] of Object.entries({ 'package.json': '{ "name": "x" }\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const cli = await runCli('build', path.join(dir, 'slides'), '-o', path.join(dir, 'dist'), '--no-image');
  const gallery = () => cheerio.load(readFileSync(path.join(dir, 'dist/index.html'), 'utf8'));
  return { dir, cli, gallery };
}

describe('the gallery heading', () => {
  it('takes its title and intro (inline Markdown, safely) from the project config', async () => {
    const { cli, gallery } = await buildProject('talks', {
      'deckmark.config.yaml':
        'lang: nb\ngallery:\n  title: Fylkeskommunens presentasjoner\n  intro: Foredrag fra *2026*, med `kode` og <script>alert(1)</script>\n',
      'slides/one.md': '# One\n',
      'slides/two.md': '# Two\n',
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).not.toContain('unknown');
    const $ = gallery();
    expect($('title').text()).toBe('Fylkeskommunens presentasjoner');
    expect($('main h1').text()).toBe('Fylkeskommunens presentasjoner');
    const intro = $('main p.intro');
    expect(intro.find('em').text()).toBe('2026');
    expect(intro.find('code').text()).toBe('kode');
    expect($('script')).toHaveLength(0);
    expect(intro.text()).toContain('<script>alert(1)</script>');
  });

  it('is the project folder’s name without one, never a bare "Decks"', async () => {
    const { cli, gallery } = await buildProject('kommunens-foredrag', { 'slides/one.md': '# One\n' });
    expect(cli.code, cli.stderr).toBe(0);
    const $ = gallery();
    expect($('main h1').text()).toBe('kommunens-foredrag');
    expect($('title').text()).toBe('kommunens-foredrag');
    expect($('.intro')).toHaveLength(0);
  });

  it('keeps the folder name as the title when the config has only an intro', async () => {
    const { cli, gallery } = await buildProject('talks', {
      'deckmark.config.json': '{\n  "gallery": { "intro": "Hello" }\n}\n',
      'slides/one.md': '# One\n',
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(gallery()('main h1').text()).toBe('talks');
    expect(gallery()('.intro').text()).toBe('Hello');
  });

  it('reports a bad gallery value at its line in the config (a nested one at its own), and builds nothing', async () => {
    for (const [config, message, at] of [
      ['lang: nb\ngallery: Our talks\n', '`gallery` must be a mapping: `title` and `intro`, both text', '2:1'],
      ['lang: nb\ngallery:\n  title: [a, b]\n', '`gallery.title` must be text', '3:3'],
      ['lang: nb\ngallery:\n  heading: Talks\n', 'unknown `gallery` key `heading`: the keys are title and intro', '3:3'],
    ]) {
      const { dir, cli } = await buildProject('talks', { 'deckmark.config.yaml': config, 'slides/one.md': '# One\n' });
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`${path.join(dir, 'deckmark.config.yaml')}:${at}: error: ${message} (invalid-option)`);
      expect(cli.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
