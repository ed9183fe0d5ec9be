// `deckmark check --a11y`: axe-core's WCAG 2.1 A/AA audit of every slide and of the reading view
// in Chromium (the audit test/browser/accessibility.test.ts runs), each violation at its slide's
// line, the exit code, the JSON entry, no browser, and the example decks clean.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO, runCli, SLIDES, tempDir } from '../helpers/cli.js';

const DECK = `---
title: A11y problems
---

# Fine

Some text.

---

## A picture

<img src="pipeline.svg" width="300">

---

## Pale

<p style="color:#cccccc">Hard to read on white.</p>

---

## Notes

Only the text version shows the notes.

Note: <span style="color:#dddddd">A pale note.</span>
`;

let deck: string;

beforeAll(() => {
  const dir = tempDir();
  copyFileSync(path.join(SLIDES, 'img/pipeline.svg'), path.join(dir, 'pipeline.svg'));
  deck = path.join(dir, 'bad.md');
  writeFileSync(deck, DECK);
});

describe('deckmark check --a11y in Chromium', () => {
  it('reports an image without alt text and low-contrast text at their slides’ lines, with the rule and its help page, and exits 1', async () => {
    const { code, stdout, stderr } = await runCli('check', deck, '--a11y');
    const a11y = stdout.split('\n').filter((l) => l.includes('(a11y/'));
    expect(a11y).toHaveLength(3);
    expect(a11y[0]).toMatch(
      /bad\.md:11:1: error: Images must have alternative text: <img src="[^"]*pipeline[^"]*\.svg" width="300"> — https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/image-alt \(a11y\/image-alt\)$/,
    );
    expect(a11y[1]).toMatch(
      /bad\.md:17:1: error: Elements must meet minimum color contrast ratio thresholds: <p style="color:#cccccc"> — https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/color-contrast \(a11y\/color-contrast\)$/,
    );
    // The notes are in the reading view only; the image and the pale paragraph, there too, are reported once.
    expect(a11y[2]).toMatch(
      /bad\.md:23:1: error: the text version: Elements must meet minimum color contrast ratio thresholds: <span style="color:#dddddd"> — https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/color-contrast \(a11y\/color-contrast\)$/,
    );
    expect(stderr).toContain('1 deck checked: 3 errors, 1 warning'); // the warning: check's own alt-text rule
    expect(code).toBe(1);
  });

  it('runs only when asked: without --a11y the same deck has a warning and exits 0', async () => {
    const { code, stdout } = await runCli('check', deck);
    expect(stdout).not.toContain('a11y/');
    expect(code).toBe(0);
  });

  it('lists a violation in the JSON output with what axe says is wrong as its hint', async () => {
    const { code, stdout } = await runCli('check', deck, '--a11y', '--format', 'json');
    const entries = JSON.parse(stdout) as { rule: string; line: number; severity: string; hint?: string }[];
    const contrast = entries.find((e) => e.rule === 'a11y/color-contrast');
    expect(contrast).toMatchObject({ line: 17, severity: 'error' });
    expect(contrast?.hint).toMatch(/insufficient color contrast of [\d.]+ \(foreground color: #cccccc, background color: #[0-9a-f]{6}/);
    expect(code).toBe(1);
  });

  it('passes the example decks with 0 violations', async () => {
    const { code, stdout, stderr } = await runCli('check', SLIDES, '--a11y');
    expect(stdout).toBe('');
    expect(stderr).toContain('3 decks checked: 0 errors, 0 warnings');
    expect(code).toBe(0);
  }, 120_000);
});

describe('deckmark check --a11y without a browser', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('says in one line that the audit needs a browser and exits 1, as other browser needs do', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(REPO, 'no-such-browser'));
    const { code, stdout, stderr } = await runCli('check', deck, '--a11y');
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^error: the accessibility audit \(--a11y\) needs a browser: no Chrome or Chromium found .*\(browser-not-found\)$/m,
    );
    expect(code).toBe(1);
  });
});
