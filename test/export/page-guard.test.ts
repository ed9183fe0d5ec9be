// Finding 12 of issue 20: a deck's own script made pdf and check wait ~61 s (build with `url:`
// ~31 s) and fail with "Navigation timeout": alert(), a busy loop, `location.href = …`, a meta
// refresh (and, found on the way, a form sent by script and window.stop()). The page guard
// dismisses dialogs, cancels navigations away from the deck and stops a script that keeps the
// page busy, and each becomes a warning on its slide's line. Runs in a child process killed
// after 60 s, so a regression fails instead of hanging.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { slideLineAt } from '../../src/export/page-guard.js';
import { makeProject } from '../hardening/helpers.js';
import { runCliIsolated } from '../hardening/isolated.js';

const DECK = [
  '---', // 1
  'title: Hostile scripts',
  'url: https://talks.example.org/hostile/',
  '---',
  '', // 5
  '# Title',
  '',
  '---',
  '',
  '## Alert', // 10
  '',
  '<script>alert("hello from slide two")</script>',
  '',
  '---',
  '', // 15
  '## Busy',
  '',
  '<script>window.spin = Date.now(); while (true) {}</script>',
  '',
  '---', // 20
  '',
  '## Away',
  '',
  '<script>setTimeout(() => { location.href = "https://attacker.example/away"; }, 50)</script>',
  '', // 25
  '---',
  '',
  '## Refresh',
  '',
  '<meta http-equiv="refresh" content="0">', // 30
  '',
  '---',
  '',
  '## Form',
  '', // 35
  '<form action="https://attacker.example/form"></form><script>document.forms[0].submit()</script>',
  '',
  '---',
  '',
  '## Stop', // 40
  '',
  '<script>window.stop()</script>',
  '',
].join('\n');

const env = { PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' };

describe('a deck whose scripts misbehave in the browser', () => {
  const project = makeProject();
  const deck = path.join(project.slides, 'hostile.md');
  writeFileSync(deck, DECK);
  const run = (...argv: string[]) => runCliIsolated(argv, { timeoutMs: 60_000, cwd: project.dir, env });
  const expectWarnings = (stderr: string): void => {
    expect(stderr).toMatch(
      /hostile\.md:10:1: warning: the slide opened a dialog, alert\("hello from slide two"\): dismissed \(page-dialog\)/,
    );
    expect(stderr).toMatch(/hostile\.md:16:1: warning: a script kept the page busy for more than 5 s: stopped \(busy-script\)/);
    expect(stderr).toMatch(
      /hostile\.md:22:1: warning: the slide tried to leave the deck \(https:\/\/attacker\.example\/away\): cancelled \(page-navigation\)/,
    );
    expect(stderr).toMatch(
      /hostile\.md:28:1: warning: the slide tried to leave the deck \(a reload of the deck\): cancelled \(page-navigation\)/,
    );
    expect(stderr).toMatch(/hostile\.md:34:1: warning: the slide tried to leave the deck \(https:\/\/attacker\.example\/form\): cancelled/);
    expect(stderr).toMatch(/hostile\.md:40:1: warning: the slide called window\.stop\(\): ignored \(page-navigation\)/);
  };

  it('pdf: prints it, with a warning on each slide that did something', { timeout: 70_000 }, async () => {
    const r = await run('pdf', deck, '-o', project.out, '--quiet');
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expectWarnings(r.stderr);
    expect(readFileSync(path.join(project.out, 'hostile/hostile.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('check: measures it, with the same warnings', { timeout: 70_000 }, async () => {
    const r = await run('check', deck);
    expect(r.timedOut).toBe(false);
    expect(r.stderr + r.stdout).not.toMatch(/timeout|internal error/i);
    expectWarnings(r.stderr + r.stdout);
  });

  it('build with a url: makes the social card image without waiting out a timeout', { timeout: 70_000 }, async () => {
    const r = await run('build', deck, '-o', project.out);
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(45_000);
  });
});

describe('slideLineAt', () => {
  it('is the data-line of the last section opened at or before the line', () => {
    const html = '<div>\n<section data-line="3">\n<p>a</p>\n<section id="x" data-line="9"><script>\nx()\n</script>';
    expect(slideLineAt(html, 0)).toBeUndefined();
    expect(slideLineAt(html, 2)).toBe(3);
    expect(slideLineAt(html, 4)).toBe(9);
  });
});

describe('the guard when the page is done', () => {
  it('leaves none of its timers pending (a 5 s limit timer kept every export process alive for up to 5 s)', async () => {
    const { launchBrowser } = await import('../../src/export/browser/launch.js');
    const { withPage } = await import('../../src/export/browser/pages.js');
    // The guard's timers: made in page-guard.ts, and not yet fired or cleared.
    const pending = new Set<unknown>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    const set = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      // Set by the guard itself, not by Puppeteer on a call the guard made.
      const caller = (new Error().stack ?? '')
        .split('\n')
        .find((l) => /\bat\b/.test(l) && !/page-guard\.test|tinyspy|vitest|@vitest/.test(l));
      const mine = caller !== undefined && /page-guard\.ts/.test(caller);
      const timer = realSet(() => {
        pending.delete(timer);
        fn();
      }, ms);
      if (mine) pending.add(timer);
      return timer;
    }) as typeof setTimeout);
    const clear = vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((timer: NodeJS.Timeout) => {
      pending.delete(timer);
      realClear(timer);
    }) as typeof clearTimeout);
    const browser = await launchBrowser();
    try {
      await withPage(browser, async (page) => {
        await page.goto('data:text/html,<title>t</title><p>still</p>');
        // Long enough for the watchdog to ask the page a few times.
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_200)));
      });
      expect(pending.size).toBe(0);
    } finally {
      set.mockRestore();
      clear.mockRestore();
      await browser.close();
    }
  }, 30_000);
});
