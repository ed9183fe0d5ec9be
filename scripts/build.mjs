// Builds the tool into lib/: the CLI and the library entry (Node) with the library's type
// declarations, the browser runtime and its CSS with fonts, and reveal.js's own themes made offline. Run by `npm install` (prepare) and `npm run build`.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const lib = path.join(root, 'lib');
const revealThemes = path.join(root, 'node_modules/reveal.js/dist/theme');

/** Packages loaded only when a deck or a command needs them stay outside the bundle. */
const LAZY = ['puppeteer-core', 'shiki', 'shiki/*', '@shikijs/*', 'katex', 'chokidar', 'ws', 'subset-font'];

await rm(lib, { recursive: true, force: true });

// The CLI and the library (`import … from 'deckmark'`) share their code through chunks.
const cli = build({
  entryPoints: {
    cli: path.join(root, 'src/cli/main.ts'),
    api: path.join(root, 'src/api/index.ts'),
    'build-worker': path.join(root, 'src/build/build-worker.ts'),
  },
  outdir: lib,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: LAZY,
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS code may call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

const client = build({
  // The live-reload client and the present clients are files of their own: only `deckmark serve`
  // and `deckmark present` put them in a page.
  entryPoints: {
    deckmark: path.join(root, 'src/client/index.ts'),
    'live-reload': path.join(root, 'src/client/live-reload.ts'),
    'present-deck': path.join(root, 'src/client/present/deck.ts'),
    'present-remote': path.join(root, 'src/client/present/remote.ts'),
  },
  outdir: path.join(lib, 'client'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  logLevel: 'warning',
});

const cssOptions = { bundle: true, minify: true, logLevel: 'warning', external: ['http:*', 'https:*'] };

/** @fontsource's stylesheets list a .woff beside each .woff2: keep the woff2 only. */
const woff2Only = {
  name: 'woff2-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]@fontsource[\\/].*\.css$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g, ''),
      loader: 'css',
    }));
  },
};
const clientCss = build({
  ...cssOptions,
  entryPoints: { deckmark: path.join(root, 'src/client/deckmark.css'), fonts: path.join(root, 'src/client/fonts.css') },
  outdir: path.join(lib, 'client'),
  loader: { '.woff2': 'file' },
  assetNames: 'fonts/[name]-[hash]',
  plugins: [woff2Only],
});

// KaTeX's CSS and fonts (woff2 only: every browser reveal.js runs in reads it), copied with a
// deck only when it uses math (src/build/theme-files.ts); inlined for --single-file decks.
const katexDir = path.join(root, 'node_modules/katex/dist');
const katexSource = (await readFile(path.join(katexDir, 'katex.css'), 'utf8')).replace(
  /,\s*url\([^)]*\.(woff|ttf)\)\s*format\(["'][^"']*["']\)/g,
  '',
);
const katexCss = (name, loader) =>
  build({
    ...cssOptions,
    stdin: { contents: katexSource, resolveDir: katexDir, loader: 'css' },
    outfile: path.join(lib, 'client', `${name}.css`),
    loader: { '.woff2': loader },
    assetNames: 'fonts/[name]-[hash]',
  });
const katex = Promise.all([katexCss('katex', 'file'), katexCss('katex.inline', 'dataurl')]);

// reveal.js's themes with their local fonts; the Google Fonts imports some have are dropped
// (the deck must work offline; those themes fall back to their next font).
const themeFiles = (await readdir(revealThemes)).filter((f) => f.endsWith('.css'));
const themes = build({
  ...cssOptions,
  entryPoints: themeFiles.map((f) => path.join(revealThemes, f)),
  outdir: path.join(lib, 'themes/reveal'),
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.eot': 'file' },
  assetNames: 'fonts/[name]-[hash]',
}).then(async () => {
  for (const f of themeFiles) {
    const file = path.join(lib, 'themes/reveal', f);
    const css = await readFile(file, 'utf8');
    await writeFile(file, css.replace(/@import\s*(url\()?["']?https?:[^;]*;/g, ''));
  }
});

// The library's .d.ts files (lib/types/api/index.d.ts is package.json's `types`), from the local
// TypeScript. Type errors are `npm run lint`'s to report: they fail the build only if no
// declarations come out.
const types = promisify(execFile)(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json'], {
  cwd: root,
}).catch(async (error) => {
  if (!existsSync(path.join(lib, 'types/api/index.d.ts'))) throw error;
  process.stderr.write(`warning: type errors while writing lib/types (npm run lint lists them):\n${error.stdout}`);
});

await Promise.all([cli, client, clientCss, themes, katex, types]);
