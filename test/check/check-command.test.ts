// `deckmark check` through the CLI in process, with real Chromium: overflow at the right line,
// small text, the JSON format, exit codes, no browser, and the example decks clean.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPO, runCli, SLIDES } from '../helpers/cli.js';

const FIXTURES = path.join(REPO, 'test/fixtures/check');
const fixture = (name: string) => path.relative(process.cwd(), path.join(FIXTURES, name));

describe('deckmark check in Chromium', () => {
  it('finds the 3rd slide of 40 bullet points overflowing, at its line, by px and %', async () => {
    const { code, stdout } = await runCli('check', fixture('overflow.md'));
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    const overflow = lines.filter((l) => l.endsWith('(overflow)'));
    expect(overflow).toHaveLength(1);
    expect(overflow[0]).toMatch(/overflow\.md:17:1: error: slide content overflows its 720px height by \d+px \(\d+%\) \(overflow\)$/);
    // The 40 points are also too many words.
    expect(lines.some((l) => /overflow\.md:17:1: warning: .*\(dense-slide\)$/.test(l))).toBe(true);
  });

  it('reports text smaller than 16px at 1280×720, naming the element', async () => {
    const { code, stdout } = await runCli('check', fixture('small-text.md'));
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /small-text\.md:1:1: warning: text <span> "terms and conditions apply" is 10px, smaller than 16px .*\(small-text\)/,
    );
  });

  it('passes the example decks clean', async () => {
    const { code, stdout, stderr } = await runCli('check', SLIDES);
    expect(stdout).toBe('');
    expect(stderr).toContain('3 decks checked: 0 errors, 0 warnings');
    expect(code).toBe(0);
  });
});

describe('deckmark check without a browser', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('runs the other rules, says in one line what it skipped, and prints file:line:col lines', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(REPO, 'no-such-browser'));
    const { code, stdout, stderr } = await runCli('check', fixture('broken.md'));
    expect(code).toBe(1);
    const file = fixture('broken.md');
    expect(stdout.trim().split('\n')).toEqual([
      `${file}:7:1: error: malformed link "https//example.com": the URL is missing "://" (link)`,
      `${file}:11:1: warning: slide has no title (a heading): the PDF outline and the sources list show a number instead (no-title)`,
      `${file}:17:1: warning: image "missing.png" has no alt text: write what it shows in ![…](…) (alt-text)`,
      expect.stringMatching(new RegExp(`^${file.replace(/\./g, '\\.')}:17:1: error: image "missing\\.png" not found \\(missing-image\\)$`)),
      expect.stringMatching(/:19:1: error: .*\(malformed-video\)$/),
    ]);
    expect(stderr.split('\n').filter((l) => l.startsWith('note: overflow and text size were not checked'))).toHaveLength(1);
  });

  it('prints a JSON array with --format json', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(REPO, 'no-such-browser'));
    const { code, stdout } = await runCli('check', fixture('broken.md'), '--format', 'json');
    expect(code).toBe(1);
    const entries = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(entries.map((e) => `${e.line}:${e.rule}:${e.severity}`)).toEqual([
      '7:link:error',
      '11:no-title:warning',
      '17:alt-text:warning',
      '17:missing-image:error',
      '19:malformed-video:error',
    ]);
    expect(entries[0]).toEqual({
      file: fixture('broken.md'),
      line: 7,
      column: 1,
      severity: 'error',
      rule: 'link',
      message: 'malformed link "https//example.com": the URL is missing "://"',
    });
  });

  it('exits 0 on warnings, 1 with --strict, and the word limit is configurable', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', path.join(REPO, 'no-such-browser'));
    expect((await runCli('check', fixture('warnings.md'))).code).toBe(0);
    expect((await runCli('check', fixture('warnings.md'), '--strict')).code).toBe(1);
    const dense = await runCli('check', fixture('warnings.md'), '--max-words', '5');
    expect(dense.stdout).toMatch(/warnings\.md:1:1: warning: slide has 12 words \(more than 5\).*\(dense-slide\)/);
    expect(dense.code).toBe(0);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await runCli('check', fixture('warnings.md'), '--max-words', 'many')).code).toBe(2);
    expect((await runCli('check', fixture('warnings.md'), '--format', 'xml')).code).toBe(2);
  });
});
