// Issue 20, findings 2 and 3: `css:` and `theme:` read any file on the build machine (even with
// --safe: /proc/self/environ was published as CSS) and `css: /dev/zero` ate 16.8 GB. They now
// follow the images' project-root rule, must be regular .css files of text, and are bounded.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_STYLESHEET_BYTES } from '../../src/build/theme-files.js';
import { buildDeckText, expectFailure, makeProject } from './helpers.js';
import { runCliCapped } from './capped.js';
import { runCli, tempDir } from '../helpers/cli.js';

const withCss = (key: string, value: string) => `---\ntitle: T\n${key}: ${value}\n---\n# Slide\n`;

describe('stylesheets outside the project are refused (asset-outside-project)', () => {
  it.each([
    ['css', '/proc/self/environ', 'stylesheet "/proc/self/environ"'],
    ['css', '/etc/passwd', 'stylesheet "/etc/passwd"'],
    ['css', '[ok.css, /etc/passwd]', 'stylesheet "/etc/passwd"'],
  ])('%s: %s', async (key, value, what) => {
    const r = await buildDeckText('deck.md', withCss(key, value), '--safe');
    expectFailure(
      r,
      1,
      new RegExp(
        `deck\\.md:3:1: error: ${what.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is outside the project folder \\(asset-outside-project\\)`,
      ),
    );
  });

  it('a theme outside the project, and one inside that imports or uses a font from outside', async () => {
    const outside = path.join(tempDir('deckmark-outside-'), 'secret.css');
    writeFileSync(outside, 'body { --secret: 1 }\n');
    const { slides, out } = makeProject();
    const deck = path.join(slides, 'deck.md');
    writeFileSync(deck, withCss('theme', outside));
    expectFailure(
      { ...(await runCli('build', deck, '-o', out, '--no-image')), out },
      1,
      /deck\.md:3:1: error: theme ".*secret\.css" is outside the project folder \(asset-outside-project\)/,
    );

    writeFileSync(path.join(slides, 'mine.css'), `@import "default.css";\n@import "${path.relative(slides, outside)}";\n`);
    writeFileSync(deck, withCss('theme', './mine.css'));
    expectFailure(
      { ...(await runCli('build', deck, '-o', out, '--no-image')), out },
      1,
      /deck\.md:3:1: error: theme "\.\/mine\.css": its @import ".*secret\.css" is outside the project folder/,
    );

    writeFileSync(path.join(slides, 'mine.css'), `@font-face { font-family: x; src: url(fonts/../../../../../../etc/passwd) }\n`);
    expectFailure(
      { ...(await runCli('build', deck, '-o', out, '--no-image')), out },
      1,
      /deck\.md:3:1: error: theme "\.\/mine\.css": its font "fonts\/\.\.\/.*" is outside the project folder/,
    );
  });

  it.each(['/dev/zero', 'zero.css'])(
    'css: %s (zero.css a symlink to /dev/zero): refused at once, in a 256 MB child',
    (value) => {
      const { dir, slides, out } = makeProject();
      symlinkSync('/dev/zero', path.join(slides, 'zero.css'));
      writeFileSync(path.join(slides, 'deck.md'), withCss('css', value));
      const r = runCliCapped(['build', path.join(slides, 'deck.md'), '-o', out, '--no-image'], { cwd: dir, timeoutMs: 20_000 });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`deck.md:3:1: error: stylesheet "${value}" is outside the project folder (asset-outside-project)`);
    },
    30_000,
  );
});

describe('stylesheets that are not regular CSS files (invalid-stylesheet)', () => {
  it('a folder, by either name', async () => {
    for (const name of ['styles', 'styles.css']) {
      const { slides, out } = makeProject();
      mkdirSync(path.join(slides, name));
      writeFileSync(path.join(slides, 'deck.md'), withCss('css', name));
      const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
      expectFailure(
        { ...r, out },
        1,
        new RegExp(`deck\\.md:3:1: error: stylesheet "${name.replace('.', '\\.')}" is a folder, not a file \\(invalid-stylesheet\\)`),
      );
    }
  });

  it('a theme that is a folder', async () => {
    const { slides, out } = makeProject();
    mkdirSync(path.join(slides, 'theme.css'));
    writeFileSync(path.join(slides, 'deck.md'), withCss('theme', './theme.css'));
    const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
    expectFailure({ ...r, out }, 1, /deck\.md:3:1: error: theme "\.\/theme\.css" is a folder, not a file \(invalid-stylesheet\)/);
  });

  it('a named pipe: refused without waiting for a writer', () => {
    const { dir, slides, out } = makeProject();
    execFileSync('mkfifo', [path.join(slides, 'pipe.css')]);
    writeFileSync(path.join(slides, 'deck.md'), withCss('css', 'pipe.css'));
    const r = runCliCapped(['build', path.join(slides, 'deck.md'), '-o', out, '--no-image'], { cwd: dir, timeoutMs: 20_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/deck\.md:3:1: error: stylesheet "pipe\.css" is not a regular file .*\(invalid-stylesheet\)/);
  }, 30_000);

  it('a file over the size limit', async () => {
    const { slides, out } = makeProject();
    writeFileSync(path.join(slides, 'big.css'), `/*${'x'.repeat(MAX_STYLESHEET_BYTES)}*/`);
    writeFileSync(path.join(slides, 'deck.md'), withCss('css', 'big.css'));
    const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
    expectFailure({ ...r, out }, 1, /deck\.md:3:1: error: stylesheet "big\.css" is larger than 2 MB \(invalid-stylesheet\)/);
  });

  it('a file that is not CSS: another extension, or binary', async () => {
    const { slides, out } = makeProject();
    writeFileSync(path.join(slides, 'notes.txt'), 'body {}');
    writeFileSync(path.join(slides, 'bin.css'), Buffer.from([0x2f, 0x2a, 0x00, 0xff, 0x2a, 0x2f]));
    for (const name of ['notes.txt', 'bin.css']) {
      writeFileSync(path.join(slides, 'deck.md'), withCss('css', name));
      const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
      expectFailure({ ...r, out }, 1, /deck\.md:3:1: error: stylesheet ".*" is not a CSS file .*\(invalid-stylesheet\)/);
    }
  });

  it('a regular stylesheet and a theme that imports a built-in one still build', async () => {
    const { slides, out } = makeProject();
    writeFileSync(path.join(slides, 'extra.css'), '.x { color: red }\n');
    writeFileSync(path.join(slides, 'mine.css'), '@import "dark.css";\n:root { --dm-accent: #0a5 }\n');
    writeFileSync(path.join(slides, 'deck.md'), `---\ntheme: ./mine.css\ncss: extra.css\n---\n# S\n`);
    const r = await runCli('build', path.join(slides, 'deck.md'), '-o', out, '--no-image');
    expect(r.code, r.stderr).toBe(0);
  });
});
