// The project config (deckmark.config.json / .yaml, package.json's "deckmark" key): settings for
// every deck under it, the front matter winning, problems located in the config file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/build-site.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { DeckError } from '../../src/model/deck-error.js';

/** A temporary project (a package.json at its root) holding these files. */
function project(files: Record<string, string>): string {
  const dir = tempDir('deckmark-config-');
  writeFileSync(path.join(dir, 'package.json'), files['package.json'] ?? '{ "name": "talks" }\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The DeckError a promise rejects with. */
async function deckErrorOf(promise: Promise<unknown>): Promise<DeckError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeckError);
  return error as DeckError;
}

async function build(dir: string, input = 'slides') {
  const built = await buildSite(path.join(dir, input), { outDir: path.join(dir, 'dist'), image: false });
  return Object.fromEntries(built.map((b) => [b.slug, b]));
}

describe('project config', () => {
  it('sets theme, lang and the base url of every deck in the folder; front matter wins', async () => {
    const dir = project({
      'deckmark.config.yaml': 'theme: dark\nlang: nb\nurl: https://talks.example.org/2026\npdf:\n  notes: below\n  handout: 3\n',
      'slides/plain.md': '# Plain\n',
      'slides/own.md': '---\nlang: en\ntheme: corporate\nurl: https://elsewhere.example.com/own/\npdf:\n  handout: 6\n---\n# Own\n',
    });
    const decks = await build(dir);
    expect(decks.plain.deck.meta).toMatchObject({
      theme: 'dark',
      lang: 'nb',
      url: 'https://talks.example.org/2026/plain/',
      pdf: { notes: 'below', handout: 3 },
    });
    // Key by key, and inside pdf: the deck's own handout, the config's notes.
    expect(decks.own.deck.meta).toMatchObject({
      theme: 'corporate',
      lang: 'en',
      url: 'https://elsewhere.example.com/own/',
      pdf: { notes: 'below', handout: 6 },
    });
    const html = readFileSync(path.join(dir, 'dist/plain/index.html'), 'utf8');
    expect(html).toContain('<html lang="nb"');
    expect(html).toContain('<link rel="canonical" href="https://talks.example.org/2026/plain/">');
    expect(readFileSync(path.join(dir, 'dist/plain/assets/theme.css'), 'utf8')).toContain('deckmark — dark theme');
    expect(readFileSync(path.join(dir, 'dist/own/assets/theme.css'), 'utf8')).not.toContain('deckmark — dark theme');
  });

  it('is the nearest one from the deck up to the project root, JSON or package.json', async () => {
    const dir = project({
      'package.json': '{\n  "name": "talks",\n  "deckmark": {\n    "lang": "sv"\n  }\n}\n',
      'slides/top.md': '# Top\n',
      'slides/team/deckmark.config.json': '{\n  "lang": "da"\n}\n',
      'slides/team/inner.md': '# Inner\n',
    });
    expect((await build(dir)).top.deck.meta.lang).toBe('sv');
    expect((await build(dir, 'slides/team')).inner.deck.meta.lang).toBe('da');
  });

  it("gives `deckmark embed` the deck's URL under the base", async () => {
    const dir = project({ 'deckmark.config.json': '{ "url": "https://talks.example.org" }', 'slides/my talk.md': '# Talk\n' });
    const { code, stdout } = await runCli('embed', path.join(dir, 'slides/my talk.md'), '-o', path.join(dir, 'dist'));
    expect(code).toBe(0);
    expect(stdout).toContain('src="https://talks.example.org/my%20talk/');
  });

  it('stops at the project root', async () => {
    const dir = project({ 'deckmark.config.json': '{ "lang": "fi" }', 'talk/package.json': '{}', 'talk/slides/deck.md': '# Deck\n' });
    expect((await build(dir, 'talk/slides')).deck.deck.meta.lang).toBe('en');
  });

  it('takes theme and css paths relative to the config file', async () => {
    const dir = project({
      'deckmark.config.json': '{ "theme": "brand/brand.css", "css": ["brand/extra.css"] }',
      'brand/brand.css': ':root { --dm-bg: #102030; }\n',
      'brand/extra.css': '.extra-rule { color: red; }\n',
      'slides/deck.md': '# Deck\n',
    });
    await build(dir);
    const assets = path.join(dir, 'dist/deck/assets');
    expect(readFileSync(path.join(assets, 'theme.css'), 'utf8')).toContain('--dm-bg: #102030');
    expect(readFileSync(path.join(dir, 'dist/deck/index.html'), 'utf8')).toMatch(/assets\/extra-\w+\.css/);
  });

  it('reports a bad value at its line in the config file', async () => {
    const dir = project({
      'deckmark.config.json': '{\n  "theme": "dark",\n  "lang": "nb",\n  "size": "wide"\n}\n',
      'slides/deck.md': '# Deck\n',
    });
    const error = await deckErrorOf(build(dir));
    expect(error).toMatchObject({ code: 'invalid-option', file: path.join(dir, 'deckmark.config.json'), line: 4, column: 3 });
    expect(error.message).toContain('`size` must be 16:9');

    const cli = await runCli('build', path.join(dir, 'slides'), '-o', path.join(dir, 'dist'), '--no-image');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`${path.join(dir, 'deckmark.config.json')}:4:3: error: \`size\` must be 16:9`);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a bad value inside package.json\'s "deckmark" key at its line', async () => {
    const dir = project({
      'package.json': '{\n  "name": "talks",\n  "deckmark": {\n    "theme": "dark",\n    "pdf": { "notes": "aside" }\n  }\n}\n',
      'slides/deck.md': '# Deck\n',
    });
    const error = await deckErrorOf(build(dir));
    // At `notes`, inside the `pdf` object on the same line.
    expect(error).toMatchObject({ code: 'invalid-option', file: path.join(dir, 'package.json'), line: 5, column: 14 });
    expect(error.message).toContain('`pdf.notes` must be');
  });

  it('reports a bad nested value in a YAML config at its own line, not its mapping key', async () => {
    const dir = project({
      'deckmark.config.yaml': 'theme: dark\npdf:\n  handout: 3\n  notes: aside\n',
      'slides/deck.md': '# Deck\n',
    });
    const cli = await runCli('build', path.join(dir, 'slides'), '-o', path.join(dir, 'dist'), '--no-image');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`${path.join(dir, 'deckmark.config.yaml')}:4:3: error: \`pdf.notes\` must be false, page or below`);
    writeFileSync(path.join(dir, 'deckmark.config.yaml'), 'theme: dark\ngallery:\n  intro: x\n  title: 12\n');
    expect(await deckErrorOf(build(dir))).toMatchObject({ code: 'invalid-option', line: 4, column: 3 });
  });

  it('reports broken YAML or JSON at its line and column, and an unknown key as a warning there', async () => {
    const yaml = project({ 'deckmark.config.yaml': 'theme: dark\nlang: [nb\n', 'slides/deck.md': '# Deck\n' });
    expect(await deckErrorOf(build(yaml))).toMatchObject({
      code: 'invalid-config',
      file: path.join(yaml, 'deckmark.config.yaml'),
      line: 3,
    });

    const json = project({ 'deckmark.config.json': '{\n  "theme": "dark",\n  "lang" "nb"\n}\n', 'slides/deck.md': '# Deck\n' });
    const error = await deckErrorOf(build(json));
    expect(error).toMatchObject({ code: 'invalid-config', line: 3, column: 10 });
    expect(error.message).toMatch(/^invalid JSON in /);

    const unknown = project({ 'deckmark.config.yaml': 'theme: dark\n\nteme: light\n', 'slides/deck.md': '# Deck\n' });
    expect((await build(unknown)).deck.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'unknown-key',
        file: path.join(unknown, 'deckmark.config.yaml'),
        line: 3,
        message: 'unknown config key `teme` (ignored)',
      }),
    );
  });

  it('refuses a config that is a folder or too large to be one', async () => {
    const folder = project({ 'slides/deck.md': '# Deck\n' });
    mkdirSync(path.join(folder, 'deckmark.config.yaml'));
    const error = await deckErrorOf(build(folder));
    expect(error).toMatchObject({
      code: 'invalid-config',
      message: `${path.join(folder, 'deckmark.config.yaml')} is a folder, not a file`,
    });

    const large = project({ 'deckmark.config.yaml': `# ${'x'.repeat(1024 * 1024)}\nlang: nb\n`, 'slides/deck.md': '# Deck\n' });
    expect((await deckErrorOf(build(large))).message).toMatch(/deckmark\.config\.yaml is larger than 1 MB$/);
  });

  it('refuses two configs in one folder', async () => {
    const dir = project({ 'deckmark.config.json': '{}', 'deckmark.config.yaml': 'lang: nb\n', 'slides/deck.md': '# Deck\n' });
    const error = await deckErrorOf(build(dir));
    expect(error.code).toBe('invalid-config');
    expect(error.message).toContain('deckmark.config.json and');
  });
});

describe('a theme from an npm package', () => {
  const themePackage = {
    'node_modules/@acme/deckmark-theme/package.json': '{ "name": "@acme/deckmark-theme", "version": "1.0.0", "style": "dist/acme.css" }',
    'node_modules/@acme/deckmark-theme/dist/acme.css': '@import "base.css";\n:root { --dm-accent: #ff6600; }\n',
    'node_modules/@acme/deckmark-theme/dist/base.css': ':root { --dm-bg: #fafafa; }\n',
  };

  it("is read from the project's node_modules, by its package.json's style, with its imports", async () => {
    const dir = project({ ...themePackage, 'deckmark.config.json': '{ "theme": "@acme/deckmark-theme" }', 'slides/deck.md': '# Deck\n' });
    const decks = await build(dir);
    expect(decks.deck.deck.meta.theme).toBe('@acme/deckmark-theme');
    const css = readFileSync(path.join(dir, 'dist/deck/assets/theme.css'), 'utf8');
    expect(css).toContain('--dm-accent: #ff6600');
    expect(css).toContain('--dm-bg: #fafafa');
  });

  it('falls back to index.css, and works from front matter too', async () => {
    const dir = project({
      'node_modules/deckmark-theme-plain/package.json': '{ "name": "deckmark-theme-plain", "main": "index.js" }',
      'node_modules/deckmark-theme-plain/index.css': ':root { --dm-fg: #010203; }\n',
      'slides/deck.md': '---\ntheme: deckmark-theme-plain\n---\n# Deck\n',
    });
    await build(dir);
    expect(readFileSync(path.join(dir, 'dist/deck/assets/theme.css'), 'utf8')).toContain('--dm-fg: #010203');
  });

  it('that is not installed is an error at the line naming it', async () => {
    const config = project({ 'deckmark.config.yaml': 'lang: nb\ntheme: "@acme/missing"\n', 'slides/deck.md': '# Deck\n' });
    const error = await deckErrorOf(build(config));
    expect(error).toMatchObject({ code: 'unknown-theme', file: path.join(config, 'deckmark.config.yaml'), line: 2 });
    expect(error.message).toBe(
      'theme package "@acme/missing" is not installed in the project\'s node_modules: run npm install @acme/missing',
    );

    const deck = project({ 'slides/deck.md': '---\ntitle: T\ntheme: "@acme/missing"\n---\n# Deck\n' });
    expect(await deckErrorOf(build(deck))).toMatchObject({ code: 'unknown-theme', line: 3 });
  });
});
