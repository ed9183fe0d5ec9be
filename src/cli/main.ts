// The deckmark CLI: commands declared here, their code loaded only when run, and the one
// place that prints errors and picks the exit code (0 ok, 1 errors in the input, 2 usage).
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { packageVersion } from '../build/paths.js';
import { DeckError } from '../model/deck-error.js';
import { escapeControls, formatError } from './report.js';

function separatorOptions<Args extends unknown[], Opts extends Record<string, unknown>>(command: Command<Args, Opts>) {
  return command
    .option('--separator <regex>', 'horizontal slide separator (a regular expression, as reveal-md reads it)')
    .option('--vertical-separator <regex>', 'vertical slide separator (a regular expression)');
}

/** For commands that take a folder of decks: how many at once, and which part of them. */
function folderOptions<Args extends unknown[], Opts extends Record<string, unknown>>(command: Command<Args, Opts>) {
  return command
    .option('--jobs <n>', 'decks at once (default: one per core)')
    .option('--shard <i/n>', "only part I of N of a folder's decks, for CI matrix jobs (then: deckmark index)");
}

function browserOption<Args extends unknown[], Opts extends Record<string, unknown>>(command: Command<Args, Opts>) {
  return command.option(
    '--browser-ws-endpoint <url>',
    'use this running browser (ws://… or http://host:port; default $DECKMARK_BROWSER_WS) instead of launching one',
  );
}

/** `--strict` means one thing in every command that has it. */
const STRICT = 'treat every warning as an error: exit 1, and no deck is written with one';

// Each command's arguments and options, declared once: the command modules take their option
// types from here (commander checks `.choices()`, so they arrive as one of the choices).
const declareBuild = (program: Command) =>
  browserOption(
    folderOptions(
      separatorOptions(
        program
          .command('build')
          .description('build decks to HTML: <out>/<slug>/index.html and <out>/index.html')
          .argument('[input]', 'a .md file or a folder of them', 'slides')
          .option('-o, --out <dir>', 'output folder', 'dist')
          .option('--single-file', 'write one self-contained <out>/<slug>.html per deck')
          .option('--strict', STRICT)
          .option('--safe', "for decks you did not write: no raw HTML, no scripts but the deck's own (a Content-Security-Policy)")
          .option('--no-image', 'skip the title-slide image (og-image.png; made only when a browser is found)'),
      ),
    ),
  );

const declareServe = (program: Command) =>
  browserOption(
    separatorOptions(
      program
        .command('serve')
        .description('build decks and serve them; a save rebuilds and updates the open page on the same slide')
        .argument('[input]', 'a .md file or a folder of them', 'slides')
        .option('--port <port>', 'port to listen on (0 picks a free one)', '8000')
        .option('--host <host>', 'address to listen on', '127.0.0.1')
        .option('--open', 'open the deck (or the index) in the default browser')
        .option('-o, --out <dir>', 'build into this folder (default: a temporary one)')
        .option('--strict', STRICT)
        .option('--pdf', "keep each deck's PDF up to date after every save, printed in the background (needs Chrome or Chromium)"),
    ),
  );

const declarePresent = (program: Command) =>
  separatorOptions(
    program
      .command('present')
      .description('present a deck: the presenter view, a phone remote and the audience following on their own screens')
      .argument('[input]', 'a .md file, or a folder holding one', 'slides')
      .option('--port <port>', 'port to listen on (0 picks a free one)', '8000')
      .option('--host <host>', 'address to listen on (0.0.0.0 for a phone on the same network)', '127.0.0.1')
      .option('--open', "open the presenter's view in the default browser")
      .option('--strict', STRICT),
  );

const declarePdf = (program: Command) =>
  browserOption(
    folderOptions(
      separatorOptions(
        program
          .command('pdf')
          .description('export decks to PDF: <out>/<slug>/<slug>.pdf, one page per slide (needs Chrome or Chromium)')
          .argument('[input]', 'a .md file or a folder of them', 'slides')
          .option('-o, --out <file|dir>', 'a .pdf file (one deck), or the output folder', 'dist')
          .addOption(new Option('--notes <where>', 'speaker notes on a page after each slide, or below it').choices(['page', 'below']))
          .option('--fragments', 'one page per fragment step')
          .addOption(new Option('--handout <n>', 'A4 handout with n slides per page').choices(['2', '3', '6']))
          .option('--size <size>', 'page size: 16:9, 4:3 or WIDTHxHEIGHT (default: the deck size)')
          .option('--safe', 'for decks you did not write: built as by build --safe before printing')
          .option('-q, --quiet', 'no progress output'),
      ),
    ),
  );

const declarePptx = (program: Command) =>
  browserOption(
    folderOptions(
      separatorOptions(
        program
          .command('pptx')
          .description('export decks to editable PowerPoint: <out>/<slug>/<slug>.pptx, one slide per slide')
          .argument('[input]', 'a .md file or a folder of them', 'slides')
          .option('-o, --out <file|dir>', 'a .pptx file (one deck), or the output folder', 'dist')
          .option('-q, --quiet', 'no progress output'),
      ),
    ),
  );

const declarePng = (program: Command) =>
  browserOption(
    folderOptions(
      separatorOptions(
        program
          .command('png')
          .description('one PNG per slide from the PDF print view: <out>/<slug>/png/01.png … (needs Chrome or Chromium)')
          .argument('[input]', 'a .md file or a folder of them', 'slides')
          .option('-o, --out <dir>', 'output folder', 'dist')
          .addOption(new Option('--scale <n>', 'pixels per CSS pixel').choices(['1', '2']).default('1'))
          .option('--fragments', 'one image per fragment step')
          .option('-q, --quiet', 'no progress output'),
      ),
    ),
  );

const declareEmbed = (program: Command) =>
  program
    .command('embed')
    .description("print the snippet that embeds a deck in a blog post (needs the deck's public URL)")
    .argument('<input>', 'the deck (.md file)')
    .option('--url <url>', "the deck's public URL (default: its front matter `url`)")
    .addOption(new Option('--format <format>', 'snippet format').choices(['html', 'markdown', 'wordpress']).default('html'))
    .option('-o, --out <dir>', 'where the deck is built (its PDF is linked when it is there)', 'dist');

const declareCheck = (program: Command) =>
  browserOption(
    separatorOptions(
      program
        .command('check')
        .description('find overflowing slides, small text, missing files, broken links and videos, low contrast')
        .argument('[input]', 'a .md file or a folder of them', 'slides')
        .addOption(
          new Option('--format <format>', 'one line per problem, or a JSON array for CI').choices(['text', 'json']).default('text'),
        )
        .option('--strict', STRICT)
        .option('--max-words <n>', 'words a slide may hold before it is reported as dense', '80')
        .option('--a11y', 'also audit every slide with axe-core (WCAG 2.1 A and AA) in Chromium'),
    ),
  );

const declareIndex = (program: Command) =>
  program
    .command('index')
    .description('rewrite the gallery (<dir>/index.html) from the decks built into <dir>, e.g. after merging --shard outputs')
    .argument('[dir]', 'the output folder', 'dist');

const declareNew = (program: Command) =>
  program
    .command('new')
    .description('create a new deck from a template')
    .argument('<name>', 'the deck name (its file name without .md)')
    .addOption(new Option('--dir <dir>', 'where to put it').default('slides'));

/** The options a command's action receives, as its declaration above types them. */
type OptionsOf<Declare extends (program: Command) => { opts(): unknown }> = ReturnType<ReturnType<Declare>['opts']>;
export type BuildCommandOptions = OptionsOf<typeof declareBuild>;
export type ServeCommandOptions = OptionsOf<typeof declareServe>;
export type PresentCommandOptions = OptionsOf<typeof declarePresent>;
export type PdfCommandOptions = OptionsOf<typeof declarePdf>;
export type PptxCommandOptions = OptionsOf<typeof declarePptx>;
export type PngCommandOptions = OptionsOf<typeof declarePng>;
export type EmbedCommandOptions = OptionsOf<typeof declareEmbed>;
export type CheckCommandOptions = OptionsOf<typeof declareCheck>;
export type NewCommandOptions = OptionsOf<typeof declareNew>;

/** The exit code a command asks for without failing (`check` finding problems); 0 otherwise. */
let commandExitCode = 0;

export function createProgram(): Command {
  const program = new Command('deckmark')
    .description('Markdown slides → a reveal.js deck, a PDF and a blog embed')
    .version(packageVersion())
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(run deckmark --help for usage)')
    .exitOverride();

  declareBuild(program).action(async (input, options) => {
    const { runBuild } = await import('./commands/build.js');
    await runBuild(input, options);
  });
  declareServe(program).action(async (input, options) => {
    const { runServe } = await import('./commands/serve.js');
    await runServe(input, options);
  });
  declarePresent(program).action(async (input, options) => {
    const { runPresent } = await import('./commands/present.js');
    await runPresent(input, options);
  });
  declarePdf(program).action(async (input, options) => {
    const { runPdf } = await import('./commands/pdf.js');
    await runPdf(input, options);
  });
  declarePptx(program).action(async (input, options) => {
    const { runPptx } = await import('./commands/pptx.js');
    await runPptx(input, options);
  });
  declarePng(program).action(async (input, options) => {
    const { runPng } = await import('./commands/png.js');
    await runPng(input, options);
  });
  declareEmbed(program).action(async (input, options) => {
    const { runEmbed } = await import('./commands/embed.js');
    await runEmbed(input, options);
  });
  declareCheck(program).action(async (input, options) => {
    const { runCheck } = await import('./commands/check.js');
    commandExitCode = await runCheck(input, options);
  });
  declareIndex(program).action(async (dir) => {
    const { runIndex } = await import('./commands/index-page.js');
    await runIndex(dir);
  });
  declareNew(program).action(async (name, options) => {
    const { runNew } = await import('./commands/new.js');
    await runNew(name, options);
  });

  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Why PDFs and images cannot be made on this machine, in one line; undefined when a browser is found. */
export async function browserProblem(): Promise<string | undefined> {
  return (await import('../export/browser/find.js')).browserProblem();
}

/** Runs the CLI with `argv` (without node and the script); returns the exit code. */
export async function runMain(argv: string[]): Promise<number> {
  const program = createProgram();
  commandExitCode = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return commandExitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof DeckError) {
      process.stderr.write(`${formatError(error)}\n`);
      if (argv.includes('--debug')) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const e = error as Error;
    process.stderr.write(`deckmark: internal error: ${escapeControls(e.message ?? String(error))}\n`);
    process.stderr.write(argv.includes('--debug') ? `${e.stack}\n` : 'run again with --debug for the stack trace\n');
    return 1;
  }
}
