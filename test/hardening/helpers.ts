// Shared by the hardening tests: a project folder to build in, and checks that built HTML is whole.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { expect } from 'vitest';
import type { Deck } from '../../src/model/deck.js';
import { runCli, tempDir, type CliResult } from '../helpers/cli.js';

/** A temporary project (it has a package.json, so it is the project root) with `slides/` and `out/`. */
export function makeProject(): { dir: string; slides: string; out: string } {
  const dir = tempDir('deckmark-hardening-');
  writeFileSync(path.join(dir, 'package.json'), '{}\n');
  mkdirSync(path.join(dir, 'slides'));
  return { dir, slides: path.join(dir, 'slides'), out: path.join(dir, 'out') };
}

/** Writes `slides/<name>` in a new project and builds it; the result carries the paths. */
export async function buildDeckText(
  name: string,
  content: string | Buffer,
  ...args: string[]
): Promise<CliResult & { out: string; deckDir: string; dir: string }> {
  const { dir, slides, out } = makeProject();
  const file = path.join(slides, name);
  writeFileSync(file, content);
  const result = await runCli('build', file, '-o', out, '--no-image', ...args);
  return { ...result, out, dir, deckDir: path.join(out, name.replace(/\.md$/i, '')) };
}

/** A failed build: the exit code, one `file:line:col: error:` message, no stack trace, nothing written. */
export function expectFailure(result: CliResult & { out: string }, code: number, message: RegExp): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  // Never a half-written output: no deck folder, no temporary files.
  const left = existsSync(result.out) ? readdirSync(result.out, { recursive: true }) : [];
  expect(left).toEqual([]);
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Problems with the tags of generated HTML: a close tag that does not match the open one, or
 * elements left open. Exact for our output (text and attribute values are escaped); raw HTML
 * an author wrote may of course break it.
 */
export function tagProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/^<!doctype[^>]*>/i, '');
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g)) {
    const [, close, rawName, selfClosing] = m;
    const name = rawName.toLowerCase();
    if (close) {
      const open = stack.pop();
      if (open !== name) {
        problems.push(`</${name}> at ${m.index} closes <${open ?? 'nothing'}>`);
        if (open) stack.push(open);
        if (problems.length > 5) break;
      }
    } else if (!selfClosing && !VOID.has(name)) stack.push(name);
  }
  if (stack.length) problems.push(`left open: ${stack.slice(-5).join(' > ')}`);
  return problems;
}

/** The built document holds the deck's slides as `.slides > section`, stacks nested, and its tags close. */
export function expectWholeDeck(html: string, deck: Deck, checkTags = true): void {
  const $ = load(html);
  const stacks = $('.reveal > .slides > section');
  expect(stacks.length).toBe(deck.slides.length);
  deck.slides.forEach((slide, i) => {
    const nested = stacks.eq(i).children('section').length;
    expect(nested).toBe(slide.children.length === 0 ? 0 : slide.children.length + 1);
  });
  expect($('#deckmark-config').length).toBe(1); // nothing swallowed the end of the document
  if (checkTags) expect(tagProblems(html)).toEqual([]);
}
