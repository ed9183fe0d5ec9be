// The library as a user's project gets it: `import … from 'deckmark'` resolved through
// package.json's exports to the built lib/api.js, and its types to lib/types (run `npm run
// build` first, as `npm test` does).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

const run = promisify(execFile);
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** A project with deckmark in its node_modules (a link to this repository) and a deck. */
function consumerProject(): string {
  const dir = tempDir('deckmark-api-');
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "talks", "type": "module", "private": true }\n');
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(REPO, path.join(dir, 'node_modules/deckmark'), 'dir');
  mkdirSync(path.join(dir, 'slides'));
  writeFileSync(path.join(dir, 'slides/talk.md'), '# Hello\n\n![](pic.png)\n\n---\n\n## Second\n\n![](gone.png)\n');
  writeFileSync(path.join(dir, 'slides/pic.png'), Buffer.from(PNG, 'base64'));
  writeFileSync(path.join(dir, 'deckmark.config.json'), '{ "lang": "nb", "url": "https://example.org/talks/" }\n');
  return dir;
}

describe("import from 'deckmark'", () => {
  it('builds and checks a deck with the functions the CLI uses', async () => {
    const dir = consumerProject();
    writeFileSync(
      path.join(dir, 'use.mjs'),
      `import { buildDeck, checkDeck, DeckError } from 'deckmark';
const built = await buildDeck('slides', { out: 'site', image: false });
const checked = await checkDeck('slides/talk.md');
const error = await buildDeck('nowhere.md').catch((e) => ({ isDeckError: e instanceof DeckError, code: e.code }));
console.log(JSON.stringify({ built, checked, error }));
`,
    );
    const { stdout } = await run(process.execPath, ['use.mjs'], {
      cwd: dir,
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' },
    });
    const { built, checked, error } = JSON.parse(stdout);
    expect(built.outDir).toBe(path.join(dir, 'site'));
    expect(built.decks).toHaveLength(1);
    const deck = built.decks[0];
    expect(deck).toMatchObject({ slug: 'talk', title: 'Hello', slideCount: 2, url: 'https://example.org/talks/talk/' });
    expect(deck.output).toBe(path.join(dir, 'site/talk/index.html'));
    expect(readFileSync(deck.output, 'utf8')).toContain('<html lang="nb"');
    expect(existsSync(path.join(dir, 'site/index.html'))).toBe(true);
    expect(deck.diagnostics).toContainEqual(expect.objectContaining({ code: 'missing-image', line: 9 }));

    expect(checked.decks).toBe(1);
    expect(checked.problems).toContainEqual(expect.objectContaining({ code: 'missing-image', file: 'slides/talk.md', line: 9 }));
    expect(checked.problems).toContainEqual(expect.objectContaining({ code: 'alt-text', line: 3 }));
    expect(checked.errors + checked.warnings).toBe(checked.problems.length);

    expect(error).toEqual({ isDeckError: true, code: 'input-not-found' });
  }, 60_000);

  it('comes with types: options and results (and the README example) are checked by TypeScript', async () => {
    const dir = consumerProject();
    writeFileSync(
      path.join(dir, 'use.ts'),
      `import { buildDeck, checkDeck, exportPdf, type CheckResult, type PdfFileResult } from 'deckmark';
const built = await buildDeck('slides', { out: 'site', singleFile: true });
const slides: number = built.decks[0].slideCount;
const checked: CheckResult = await checkDeck('slides', { maxWords: 60 });
const pdfs: PdfFileResult[] = await exportPdf('slides', { handout: 3, notes: 'below' });
// @ts-expect-error: a handout has 2, 3 or 6 slides per page
await exportPdf('slides', { handout: 4 });
// @ts-expect-error: results are typed, not any
const wrong: string = checked.errors;
export { slides, pdfs, wrong };
`,
    );
    // The README's example too, as written.
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const example = /## Use from code[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1];
    writeFileSync(path.join(dir, 'readme-example.ts'), `${example}export {};\n`);
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const result = await run(process.execPath, [tsc, ...args, 'use.ts', 'readme-example.ts'], { cwd: dir }).catch(
      (e: { stdout: string }) => e,
    );
    expect(result.stdout).toBe('');
  }, 60_000);
});
