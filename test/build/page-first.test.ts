// buildDeck's onPage: the deck's page is handed out as soon as it is rendered, before the
// checks run and before anything is written (the dev server sends changed slides from it); the
// checks still find what they find, and --strict refuses a deck before its page is made.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, type RenderedPage } from '../../src/build/build-deck.js';
import { DeckError } from '../../src/model/deck-error.js';
import { tempDir } from '../helpers/cli.js';

/** A deck whose second slide has no title: the `no-title` check warns (line 10). */
function deckWithWarning(): { dir: string; deck: string } {
  const dir = tempDir('deckmark-page-first-');
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const deck = path.join(dir, 'talk.md');
  writeFileSync(deck, '---\ntitle: T\n---\n\n# One\n\n---\n\n\nJust text\n');
  return { dir, deck };
}

describe('buildDeck onPage', () => {
  it('hands out the page before anything is written, and the checks still run', async () => {
    const { dir, deck } = deckWithWarning();
    const out = path.join(dir, 'out');
    const pages: Array<{ page: RenderedPage; written: boolean }> = [];
    const built = await buildDeck(deck, { outDir: out, onPage: (page) => pages.push({ page, written: existsSync(out) }) });
    expect(pages).toHaveLength(1);
    expect(pages[0].written).toBe(false);
    expect(pages[0].page.html).toBe(readFileSync(built.output, 'utf8'));
    expect(pages[0].page.files.get('assets/theme.css')).toBe(readFileSync(path.join(out, 'talk/assets/theme.css'), 'utf8'));
    expect(built.lint.map((d) => `${d.code}:${d.line}`)).toContain('no-title:10');
  });

  it('is never called for a deck --strict refuses', async () => {
    const { dir, deck } = deckWithWarning();
    let called = false;
    const building = buildDeck(deck, { outDir: path.join(dir, 'out'), strict: true, onPage: () => (called = true) });
    await expect(building).rejects.toThrow(DeckError);
    expect(called).toBe(false);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
