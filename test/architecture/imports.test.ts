// Keeps the pipeline's direction as ARCHITECTURE.md's table gives it, and the core (model,
// markdown, compile, check) free of Node's modules, the process and the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const SRC = path.join(REPO, 'src');
const CORE = ['model', 'markdown', 'compile', 'check'];

/** Which src/ folders each folder may import from (besides itself): ARCHITECTURE.md's table. */
function allowedImports(): Record<string, string[]> {
  const text = readFileSync(path.join(REPO, 'ARCHITECTURE.md'), 'utf8');
  const table = text.slice(text.indexOf('| folder | may import |'));
  const rows = [...table.matchAll(/^\| (\w+) \| ([^|]*) \|$/gm)].filter((m) => m[1] !== 'folder');
  return Object.fromEntries(rows.map((m) => [m[1], m[2].trim() === '—' ? [] : m[2].split(',').map((f) => f.trim())]));
}
const ALLOWED = allowedImports();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** The modules a file loads at run time (`import type` loads nothing; `import 'x'` does). */
export function imports(text: string): string[] {
  const code = text.replace(/(^|\n)\s*import type[^;]*;/g, '');
  const pattern =
    /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...code.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Node's own modules, with or without `node:`. */
const NODE_MODULE = new RegExp(`^(node:|(${builtinModules.join('|')})(/|$))`);

const files = sourceFiles(SRC).map((file) => ({
  file,
  folder: path.relative(SRC, file).split(path.sep)[0],
  imports: imports(readFileSync(file, 'utf8')),
}));

describe('architecture', () => {
  it('finds the source files and every folder in the table', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(Object.keys(ALLOWED).sort()).toEqual([...new Set(files.map((f) => f.folder))].sort());
  });

  it('sees every way of importing', () => {
    const text =
      "import 'node:fs';\nimport x from 'os';\nexport { y } from './y.js';\nimport type { Z } from 'z';\nconst m = import('node:path');";
    expect(imports(text)).toEqual(['node:fs', 'os', './y.js', 'node:path']);
    expect(imports(text).filter((i) => NODE_MODULE.test(i))).toEqual(['node:fs', 'os', 'node:path']);
  });

  it.each(files.filter((f) => CORE.includes(f.folder)).map((f) => [path.relative(REPO, f.file), f] as const))(
    '%s (core) uses no Node module, process, console or browser',
    (_name, f) => {
      // Comments and string literals may say anything (`'./html-document.js'`, a page script as text).
      const code = readFileSync(f.file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/gm, "''");
      expect(f.imports.filter((i) => NODE_MODULE.test(i) || /puppeteer|chokidar/.test(i))).toEqual([]);
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
    expect(users.map((f) => path.relative(SRC, f.file))).toEqual(['export/browser/launch.ts']);
  });
});
