// Finding 9 of issue 20: a build or export killed at the wrong instant lost `dist/<slug>/` (the
// deck folder was swapped by two renames), left `.<slug>.tmp-*` folders and browser profiles,
// and a killed first `pdf` left "Download PDF" pointing at nothing. Now the swap has a state
// for every instant that the next run puts right (recoverFolder), and the PDF is linked only
// once it exists. Tested by the states themselves, then by SIGKILLing child runs at many instants.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverFolder, writeFolderAtomic } from '../../src/build/write-atomic.js';
import { tempDir } from '../helpers/cli.js';
import { makeProject } from '../hardening/helpers.js';
import { runCliIsolated } from '../hardening/isolated.js';
import { seededRandom } from '../helpers/random.js';

/** The pid of a process that has exited: the maker of a killed run's temporaries. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

function folder(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

const dotNames = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith('.'));

describe('recoverFolder: a swap killed at each step', () => {
  const OLD = { 'index.html': 'old', 'deck.pdf': 'the pdf' };
  const NEW = { 'index.html': 'new', 'deck.pdf': 'the pdf' };
  const setUp = (states: Record<string, Record<string, string>>): string => {
    const dir = tempDir();
    for (const [name, files] of Object.entries(states)) folder(path.join(dir, name), files);
    return path.join(dir, 'deck');
  };

  it.each([
    ['while writing the new folder', { deck: OLD, '.deck.tmp-P-0000000a': { 'index.html': 'ne' } }, 'old'],
    ['after it was complete', { deck: OLD, '.deck.ready-P-0000000a': NEW }, 'old'],
    ['after the old folder moved aside', { '.deck.old-P-0000000a': OLD, '.deck.ready-P-0000000a': NEW }, 'new'],
    ['before the old folder was removed', { deck: NEW, '.deck.old-P-0000000a': OLD }, 'new'],
    ['by a version without pids, between its two renames', { '.deck.tmp-0000000a': OLD, '.deck.tmp-0000000b': NEW }, undefined],
  ])('killed %s: a whole deck folder with its PDF, no leftovers', async (_when, states, expected) => {
    const pid = String(deadPid());
    const target = setUp(Object.fromEntries(Object.entries(states).map(([name, files]) => [name.replace('P', pid), files])));
    await recoverFolder(target);
    expect(dotNames(path.dirname(target))).toEqual([]);
    if (expected === undefined) return; // old names say nothing of which is whole: both go
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe(expected);
    expect(readFileSync(path.join(target, 'deck.pdf'), 'utf8')).toBe('the pdf');
  });

  it('removes temporary files inside the folder, and leaves those of running processes alone', async () => {
    const target = setUp({
      deck: { 'index.html': 'x', [`assets/.a.css.tmp-${deadPid()}-0000000c`]: 'half', [`.index.html.tmp-${deadPid()}-0000000d`]: 'h' },
      [`.deck.tmp-${process.pid}-0000000e`]: { 'index.html': 'being written' },
    });
    await recoverFolder(target);
    expect(readdirSync(path.join(target, 'assets'))).toEqual([]);
    expect(dotNames(target)).toEqual([]);
    expect(dotNames(path.dirname(target))).toEqual([`.deck.tmp-${process.pid}-0000000e`]);
  });

  it('is what writeFolderAtomic does first', async () => {
    const target = setUp({ [`.deck.old-${deadPid()}-0000000f`]: OLD });
    await writeFolderAtomic(target, new Map([['index.html', 'newest']]), ['deck.pdf']);
    expect(readFileSync(path.join(target, 'deck.pdf'), 'utf8')).toBe('the pdf');
    expect(dotNames(path.dirname(target))).toEqual([]);
  });
});

const deckText = (n: number): string => `# Version ${n}\n\n${'Some text. '.repeat(50)}\n\n---\n\n## Second\n\n- a\n- b\n`;

describe('SIGKILL at random instants', () => {
  it('build: the deck folder and its PDF survive every kill', { timeout: 240_000 }, async () => {
    const { dir, slides } = makeProject();
    const deck = path.join(slides, 'talk.md');
    const dist = path.join(dir, 'dist');
    const build = (timeoutMs: number) => runCliIsolated(['build', deck, '-o', dist, '--no-image'], { timeoutMs, cwd: dir });
    writeFileSync(deck, deckText(0));
    const full = await build(60_000);
    expect(full.code, full.stderr).toBe(0);
    writeFileSync(path.join(dist, 'talk/talk.pdf'), '%PDF- the exported deck');
    const rand = seededRandom(9);
    for (let i = 1; i <= 10; i++) {
      writeFileSync(deck, deckText(i));
      // Kills spread over the run's second half, where the writing and the swap are.
      await build(full.ms * (0.5 + 0.6 * rand()));
      await recoverFolder(path.join(dist, 'talk')); // what the next run does first
      expect(readFileSync(path.join(dist, 'talk/index.html'), 'utf8')).toMatch(/Version \d+/);
      expect(readFileSync(path.join(dist, 'talk/talk.pdf'), 'utf8')).toBe('%PDF- the exported deck');
      expect(dotNames(dist)).toEqual([]);
    }
    const last = await build(60_000);
    expect(last.code, last.stderr).toBe(0);
    expect(readFileSync(path.join(dist, 'talk/index.html'), 'utf8')).toContain('Version 10');
    expect(
      readdirSync(dist, { recursive: true })
        .map(String)
        .filter((p) => path.basename(p).startsWith('.')),
    ).toEqual([]);
  });

  it('pdf: never a link to a missing PDF, and no browser profile left behind', { timeout: 240_000 }, async () => {
    const { dir, slides } = makeProject();
    const deck = path.join(slides, 'talk.md');
    const dist = path.join(dir, 'dist');
    const tmp = path.join(dir, 'tmp'); // the child's temp folder, where its browser profiles go
    mkdirSync(tmp);
    const env = { TMPDIR: tmp, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' };
    const pdf = (timeoutMs: number) => runCliIsolated(['pdf', deck, '-o', dist, '--quiet'], { timeoutMs, cwd: dir, env });
    writeFileSync(deck, deckText(0));
    const linkIsWhole = (): void => {
      const html = path.join(dist, 'talk/index.html');
      if (existsSync(html) && readFileSync(html, 'utf8').includes('talk.pdf'))
        expect(existsSync(path.join(dist, 'talk/talk.pdf'))).toBe(true);
    };
    // Exports killed at random moments: the page must never offer a PDF that is not there.
    const first = await pdf(60_000);
    expect(first.code, first.stderr).toBe(0);
    // Kill times are fractions of a warm run's: the first one fills caches and would make them too late.
    const measured = await pdf(60_000);
    expect(measured.code, measured.stderr).toBe(0);
    const rand = seededRandom(3);
    let killed = 0;
    for (let i = 1; i <= 6; i++) {
      if (i <= 3) writeFileSync(deck, deckText(i)); // the deck changes: the page is rebuilt each time
      const run = await pdf(measured.ms * (0.3 + 0.75 * rand()));
      if (run.timedOut) killed++;
      await recoverFolder(path.join(dist, 'talk'));
      linkIsWhole();
      expect(existsSync(path.join(dist, 'talk/talk.pdf'))).toBe(true); // once written, never lost
    }
    expect(killed).toBeGreaterThan(2);
    // The next run removes the profiles the killed ones left, and its own.
    const last = await pdf(60_000);
    expect(last.code, last.stderr).toBe(0);
    expect(readdirSync(tmp).filter((n) => n.startsWith('deckmark-chrome-'))).toEqual([]);
    linkIsWhole();
  });

  it('pdf: a first export killed before its PDF exists leaves no link to it', { timeout: 180_000 }, async () => {
    const { dir, slides } = makeProject();
    const deck = path.join(slides, 'talk.md');
    const dist = path.join(dir, 'dist');
    const page = path.join(dist, 'talk/index.html');
    const file = path.join(dist, 'talk/talk.pdf');
    writeFileSync(deck, deckText(0));
    const env = { PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' };
    // Killed the moment the deck's page is there and its PDF is not: the instant a page linking
    // a missing PDF would be seen (no timing guess, so a busy machine cannot miss the window).
    const killed = await runCliIsolated(['pdf', deck, '-o', dist, '--quiet'], {
      timeoutMs: 120_000,
      cwd: dir,
      env,
      killWhen: () => existsSync(page) && !existsSync(file),
    });
    expect(killed.timedOut).toBe(false);
    expect(killed.code).not.toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(page, 'utf8')).not.toContain('talk.pdf');
  });
});
