// The diagram cache with fixture drawers (no browser): what it asks for, what it keeps on disk,
// the safety gate over what a drawer returns, and failures it does not keep.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagramThemeOf } from '../../src/build/diagram-theme.js';
import { openDiagramCache, type DiagramDrawer, type DiagramRequest } from '../../src/build/diagrams.js';
import { DIAGRAM_ID } from '../../src/markdown/plugins/mermaid.js';
import { tempDir } from '../helpers/cli.js';

const THEME = diagramThemeOf(':root{--dm-bg:#ffffff;--dm-fg:#1d2433;--dm-accent:#2f4fd8}', {});
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" id="${DIAGRAM_ID}" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>`;

function cacheIn(dir: string) {
  vi.stubEnv('DECKMARK_CACHE_DIR', dir);
  const cache = openDiagramCache(dir);
  cache.useTheme(THEME);
  return cache;
}

describe('the diagram cache', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('asks for each diagram once per theme, with the first fence’s line, and serves it from disk next time', async () => {
    const dir = tempDir('deckmark-diagram-cache-');
    const asked: DiagramRequest[][] = [];
    const drawer: DiagramDrawer = async (requests) => {
      asked.push(requests);
      return requests.map(() => ({ svg: SVG, type: 'pie' }));
    };
    const cache = cacheIn(dir);
    expect(cache.lookup('pie\n "A" : 1', false, 3)).toBeUndefined();
    expect(cache.lookup('pie\n "A" : 1', false, 9)).toBeUndefined();
    expect(cache.lookup('pie\n "A" : 1', true, 12)).toBeUndefined(); // an inverse slide: the dark theme
    expect(cache.misses().map((m) => m.line)).toEqual([3, 12]);
    expect(await cache.fill(drawer)).toBeUndefined();
    expect(asked).toHaveLength(1);
    expect(asked[0].map((r) => r.theme)).toEqual([THEME.light, THEME.dark]);
    await cache.save();

    const again = cacheIn(dir);
    expect(again.lookup('pie\n "A" : 1', true, 1)).toEqual({ svg: SVG, type: 'pie' });
    expect(again.misses()).toEqual([]);
  });

  it('keys by the theme: other colours are another drawing', async () => {
    const dir = tempDir('deckmark-diagram-cache-');
    const cache = cacheIn(dir);
    cache.lookup('pie\n "A" : 1', false, 1);
    await cache.fill(async (requests) => requests.map(() => ({ svg: SVG, type: 'pie' })));
    await cache.save();
    const other = openDiagramCache(dir);
    other.useTheme(diagramThemeOf(':root{--dm-bg:#000000;--dm-fg:#ffffff}', {}));
    expect(other.lookup('pie\n "A" : 1', false, 1)).toBeUndefined();
  });

  it('refuses a drawing that could run script, whatever the drawer says', async () => {
    const dir = tempDir('deckmark-diagram-cache-');
    const cache = cacheIn(dir);
    cache.lookup('flowchart LR\n A', false, 1);
    await cache.fill(async () => [{ svg: SVG.replace('<rect', '<script>alert(1)</script><rect'), type: 'flowchart-v2' }]);
    expect(cache.lookup('flowchart LR\n A', false, 1)).toEqual({ error: expect.stringMatching(/^its drawing was refused \(.*script/) });
  });

  it('keeps a parse error, not a failure that may pass (Mermaid stopped on a busy machine)', async () => {
    const dir = tempDir('deckmark-diagram-cache-');
    const cache = cacheIn(dir);
    cache.lookup('bad', false, 1);
    cache.lookup('slow', false, 2);
    await cache.fill(async () => [{ error: 'Parse error on line 1' }, { error: 'Mermaid failed on it (timeout)', retry: true }]);
    expect(cache.lookup('slow', false, 2)).toMatchObject({ error: 'Mermaid failed on it (timeout)' });
    await cache.save();
    const again = cacheIn(dir);
    expect(again.lookup('bad', false, 1)).toEqual({ error: 'Parse error on line 1' });
    expect(again.lookup('slow', false, 2)).toBeUndefined();
  });

  it('without a drawer or a browser: every miss shown as code this build, nothing stored', async () => {
    const dir = tempDir('deckmark-diagram-cache-');
    const cache = cacheIn(dir);
    cache.lookup('pie\n "A" : 1', false, 4);
    expect(await cache.fill(async () => ({ unavailable: 'no Chrome or Chromium found' }))).toBe('no Chrome or Chromium found');
    expect(cache.lookup('pie\n "A" : 1', false, 4)).toEqual({ unavailable: true });
    cache.lookup('timeline\n 2025 : A', false, 5);
    expect(await cache.fill(undefined)).toBe('no diagram renderer was given to this build');
    await cache.save();
    expect(existsSync(path.join(dir, 'diagrams.json'))).toBe(false);
  });

  it('asks nothing before the deck’s theme is known (the first parse)', () => {
    vi.stubEnv('DECKMARK_CACHE_DIR', tempDir('deckmark-diagram-cache-'));
    const cache = openDiagramCache('.');
    expect(cache.lookup('pie\n "A" : 1', false, 1)).toBeUndefined();
    expect(cache.misses()).toEqual([]);
  });
});

describe('the Mermaid theme of a deck theme', () => {
  it('takes the theme’s colours and font, the inverse ones for dark slides, transparency painted over the slide', () => {
    const css = readFileSync(path.resolve('themes/default.css'), 'utf8');
    const { light, dark } = diagramThemeOf(css, {});
    expect(light.themeVariables).toMatchObject({
      background: '#ffffff',
      primaryColor: '#eef1fd',
      primaryBorderColor: '#2f4fd8',
      darkMode: false,
    });
    expect(String(light.themeVariables.fontFamily)).toMatch(/^"Source Sans 3"/);
    expect(dark.themeVariables).toMatchObject({ background: '#0f1d33', darkMode: true });
    expect(dark.themeVariables.clusterBorder).toMatch(/^#[0-9a-f]{6}$/); // rgba(238, 242, 248, 0.28) over the dark blue
    expect(light.themeVariables.pie1).toBe('#2f4fd8');
    expect(diagramThemeOf(css, { accent: '#ff0000' }).light.themeVariables.primaryBorderColor).toBe('#ff0000'); // the deck's themeVars
  });
});
