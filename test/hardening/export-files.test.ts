// Issue 20, finding 13: `pdf` printed the machine's files (`<iframe src="file:///etc/passwd">`)
// and had no --safe. Export now reads no file outside the deck's folder, and `pdf --safe`
// builds the deck as `build --safe` does before printing it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { readPdf } from '../helpers/read-pdf.js';
import { makeProject } from './helpers.js';
import { PNG } from './media-files.js';

process.env.PUPPETEER_EXECUTABLE_PATH ??= '/usr/bin/chromium';

const SECRET = 'root:x:0:0';
const DECK = [
  '# Handout',
  '',
  '![own](pic.png)',
  '',
  '---',
  '',
  '# Local files',
  '',
  '<iframe src="file:///etc/passwd" width="800" height="300"></iframe>',
  '<object data="file:///etc/passwd" width="800" height="200"></object>',
  '',
].join('\n');

async function exportDeck(...flags: string[]) {
  const { slides, out } = makeProject();
  writeFileSync(path.join(slides, 'pic.png'), PNG);
  writeFileSync(path.join(slides, 'deck.md'), DECK);
  const r = await runCli('pdf', path.join(slides, 'deck.md'), '-o', out, '--quiet', ...flags);
  return { ...r, out, deckDir: path.join(out, 'deck') };
}

describe('export reads only the deck’s own files', { timeout: 120_000 }, () => {
  it('blocks file: URLs outside the deck folder, with a warning on their slide', async () => {
    expect(readFileSync('/etc/passwd', 'utf8')).toContain(SECRET); // what a leak would print
    const r = await exportDeck();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /deck\.md:7:1: warning: file:\/\/\/etc\/passwd is outside the deck's folder and is left out of the PDF \(outside-file\)/,
    );
    const pdf = await readPdf(path.join(r.deckDir, 'deck.pdf'));
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages.map((p) => p.text).join('\n')).not.toContain(SECRET);
  });

  it('pdf --safe builds the deck as build --safe: raw HTML as text, the policy, its own image', async () => {
    const r = await exportDeck('--safe');
    expect(r.code, r.stderr).toBe(0);
    const $ = load(readFileSync(path.join(r.deckDir, 'index.html'), 'utf8'));
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/script-src 'self'/);
    expect($('.slides iframe, .slides object').length).toBe(0);
    expect($('.slides img').attr('src')).toMatch(/^assets\/pic-\w+\.png$/);
    const text = (await readPdf(path.join(r.deckDir, 'deck.pdf'))).pages.map((p) => p.text).join('\n');
    expect(text).toContain('<iframe src="file:///etc/passwd"');
    expect(text).not.toContain(SECRET);
  });
});
