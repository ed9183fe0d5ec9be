// Folders of decks: --shard splits them for CI matrix jobs, `deckmark index` lists the merged
// result, --jobs builds them on worker threads (the bundled lib/build-worker.js) with the same output.
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { DiagramDrawer } from '../../src/build/diagrams.js';
import { buildDecks, inParallel, parseJobs, workerCount } from '../../src/build/build-pool.js';
import { parseShard, pickShard } from '../../src/build/find-decks.js';
import { DeckError } from '../../src/model/deck-error.js';
import { runCli, tempDir } from '../helpers/cli.js';

/** A project folder with `count` decks (deck `bad`, when given, has an unknown theme on line 3). */
function deckFolder(count: number, bad?: number): string {
  const dir = tempDir('deckmark-folder-');
  writeFileSync(path.join(dir, 'package.json'), '{}');
  for (let i = 1; i <= count; i++) {
    const front = i === bad ? '---\ntitle: Ødelagt\ntheme: finnes-ikke\n---\n' : `---\ntitle: Foredrag ${i}\n---\n`;
    const slides = Array.from(
      { length: 5 },
      (_, s) => `# Lysbilde ${s + 1} av foredrag ${i}\n\n- punkt\n\n\`\`\`js\nconst n = ${s};\n\`\`\``,
    );
    writeFileSync(path.join(dir, `deck-${String(i).padStart(2, '0')}.md`), front + slides.join('\n\n---\n\n'));
  }
  return dir;
}

/** Every file under `dir` with its contents, by relative path. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return [path.relative(dir, file), readFileSync(file).toString('base64')];
      }),
  );
}

describe('--shard', () => {
  it('splits any folder into disjoint shards that cover it and differ by at most one deck', () => {
    for (let files = 0; files <= 12; files++) {
      const all = Array.from({ length: files }, (_, i) => `d${i}.md`);
      for (let total = 1; total <= 5; total++) {
        const shards = Array.from({ length: total }, (_, i) => pickShard(all, { index: i + 1, total }));
        expect(shards.flat().sort()).toEqual([...all].sort());
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('reads I/N and refuses anything else as a usage error', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, total: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, total: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3', '-1/2']) {
      expect(() => parseShard(bad)).toThrow(new DeckError('usage', `a shard is I/N with 1 ≤ I ≤ N (e.g. 2/4), not "${bad}"`));
    }
  });

  it('builds each shard apart; `deckmark index` lists them all once merged', async () => {
    const dir = deckFolder(5);
    const merged = tempDir('deckmark-merged-');
    for (const shard of ['1/2', '2/2']) {
      const out = path.join(dir, `dist-${shard.replace('/', '-')}`);
      const { code, stderr } = await runCli('build', dir, '-o', out, '--shard', shard, '--no-image', '--jobs', '1');
      expect(code, stderr).toBe(0);
      expect(stderr).toContain(`${shard === '1/2' ? 3 : 2} decks in`);
      cpSync(out, merged, { recursive: true });
    }
    expect(readdirSync(path.join(dir, 'dist-1-2')).filter((n) => n.startsWith('deck-'))).toEqual(['deck-01', 'deck-03', 'deck-05']);
    const before = readFileSync(path.join(merged, 'index.html'), 'utf8'); // the last shard's gallery: its own decks
    expect(before).not.toContain('Foredrag 1<');

    const { code, stderr } = await runCli('index', merged);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('(5 decks)');
    const gallery = readFileSync(path.join(merged, 'index.html'), 'utf8');
    for (let i = 1; i <= 5; i++) expect(gallery).toContain(`Foredrag ${i}<`);
  }, 60_000);

  it('`deckmark index` on a folder without built decks is an error', async () => {
    const { code, stderr } = await runCli('index', tempDir('deckmark-no-decks-'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/error: no built decks \(\*\/deck\.json\) in .* \(no-decks\)/);
  });
});

describe('--jobs', () => {
  it('reads a whole number of at least 1', () => {
    expect(parseJobs('3')).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'two', '']) {
      expect(() => parseJobs(bad)).toThrow(new DeckError('usage', `--jobs must be a whole number of at least 1, not "${bad}"`));
    }
  });

  it('starts no more workers than half the decks, and none for one or two decks', () => {
    expect(workerCount(1, 8)).toBe(1);
    expect(workerCount(3, 8)).toBe(1);
    expect(workerCount(4, 8)).toBe(2);
    expect(workerCount(100, 8)).toBe(8);
    expect(workerCount(100, 1)).toBe(1);
  });

  it('runs at most N at once, keeps the order, and starts nothing after a failure', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await inParallel([5, 1, 4, 2, 3], 2, async (n) => {
      started.push(n);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);

    started.length = 0;
    const failed = inParallel([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('deck 2');
      return n;
    });
    await expect(failed).rejects.toThrow('deck 2');
    expect(started).toEqual([1, 2]);
  });

  it('writes exactly what one thread writes, with N worker threads', async () => {
    const dir = deckFolder(6);
    const one = path.join(dir, 'one');
    const many = path.join(dir, 'many');
    expect((await runCli('build', dir, '-o', one, '--jobs', '1', '--no-image')).code).toBe(0);
    const { code, stderr } = await runCli('build', dir, '-o', many, '--jobs', '3', '--no-image');
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('6 decks in');
    expect(contents(many)).toEqual(contents(one));
  }, 60_000);

  it('reports a bad deck built on a worker thread as one thread does: the error with its file and line', async () => {
    const dir = deckFolder(6, 4);
    const errors = await Promise.all(
      [1, 3].map((jobs) =>
        buildDecks(
          readdirSync(dir)
            .filter((n) => n.endsWith('.md'))
            .map((n) => path.join(dir, n)),
          { outDir: path.join(dir, `out-${jobs}`) },
          jobs,
        ).catch((e: unknown) => e),
      ),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(DeckError);
      expect(error).toMatchObject({ code: 'unknown-theme', line: 3 });
      expect((error as DeckError).file).toMatch(/deck-04\.md$/);
    }
    expect((errors[1] as DeckError).message).toBe((errors[0] as DeckError).message);
    expect(existsSync(path.join(dir, 'out-3', 'deck-04'))).toBe(false); // never a half-written deck
  }, 60_000);

  it("draws a worker's diagrams with the drawer of the main thread (the one browser)", async () => {
    const dir = tempDir('deckmark-folder-diagrams-');
    writeFileSync(path.join(dir, 'package.json'), '{}');
    vi.stubEnv('DECKMARK_CACHE_DIR', path.join(dir, 'cache')); // workers inherit it: an empty cache
    const files = [1, 2, 3, 4].map((i) => {
      const file = path.join(dir, `deck-${i}.md`);
      writeFileSync(file, `# Diagram ${i}\n\n\`\`\`mermaid\npie\n  "Kanal ${i}" : ${i}\n\`\`\`\n`);
      return file;
    });
    const asked: string[] = [];
    const drawer: DiagramDrawer = async (requests) => {
      asked.push(...requests.map((r) => r.source));
      return requests.map((r) => ({
        svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>drawn ${/Kanal \d/.exec(r.source)![0]}</text></svg>`,
        type: 'pie',
      }));
    };
    try {
      const built = await buildDecks(files, { outDir: path.join(dir, 'out'), drawDiagrams: drawer }, 2);
      expect(asked.sort()).toEqual([1, 2, 3, 4].map((i) => `pie\n  "Kanal ${i}" : ${i}`));
      for (const [i, deck] of built.entries()) expect(readFileSync(deck.output, 'utf8')).toContain(`drawn Kanal ${i + 1}</text>`);
    } finally {
      vi.unstubAllEnvs();
    }
  }, 60_000);
});
