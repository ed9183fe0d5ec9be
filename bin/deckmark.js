#!/usr/bin/env node
// The deckmark command: runs the CLI bundled into lib/ by `npm install` (scripts/build.mjs).
import { existsSync } from 'node:fs';

const cli = new URL('../lib/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('deckmark: lib/cli.js is missing; run `npm install` (or `npm run build`) in the deckmark folder first\n');
  process.exit(1);
}
const { runMain } = await import(cli.href);
process.exitCode = await runMain(process.argv.slice(2));
