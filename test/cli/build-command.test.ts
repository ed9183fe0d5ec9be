// `deckmark build` in process: outputs, messages and exit codes.
import { existsSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it, vi } from 'vitest';
import { runCli, SLIDES, tempDir } from '../helpers/cli.js';

describe('deckmark build', () => {
  it('builds the example decks, their assets and an index', async () => {
    const out = tempDir();
    const { code, stderr } = await runCli('build', SLIDES, '-o', out);
    expect(code, stderr).toBe(0);
    const index = load(readFileSync(path.join(out, 'index.html'), 'utf8'));
    expect(
      index('li.deck h2 a')
        .map((_, a) => index(a).attr('href'))
        .get()
        .sort(),
    ).toEqual(['layouts/index.html', 'strategi-sosiale-medier/index.html', 'syntax-tour/index.html']);
    const deck = load(readFileSync(path.join(out, 'strategi-sosiale-medier/index.html'), 'utf8'));
    expect(deck('html').attr('lang')).toBe('nb');
    expect(deck('head > title').text()).toBe('Strategi for god bruk av sosiale medier');
    for (const href of deck('link[rel=stylesheet]')
      .map((_, l) => deck(l).attr('href'))
      .get()) {
      expect(existsSync(path.join(out, 'strategi-sosiale-medier', href!)), href).toBe(true);
    }
    const tour = load(readFileSync(path.join(out, 'syntax-tour/index.html'), 'utf8'));
    const img = tour('img[alt="Diagram of the pipeline"]').attr('src')!;
    expect(img).toMatch(/^assets\/pipeline-[0-9a-f]{10}\.svg$/);
    expect(readFileSync(path.join(out, 'syntax-tour', img))).toEqual(readFileSync(path.join(SLIDES, 'img/pipeline.svg')));
  });

  it('writes one self-contained file with --single-file', async () => {
    const out = tempDir();
    const { code, stderr } = await runCli('build', path.join(SLIDES, 'syntax-tour.md'), '-o', out, '--single-file');
    expect(code, stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['syntax-tour.html', 'syntax-tour.read.html']); // the deck and its reading view
    const $ = load(readFileSync(path.join(out, 'syntax-tour.html'), 'utf8'));
    expect($('link[rel=stylesheet], script[src]').length).toBe(0);
    expect($('a.dm-read-link').attr('href')).toBe('syntax-tour.read.html');
    const read = load(readFileSync(path.join(out, 'syntax-tour.read.html'), 'utf8'));
    expect(read('link[rel=stylesheet], script').length).toBe(0);
    expect(read('.dm-read-deck-link a').first().attr('href')).toBe('syntax-tour.html#/0');
    expect($('img[alt="Diagram of the pipeline"]').attr('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('exits 1 naming a missing input file', async () => {
    const { code, stderr } = await runCli('build', 'missing.md', '-o', tempDir());
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^missing\.md: error: no such file or folder: missing\.md \(input-not-found\)/);
  });

  it('exits 1 naming the line of a wrong nested front matter value, not its mapping key', async () => {
    const dir = tempDir();
    const deck = path.join(dir, 'nested.md');
    writeFileSync(deck, '---\ntitle: ok\npdf:\n  fragments: true\n  notes: aside\n---\n\n# Hi\n');
    const { code, stderr } = await runCli('build', deck, '-o', path.join(dir, 'out'));
    expect(code).toBe(1);
    expect(stderr).toContain(`${deck}:5:3: error: \`pdf.notes\` must be false, page or below (invalid-option)`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('exits 1 naming the line of broken YAML front matter, and writes nothing', async () => {
    const dir = tempDir();
    const deck = path.join(dir, 'broken.md');
    writeFileSync(deck, '---\ntitle: ok\nsize: [16:9\n---\n\n# Hi\n');
    const out = path.join(dir, 'out');
    const { code, stderr } = await runCli('build', deck, '-o', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.md:[45]:\d+: error: invalid YAML in front matter/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(path.join(out, 'broken'))).toBe(false);
  });

  it('keeps the previous build when a rebuild fails', async () => {
    const dir = tempDir();
    const deck = path.join(dir, 'talk.md');
    const out = path.join(dir, 'out');
    writeFileSync(deck, '# Good\n');
    expect((await runCli('build', deck, '-o', out)).code).toBe(0);
    writeFileSync(deck, '---\nsize: banana\n---\n# Bad\n');
    const { code, stderr } = await runCli('build', deck, '-o', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/talk\.md:2:1: error: `size` must be 16:9, 4:3 or WIDTHxHEIGHT/);
    expect(readFileSync(path.join(out, 'talk/index.html'), 'utf8')).toContain('<h1>Good</h1>');
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('warns about a missing image with file:line and still builds; --strict makes it an error', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}'); // the project root
    const deck = path.join(dir, 'img.md');
    writeFileSync(deck, '# Title\n\n---\n\n![A cat](cat.png)\n');
    const warned = await runCli('build', deck, '-o', path.join(dir, 'out'));
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/img\.md:5:1: warning: image "cat\.png" not found \(missing-image\)/);
    const strict = await runCli('build', deck, '-o', path.join(dir, 'out2'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/img\.md:5:1: error: image "cat\.png" not found/);
  });

  it('warns about a missing theme file and builds with the default theme; --strict and check make it an error', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}'); // the project root
    const deck = path.join(dir, 'themed.md');
    writeFileSync(deck, '---\ntitle: T\ntheme: styles/gone.css\n---\n# Title\n');
    const warned = await runCli('build', deck, '-o', path.join(dir, 'out'));
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toMatch(
      /themed\.md:3:1: warning: theme styles\/gone\.css not found: the deck uses the default theme \(missing-file\)/,
    );
    expect(readFileSync(path.join(dir, 'out/themed/assets/theme.css'), 'utf8')).toContain('--dm-bg');
    const strict = await runCli('build', deck, '-o', path.join(dir, 'out2'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/themed\.md:3:1: error: theme styles\/gone\.css not found/);
    expect(existsSync(path.join(dir, 'out2/themed'))).toBe(false);
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(dir, 'no-such-browser'));
    try {
      const checked = await runCli('check', deck);
      expect(checked.code).toBe(1);
      expect(checked.stdout).toMatch(/themed\.md:3:1: error: theme styles\/gone\.css not found.*\(missing-file\)/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('copies local images named in raw HTML and rewrites their src', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), '{}');
    mkdirSync(path.join(dir, 'pics'));
    writeFileSync(path.join(dir, 'pics/a.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(dir, 'raw.md'), '# T\n\n<img src="pics/a.svg" alt="A" width="50%">\n');
    const out = path.join(dir, 'out');
    expect((await runCli('build', path.join(dir, 'raw.md'), '-o', out)).code).toBe(0);
    const $ = load(readFileSync(path.join(out, 'raw/index.html'), 'utf8'));
    const src = $('img[alt="A"]').attr('src')!;
    expect(src).toMatch(/^assets\/a-[0-9a-f]{10}\.svg$/);
    expect(existsSync(path.join(out, 'raw', src))).toBe(true);
  });

  it('refuses an image outside the project', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'project/slides'), { recursive: true });
    writeFileSync(path.join(dir, 'project/package.json'), '{}');
    writeFileSync(path.join(dir, 'secret.png'), 'x');
    const deck = path.join(dir, 'project/slides/deck.md');
    writeFileSync(deck, '# T\n\n![s](../../secret.png)\n');
    const { code, stderr } = await runCli('build', deck, '-o', path.join(dir, 'out'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/deck\.md:3:1: error: image "\.\.\/\.\.\/secret\.png" is outside the project folder/);
  });

  it('exits 1 for a folder without decks', async () => {
    const { code, stderr } = await runCli('build', tempDir(), '-o', tempDir());
    expect(code).toBe(1);
    expect(stderr).toMatch(/error: no decks \(\.md files\) in .* \(no-decks\)/);
  });

  it('exits 2 for an unknown command and for a bad option', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
    expect((await runCli('build', '--no-such-option')).code).toBe(2);
  });

  it('prints help for every command with exit code 0', async () => {
    for (const command of ['build', 'new']) {
      const { code, stdout } = await runCli(command, '--help');
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`Usage: deckmark ${command}`));
    }
  });

  it('creates a new deck from the template that builds', async () => {
    const dir = tempDir();
    const { code } = await runCli('new', 'my-talk', '--dir', dir);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'my-talk.md'), 'utf8')).toMatch(/^---\ntitle: My talk\n/);
    expect((await runCli('new', 'my-talk', '--dir', dir)).code).toBe(2);
    expect((await runCli('build', path.join(dir, 'my-talk.md'), '-o', path.join(dir, 'out'))).code).toBe(0);
  });
});
