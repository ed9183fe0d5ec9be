// The bad-input catalogue (issue 8): each input gives a clear message with file:line and the
// documented exit code, never a stack trace, never a half-written output. Items covered
// elsewhere are named in README "Bad input"; these are the rest, through `deckmark build`.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/compile/parse-deck.js';
import { renderDeck } from '../../src/compile/render-deck.js';
import { runCli } from '../helpers/cli.js';
import { buildDeckText, expectFailure, expectWholeDeck, makeProject } from './helpers.js';

const render = (text: string) => {
  const deck = parseDeck(text, { file: 'deck.md' });
  return { deck, html: renderDeck(deck, { styles: [], scripts: [] }) };
};

describe('empty and front-matter-only decks', () => {
  it('builds an empty file as one empty slide titled by its file name', async () => {
    const r = await buildDeckText('empty.md', '');
    expect(r.code, r.stderr).toBe(0);
    const $ = load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'));
    expect($('.slides > section').length).toBe(1);
    expect($('title').text()).toBe('empty');
  });

  it('builds a deck that is only front matter', async () => {
    const r = await buildDeckText('only.md', '---\ntitle: Only settings\nlang: nb\n---\n');
    expect(r.code, r.stderr).toBe(0);
    const $ = load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'));
    expect($('title').text()).toBe('Only settings');
    expect($('.slides > section').length).toBe(1);
  });
});

describe('broken front matter: exit 1 on its line, nothing written', () => {
  // YAML syntax errors: test/cli/build-command.test.ts "exits 1 naming the line of broken YAML".
  it.each([
    ['not closed', '---\ntitle: T\n\n# Slide\n', /fm\.md:1:1: error: front matter is not closed/],
    ['a list', '---\n- a\n- b\n---\n# S\n', /fm\.md:2:1: error: front matter must be a mapping/],
    ['a scalar', '---\njust text\n---\n# S\n', /fm\.md:2:1: error: front matter must be a mapping/],
    ['lang: 42', '---\ntitle: T\nlang: 42\n---\n# S\n', /fm\.md:3:1: error: `lang` must be a language tag .*\(invalid-option\)/],
    ['size: banana', '---\nsize: banana\n---\n# S\n', /fm\.md:2:1: error: `size` must be 16:9, 4:3 or WIDTHxHEIGHT/],
    ['an unknown theme', '---\ntitle: T\n\ntheme: glitter\n---\n# S\n', /fm\.md:4:1: error: unknown theme "glitter".*\(unknown-theme\)/],
  ])('%s', async (_, text, message) => {
    expectFailure(await buildDeckText('fm.md', text), 1, message);
  });
});

describe('files that are not UTF-8 Markdown', () => {
  it('refuses a binary file', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    expectFailure(
      await buildDeckText('image.md', png),
      1,
      /image\.md:3:1: error: this is a binary file, not a Markdown deck \(input-unreadable\)/,
    );
  });

  it('refuses invalid UTF-8, naming the line', async () => {
    const text = Buffer.concat([Buffer.from('# Title\n\nline three \xe6'.slice(0, 17), 'utf8'), Buffer.from([0xe6, 0x0a])]);
    expectFailure(await buildDeckText('latin1.md', text), 1, /latin1\.md:3:1: error: the file is not valid UTF-8 text/);
  });

  it('drops a BOM: the title and the lines are right', async () => {
    const r = await buildDeckText('bom.md', '\uFEFF---\ntitle: Med BOM\n---\n\n# A\n\n![x](gone.png)\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/bom\.md:7:1: warning: image "gone\.png" not found/);
    expect(load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'))('title').text()).toBe('Med BOM');
  });

  it.each([
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('splits slides and counts lines with %s line endings', async (_, eol) => {
    const text = ['# One', '', '---', '', '# Two', '', '![x](gone.png)', '', '----', '', '# Three', 'Note: said aloud'].join(eol);
    const r = await buildDeckText('eol.md', text);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/eol\.md:7:1: warning: image "gone\.png" not found/);
    const $ = load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'));
    expect($('.slides > section').length).toBe(2);
    expect(
      $('.slides section section')
        .map((_, s) => $(s).attr('data-line'))
        .get(),
    ).toEqual(['5', '11']);
    expect($('aside.notes').text().trim()).toBe('said aloud');
  });
});

describe('big decks', () => {
  it('builds a 5 MB deck', { timeout: 60_000 }, async () => {
    const paragraph = 'Lorem ipsum **dolor** sit amet, [consectetur](https://example.org) adipiscing elit.\n\n';
    let text = '';
    for (let i = 0; text.length < 5 * 1024 * 1024; i++)
      text += (i % 20 === 0 ? `## Slide ${i / 20 + 1}\n\n` : '') + paragraph + (i % 20 === 19 ? '---\n\n' : '');
    const r = await buildDeckText('big.md', text, '--separator', '^---$');
    expect(r.code, r.stderr.slice(0, 500)).toBe(0);
    expect(load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'))('.slides > section').length).toBeGreaterThan(3000);
  });

  it('builds 10,000 slides', { timeout: 60_000 }, async () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `## Slide ${i + 1}\n\nText ${i + 1}`).join('\n\n---\n\n');
    const r = await buildDeckText('many.md', text);
    expect(r.code, r.stderr.slice(0, 500)).toBe(0);
    const $ = load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'));
    expect($('.slides > section').length).toBe(10_000);
    expect($('.slides > section').last().attr('data-line')).toBe(String(6 * 9_999 + 1));
  });
});

describe('deep nesting (markdown-it stops at its maxNesting; no stack overflow)', () => {
  it.each([
    ['1,000-deep nested lists', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')],
    ['1,000-deep blockquotes', `${'>'.repeat(1000)} deep`],
    ['1,000-deep blockquote lines', Array.from({ length: 1000 }, (_, i) => `${'> '.repeat(i + 1)}line`).join('\n')],
    ['1,000-deep nested fenced divs', Array.from({ length: 1000 }, (_, i) => `${':'.repeat(1003 - i)} d`).join('\n')],
  ])('%s render to whole HTML', (_, body) => {
    const { deck, html } = render(`# Deep\n\n${body}\n\n---\n\n# After`);
    expect(deck.slides).toHaveLength(2);
    expectWholeDeck(html, deck);
  });
});

describe('blocks never closed: a warning on their line, the rest of the deck intact', () => {
  it.each([
    ['a code fence', '# A\n\n```js\nlet a;\n\n# still code\n', 'unclosed-fence', 3, 1],
    ['a fenced div', '# A\n\n::: columns\ntext\n\n---\n\n# B\n', 'unclosed-div', 3, 2],
    ['a <!-- .slide: comment', '# A\n\ntext\n\n<!-- .slide: class="x"\n\nmore\n\n---\n\n# B\n', 'unclosed-comment', 5, 2],
    ['a raw <!-- comment', '# A\n\n<!-- hidden\n\n---\n\n# B\n', 'unclosed-comment', 3, 2],
  ])('%s', (_, text, code, line, slides) => {
    const { deck, html } = render(text);
    expect(deck.diagnostics.map((d) => [d.code, d.line])).toContainEqual([code, line]);
    expect(deck.slides).toHaveLength(slides);
    expectWholeDeck(html, deck);
  });

  it('prints the warning with file:line and still builds', async () => {
    const r = await buildDeckText('open.md', '# A\n\n<!-- .slide: class="x"\n\n---\n\n# B\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/open\.md:3:1: warning: HTML comment `<!--` is never closed.*\(unclosed-comment\)/);
    expect(load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'))('.slides > section').length).toBe(2);
  });
});

describe('attribute values with quotes and >', () => {
  it('are escaped wherever they come from (without --safe too)', () => {
    const text = [
      '<!-- .slide: data-state=\'a"b>c\' data-note="x\'>y" -->',
      '',
      '# Title {data-a="1>2" title="it\'s > that"}',
      '',
      "Para <!-- .element: title='q\"><b>z</b>' -->",
      '',
      '::: callout {title=\'say "hi" > there\'}',
      'Body',
      ':::',
    ].join('\n');
    const { deck, html } = render(text);
    expectWholeDeck(html, deck);
    const $ = load(html);
    const slide = $('.slides > section');
    expect(slide.attr('data-state')).toBe('a"b>c');
    expect(slide.attr('data-note')).toBe("x'>y");
    expect($('p[title]').attr('title')).toBe('q"><b>z</b>');
    expect($('h1').attr('data-a')).toBe('1>2');
    expect($('h1').attr('title')).toBe("it's > that");
    expect($('.slides b').length).toBe(0);
  });
});

describe('images outside the project', () => {
  const setUp = () => {
    const project = makeProject();
    writeFileSync(path.join(project.dir, '..', `outside-${path.basename(project.dir)}.png`), 'png');
    writeFileSync(path.join(project.slides, 'inside.png'), 'png');
    return project;
  };

  it.each([
    ['a .. path to a file outside', (dir: string) => `../../outside-${path.basename(dir)}.png`],
    ['an absolute path', (dir: string) => path.join(dir, '..', `outside-${path.basename(dir)}.png`)],
  ])('refuse %s: exit 1 on its line', async (_, src) => {
    const { dir, slides, out } = setUp();
    writeFileSync(path.join(slides, 'deck.md'), `# T\n\n![pic](${src(dir)})\n`);
    const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
    expectFailure(
      { ...r, out },
      1,
      /deck\.md:3:1: error: image ".*outside-.*\.png" is outside the project folder.*\(asset-outside-project\)/,
    );
  });

  it('refuse a symlink that points out of the project', async () => {
    const { dir, slides, out } = setUp();
    symlinkSync(path.join(dir, '..', `outside-${path.basename(dir)}.png`), path.join(slides, 'link.png'));
    writeFileSync(path.join(slides, 'deck.md'), '# T\n\n![pic](link.png)\n');
    const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
    expectFailure({ ...r, out }, 1, /deck\.md:3:1: error: image "link\.png" is outside the project folder/);
  });

  it('only warn about a .. path to a file that does not exist', async () => {
    const { slides, out } = setUp();
    writeFileSync(path.join(slides, 'deck.md'), '# T\n\n![pic](../../nowhere.png)\n');
    const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/deck\.md:3:1: warning: image "\.\.\/\.\.\/nowhere\.png" not found \(missing-image\)/);
  });
});

describe('file and folder names', () => {
  it('builds a deck named with spaces and non-ASCII letters: slug, assets and URLs right', async () => {
    const { slides, out } = makeProject();
    writeFileSync(path.join(slides, 'Mål og strategi.md'), '# Mål\n\n![Ørn](bilde%20ø.png)\n');
    writeFileSync(path.join(slides, 'bilde ø.png'), 'png');
    const r = await runCli('build', slides, '-o', out, '--no-image');
    expect(r.code, r.stderr).toBe(0);
    const deck = load(readFileSync(path.join(out, 'Mål og strategi', 'index.html'), 'utf8'));
    const src = deck('img[alt="Ørn"]').attr('src')!;
    expect(existsSync(path.join(out, 'Mål og strategi', src))).toBe(true);
    expect(src).toMatch(/^assets\/bilde-+[0-9a-f]{10}\.png$/); // URL-safe: the hashed name keeps ASCII
    const index = load(readFileSync(path.join(out, 'index.html'), 'utf8'));
    const href = index('li.deck h2 a').attr('href')!;
    expect(href).toBe('M%C3%A5l%20og%20strategi/index.html');
    expect(existsSync(path.join(out, decodeURIComponent(href)))).toBe(true);
  });

  it('exits 1 naming an output folder it cannot write', async () => {
    const { dir, slides } = makeProject();
    writeFileSync(path.join(slides, 'deck.md'), '# T\n');
    // chmod stops no one running as root (CI): under a regular file, no one can write.
    const asRoot = process.getuid?.() === 0;
    let out = path.join(dir, 'file.txt', 'out');
    writeFileSync(path.join(dir, 'file.txt'), 'a file');
    if (!asRoot) {
      out = path.join(dir, 'locked');
      mkdirSync(out);
      chmodSync(out, 0o555);
    }
    try {
      const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`error: cannot write ${path.join(out, 'deck')}`);
      expect(r.stderr).toMatch(/\(output-unwritable\)/);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      if (!asRoot) expect(readdirSync(out)).toEqual([]);
    } finally {
      if (!asRoot) chmodSync(out, 0o755);
    }
  });

  // An input folder without decks: test/cli/build-command.test.ts "exits 1 for a folder without decks".
});
