// A theme from an npm package (`theme: "@acme/deckmark-theme"`): found in node_modules from
// the deck's (or config's) folder up to the project root, as Node finds a package, but never
// above the project. Its stylesheet is its package.json's `style`, else a `main` ending in
// .css, else index.css.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from './project-root.js';

export type ThemePackage = { css: string; dir: string } | { problem: string };

function stylesheetOf(dir: string): string | undefined {
  let fields: { style?: unknown; main?: unknown } = {};
  try {
    fields = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof fields;
  } catch {
    // A package.json that cannot be read names no stylesheet: index.css may still be there.
  }
  const named = [fields.style, typeof fields.main === 'string' && /\.css$/i.test(fields.main) ? fields.main : undefined];
  const candidates = [...named.filter((f): f is string => typeof f === 'string'), 'index.css'];
  return candidates.map((f) => path.resolve(dir, f)).find((f) => isInside(dir, f) && existsSync(f));
}

/** The package's stylesheet and (real) folder, or why there is none; `name` is a package name. */
export function findThemePackage(name: string, fromDir: string, projectRoot: string): ThemePackage {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'node_modules', ...name.split('/'));
    if (existsSync(path.join(pkg, 'package.json'))) {
      const css = stylesheetOf(pkg);
      if (!css)
        return {
          problem: `has no stylesheet: its package.json names none (\`style\`, or a \`main\` ending in .css) and it has no index.css`,
        };
      return { css, dir: realpathSync(pkg) };
    }
    if (dir === projectRoot || !isInside(projectRoot, dir) || path.dirname(dir) === dir) break;
  }
  return { problem: `is not installed in the project's node_modules: run npm install ${name}` };
}
