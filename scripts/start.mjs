// `npm start`: build the example decks, export their PowerPoint files, and their PDFs when a browser is here, then serve
// them with live reload (Ctrl-C stops).
import { browserProblem, runMain } from '../lib/cli.js';

async function run(...args) {
  const code = await runMain(args);
  if (code !== 0) process.exit(code);
}

await run('build', 'slides');
await run('pptx', 'slides'); // a browser only to draw display math (its TeX as text without one)
const problem = await browserProblem();
if (problem) process.stderr.write(`PDF skipped: ${problem}\n`);
else await run('pdf', 'slides');
await run('serve', 'slides', '-o', 'dist');
