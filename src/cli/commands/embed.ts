// `deckmark embed INPUT [--url URL] [--format html|markdown|wordpress]`: prints the snippet
// that puts the deck in a blog post (stdout: data only; messages go to stderr).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deckFileUrl, renderEmbedSnippet } from '../../compile/embed-snippet.js';
import { parseDeck } from '../../compile/parse-deck.js';
import { deckSlug, pdfName, shownPath } from '../../build/deck-files.js';
import { readProjectSettings } from '../../build/config-file.js';
import { findDecks } from '../../build/find-decks.js';
import { findProjectRoot } from '../../build/project-root.js';
import { readDeckFile } from '../../build/read-deck-file.js';
import { DeckError } from '../../model/deck-error.js';
import type { EmbedCommandOptions } from '../main.js';

const HOW_TO_GIVE_URL =
  "give the deck's public URL with --url https://example.org/talk/ or as `url:` in its front matter (where `deckmark build` output is published), or the decks' base URL as `url:` in deckmark.config.json";

function isWebUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

export async function runEmbed(input: string, options: EmbedCommandOptions): Promise<void> {
  const decks = await findDecks(input);
  if (decks.length !== 1)
    throw new DeckError('usage', `embed takes one deck; ${shownPath(input)} holds ${decks.length}: name one .md file`);
  const file = decks[0];
  const shown = shownPath(file);
  const slug = deckSlug(file);
  const { settings } = readProjectSettings(file, slug, findProjectRoot(file), shownPath);
  const deck = parseDeck(await readDeckFile(file, shown), { file: shown, fallbackTitle: slug, settings });

  const url = options.url ?? deck.meta.url;
  if (url === undefined) throw new DeckError('usage', `the snippet needs the public URL of ${shown}`, { hint: HOW_TO_GIVE_URL });
  if (!isWebUrl(url)) {
    const where = options.url === undefined ? { file: shown, line: deck.metaLines.url ?? 1, column: 1 } : {};
    throw new DeckError('usage', `the deck's URL must be an absolute http(s) URL, not ${JSON.stringify(url)}`, {
      ...where,
      hint: HOW_TO_GIVE_URL,
    });
  }
  const pdf = pdfName(slug);
  const hasPdf = existsSync(path.join(path.resolve(options.out), slug, pdf));
  const snippet = renderEmbedSnippet(
    {
      url,
      title: deck.meta.title,
      width: deck.meta.size.width,
      height: deck.meta.size.height,
      pdfUrl: hasPdf ? deckFileUrl(url, pdf) : undefined,
      lang: deck.meta.lang,
    },
    options.format,
  );
  process.stdout.write(snippet);
}
