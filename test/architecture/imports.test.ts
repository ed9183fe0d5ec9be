// Keeps the pipeline's direction: cli → build | server | export → compile → markdown → model,
// and the core (model, markdown, compile) free of the file system, the process and the browser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const SRC = path.join(REPO, 'src');
const CORE = ['model', 'markdown', 'compile', 'check'];
/** Which src/ folders each folder may import from (besides itself). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  markdown: ['model'],
  compile: ['markdown', 'model'],
  check: ['compile', 'markdown', 'model'],
  build: ['check', 'compile', 'markdown', 'model'],
  export: ['build', 'check', 'compile', 'markdown', 'model'],
  server: ['build', 'compile', 'markdown', 'model'],
  cli: ['build', 'check', 'export', 'server', 'compile', 'markdown', 'model'],
  client: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** The modules a file loads at run time (`import type` loads nothing). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/(^|\n)\s*import type[^;]*;/g, '');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

const files = sourceFiles(SRC).map((file) => ({ file, folder: path.relative(SRC, file).split(path.sep)[0], imports: imports(file) }));

describe('architecture', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.filter((f) => CORE.includes(f.folder)).map((f) => [path.relative(REPO, f.file), f] as const))(
    '%s (core) uses no fs, process, console or browser',
    (_name, f) => {
      // Comments and string literals may say anything (`'./html-document.js'`).
      const code = readFileSync(f.file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$|'(?:[^'\\\n]|\\.)*'/gm, "''");
      expect(f.imports.filter((i) => /^(node:)?(fs|path|os|child_process|http|https|net|url)(\/|$)|puppeteer|chokidar/.test(i))).toEqual(
        [],
      );
      expect(code).not.toMatch(/\b(process|console|document|window)\.\w/);
    },
  );

  it.each(files.map((f) => [path.relative(REPO, f.file), f] as const))('%s imports only along the pipeline', (_name, f) => {
    for (const spec of f.imports.filter((i) => i.startsWith('.'))) {
      const target = path.relative(SRC, path.resolve(path.dirname(f.file), spec)).split(path.sep)[0];
      if (target === f.folder) continue;
      expect(ALLOWED[f.folder], `${f.folder} → ${target} (${spec})`).toContain(target);
    }
  });

  it('imports puppeteer in exactly one module', () => {
    const users = files.filter((f) => f.imports.some((i) => i.startsWith('puppeteer')));
    expect(users.map((f) => path.relative(SRC, f.file))).toEqual(['export/browser.ts']);
  });
});
