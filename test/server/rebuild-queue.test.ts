// The rebuild queue on its own: a burst is one run, runs never overlap, and what arrives
// during a run is folded into exactly one next run.
import { describe, expect, it } from 'vitest';
import { createRebuildQueue } from '../../src/server/rebuild-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createRebuildQueue', () => {
  it('runs once for a burst of events, with every file of it', async () => {
    const runs: string[][] = [];
    const queue = createRebuildQueue(
      async (files) => void runs.push(files.sort()),
      (e) => {
        throw e;
      },
      30,
    );
    for (let i = 0; i < 20; i++) queue.schedule(i % 2 ? '/a.md' : '/b.md');
    await sleep(80);
    expect(runs).toEqual([['/a.md', '/b.md']]);
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
        await sleep(100);
        active--;
      },
      (e) => {
        throw e;
      },
      10,
    );
    queue.schedule('/a.md');
    await sleep(30); // the first run is under way
    for (let i = 0; i < 5; i++) {
      queue.schedule('/a.md');
      await sleep(15);
    }
    await sleep(350);
    expect(runs).toEqual([['/a.md'], ['/a.md']]);
    expect(overlapped).toBe(false);
    await queue.close();
  });

  it('waits for the running build on close() and then takes no more work', async () => {
    let finished = false;
    const runs: string[][] = [];
    const queue = createRebuildQueue(
      async (files) => {
        runs.push(files);
        await sleep(50);
        finished = true;
      },
      (e) => {
        throw e;
      },
      0,
    );
    queue.schedule('/a.md');
    await sleep(10);
    await queue.close();
    expect(finished).toBe(true);
    queue.schedule('/b.md');
    await sleep(30);
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
    await sleep(20);
    queue.schedule('/a.md');
    await sleep(20);
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
    await queue.close();
  });
});
