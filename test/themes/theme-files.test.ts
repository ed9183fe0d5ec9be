// Built-in themes build on default.css with `@import`, which the build inlines; a copy of a
// theme elsewhere still finds default.css; themeVars override a theme's properties.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { BUILTIN_THEMES } from '../../src/model/themes.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

async function build(front: string): Promise<{ html: string; theme: string }> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'package.json'), '{}');
  copyFileSync(path.join(REPO, 'themes/dark.css'), path.join(dir, 'my-dark.css'));
  writeFileSync(path.join(dir, 'deck.md'), `---\n${front}\n---\n# Deck\n`);
  const out = path.join(dir, 'dist');
  const built = await runCli('build', path.join(dir, 'deck.md'), '-o', out);
  expect(built.code, built.stderr).toBe(0);
  return {
    html: readFileSync(path.join(out, 'deck/index.html'), 'utf8'),
    theme: readFileSync(path.join(out, 'deck/assets/theme.css'), 'utf8'),
  };
}

describe('theme files', () => {
  it.each(BUILTIN_THEMES.map((t) => [t]))('%s builds into one stylesheet, default.css inlined', async (name) => {
    const { theme } = await build(`theme: ${name}`);
    expect(theme.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/@import/);
    expect(theme).toContain('.dm-goals-list > li');
    expect(theme.match(/--dm-bg:/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('a copy of a theme in the deck folder finds default.css among the built-in themes', async () => {
    const { theme } = await build('theme: ./my-dark.css');
    expect(theme.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/@import/);
    expect(theme).toContain('--dm-bg: #11151c');
    // default.css first, then the copy's own properties, which win.
    expect(theme.indexOf('--dm-bg: #ffffff')).toBeLessThan(theme.indexOf('--dm-bg: #11151c'));
  });

  it('themeVars override the theme, after it', async () => {
    const { html } = await build('theme: corporate\nthemeVars: { accent: "#0a5", font-size: 30px }');
    const $ = cheerio.load(html);
    const styles = $('head link[rel=stylesheet], head style')
      .toArray()
      .map((e) => $(e).attr('href') ?? $(e).text());
    expect(styles.indexOf('assets/theme.css')).toBeLessThan(styles.findIndex((s) => s.includes('--dm-accent:#0a5')));
    expect(styles.join('\n')).toContain('--dm-font-size:30px');
  });
});
