// The rebuild queue on its own: a run starts at once (or, when asked, a burst after a quiet
// spell is one run), runs never overlap, and what arrives during a run is folded into exactly
// one next run. Time is vitest's fake clock, so the quiet spell and the length of a build are
// exact, not raced against a busy machine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRebuildQueue } from '../../src/server/rebuild-queue.js';

/** A build that takes `ms` of (fake) time. */
const working = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fail = (e: unknown) => {
  throw e;
};

describe('createRebuildQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for a burst of events, with every file of it, after the quiet spell', async () => {
    const runs: string[][] = [];
    const queue = createRebuildQueue(async (files) => void runs.push(files.sort()), fail, 30);
    for (let i = 0; i < 20; i++) {
      queue.schedule(i % 2 ? '/a.md' : '/b.md');
      await vi.advanceTimersByTimeAsync(5); // saves 5 ms apart: never 30 ms quiet
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(24); // 29 ms since the last save
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([['/a.md', '/b.md']]);
    await queue.close();
  });

  it('starts a run at once by default, and folds what comes during it into one next run', async () => {
    const runs: string[][] = [];
    const queue = createRebuildQueue(async (files) => {
      runs.push(files);
      await working(20);
    }, fail);
    queue.schedule('/a.md');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([['/a.md']]);
    queue.schedule('/a.md'); // an editor's second write, during the build
    queue.schedule('/b.md');
    await vi.advanceTimersByTimeAsync(19);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([['/a.md'], ['/a.md', '/b.md']]);
    await vi.advanceTimersByTimeAsync(20);
    await queue.close();
  });

  it('never overlaps runs, and folds events during a run into one next run', async () => {
    const runs: string[][] = [];
    let active = 0;
    let overlapped = false;
    const queue = createRebuildQueue(
      async (files) => {
        overlapped ||= active > 0;
        active++;
        runs.push(files);
        await working(100);
        active--;
      },
      fail,
      10,
    );
    queue.schedule('/a.md');
    await vi.advanceTimersByTimeAsync(30); // the first run is under way
    expect(runs).toEqual([['/a.md']]);
    for (let i = 0; i < 5; i++) {
      queue.schedule(i % 2 ? '/a.md' : '/b.md');
      await vi.advanceTimersByTimeAsync(15);
    }
    expect(runs).toHaveLength(1); // the first run still has 5 ms to go
    await vi.advanceTimersByTimeAsync(5);
    expect(runs).toEqual([['/a.md'], ['/b.md', '/a.md']]);
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toHaveLength(2);
    expect(overlapped).toBe(false);
    await queue.close();
  });

  it('waits for the running build on close() and then takes no more work', async () => {
    let finished = false;
    const runs: string[][] = [];
    const queue = createRebuildQueue(
      async (files) => {
        runs.push(files);
        await working(50);
        finished = true;
      },
      fail,
      0,
    );
    queue.schedule('/a.md');
    await vi.advanceTimersByTimeAsync(10);
    const closed = queue.close();
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(40);
    await closed;
    expect(finished).toBe(true);
    queue.schedule('/b.md');
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([['/a.md']]);
  });

  it('reports what a run throws and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const queue = createRebuildQueue(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      (e) => errors.push(e),
      0,
    );
    queue.schedule('/a.md');
    await vi.advanceTimersByTimeAsync(1);
    queue.schedule('/a.md');
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
    await queue.close();
  });
});
