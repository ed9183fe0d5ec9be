// The example deck built and exported by the real CLI for the URL it is served at.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from './processes.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO, 'bin/deckmark.js');
const EXAMPLE_DECK = path.join(REPO, 'slides/strategi-sosiale-medier.md');

export interface BuiltDeck {
  slug: string;
  /** The deck's public URL (its folder). */
  url: string;
  pdfUrl: string;
  /** What `deckmark embed --format wordpress` printed. */
  wordpressSnippet: string;
}

/**
 * Copies the example deck into a project folder with `url:` set to `publicUrl` (the deck's
 * folder under the host), then runs `build`, `pdf` and `embed --format wordpress` into `outDir`.
 */
export function buildExampleDeck(projectDir: string, outDir: string, hostUrl: string): BuiltDeck {
  const slug = path.basename(EXAMPLE_DECK, '.md');
  const url = new URL(`${slug}/`, hostUrl).href;
  mkdirSync(projectDir, { recursive: true });
  writeFileSync(path.join(projectDir, 'package.json'), '{}');
  const deck = path.join(projectDir, `${slug}.md`);
  const text = readFileSync(EXAMPLE_DECK, 'utf8');
  if (!/^url: .*$/m.test(text)) throw new Error(`${EXAMPLE_DECK} has no url: line to replace`);
  writeFileSync(deck, text.replace(/^url: .*$/m, `url: ${url}`));
  for (const image of text.match(/\bimg\/[\w.-]+/g) ?? []) {
    mkdirSync(path.join(projectDir, 'img'), { recursive: true });
    copyFileSync(path.join(path.dirname(EXAMPLE_DECK), image), path.join(projectDir, image));
  }
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' };
  run('node', [CLI, 'build', deck, '-o', outDir], { env, cwd: projectDir });
  run('node', [CLI, 'pdf', deck, '-o', outDir, '--quiet'], { env, cwd: projectDir });
  const wordpressSnippet = run('node', [CLI, 'embed', deck, '--format', 'wordpress', '-o', outDir], { env, cwd: projectDir });
  return { slug, url, pdfUrl: new URL(`${slug}.pdf`, url).href, wordpressSnippet };
}
