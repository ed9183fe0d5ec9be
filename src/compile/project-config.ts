// A project's deckmark.config.json / .yaml (or package.json's "deckmark" key): the same keys
// as front matter, checked by the same rules (readDeckOptions), each problem located in the
// config file. A deck's front matter wins over it key by key, and inside pdf, reveal and themeVars.
import type { Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { authorPattern, UnsupportedRegexError } from './author-regex.js';
import { readDeckOptions } from './deck-options.js';
import { readYamlMapping, type FrontMatter } from './front-matter.js';
import { settingPlaces, type KeyPlaces } from './yaml-key-places.js';

/** How the config is written: a YAML file, a JSON file, or the `deckmark` key of a package.json. */
export type ConfigFormat = 'yaml' | 'json' | 'package.json';

export interface ProjectConfig {
  /** The config file, as messages name it. */
  file: string;
  /** Its settings: front matter keys. */
  data: Record<string, unknown>;
  /** 1-based line of each setting in the file. */
  keyLines: Record<string, number>;
  /** 1-based column of each setting. */
  keyColumns?: Record<string, number>;
  /** Line and column of each nested setting by its path (`pdf.notes`). */
  nestedKeys?: KeyPlaces;
}

/** The gallery page's heading and introduction (the config's `gallery` key: the project's, not a deck's). */
export interface GallerySettings {
  title?: string;
  /** Inline Markdown, rendered like a deck's description. */
  intro?: string;
}

/** Settings whose mappings merge with the front matter's instead of being replaced by it. */
const MERGED_MAPPINGS = new Set(['pdf', 'reveal', 'revealOptions', 'themeVars']);

const SEPARATORS = ['separator', 'verticalSeparator', 'notesSeparator'];

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Reads a config file's text; throws a DeckError at its line and column when it is broken. */
export function parseProjectConfig(fileText: string, file: string, format: ConfigFormat): ProjectConfig {
  const text = fileText.replace(/^\uFEFF/, '');
  const what = format === 'package.json' ? 'package.json' : file;
  const syntax = format === 'yaml' ? 'YAML' : 'JSON';
  const { data: whole, places } = readYamlMapping(text, { file, what, code: 'invalid-config', firstLine: 1, syntax });
  if (format !== 'package.json') return { file, data: whole, ...settingPlaces(places, whole) };
  const data = whole.deckmark ?? {};
  if (!isMapping(data)) {
    throw new DeckError('invalid-config', 'the "deckmark" key of package.json must be an object of settings', {
      file,
      line: places.deckmark?.line ?? 1,
      column: places.deckmark?.column ?? 1,
    });
  }
  return { file, data, ...settingPlaces(places, data, 'deckmark.') };
}

/** The config's `gallery` key, checked: a mapping of a `title` and an `intro`, both text. */
function readGallerySettings(config: ProjectConfig): GallerySettings | undefined {
  const value = config.data.gallery;
  if (value === undefined || value === null) return undefined;
  const fail = (message: string, inner?: string): never => {
    const place = inner === undefined ? undefined : config.nestedKeys?.[`gallery.${inner}`];
    throw new DeckError('invalid-option', message, {
      file: config.file,
      line: place?.line ?? config.keyLines.gallery ?? 1,
      column: place?.column ?? config.keyColumns?.gallery ?? 1,
    });
  };
  if (!isMapping(value)) return fail('`gallery` must be a mapping: `title` and `intro`, both text');
  const unknown = Object.keys(value).find((key) => key !== 'title' && key !== 'intro');
  if (unknown !== undefined) fail(`unknown \`gallery\` key \`${unknown}\`: the keys are title and intro`, unknown);
  const text = (key: 'title' | 'intro'): string | undefined => {
    const v = value[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return fail(`\`gallery.${key}\` must be text`, key);
    return v.trim();
  };
  const title = text('title');
  const intro = text('intro');
  return { ...(title ? { title } : {}), ...(intro ? { intro } : {}) };
}

/**
 * Checks the settings with the front matter's rules: wrong values throw (located in the config
 * file), unknown keys become warnings. Returns the project's own settings, which no deck has.
 */
export function checkProjectConfig(config: ProjectConfig, diagnostics: Diagnostic[]): { gallery?: GallerySettings } {
  const gallery = readGallerySettings(config);
  const fm: FrontMatter = {
    data: deckSettings(config.data),
    keyLines: config.keyLines,
    keyColumns: config.keyColumns,
    nestedKeys: config.nestedKeys,
    bodyLine: 0,
    body: '',
  };
  readDeckOptions(fm, { file: config.file, what: 'config', fallbackTitle: '', firstHeading: '' }, diagnostics);
  for (const key of SEPARATORS) {
    const value = config.data[key];
    if (value === undefined || value === null) continue;
    const where = { file: config.file, line: config.keyLines[key] ?? 1, column: config.keyColumns?.[key] ?? 1 };
    if (typeof value !== 'string') throw new DeckError('invalid-option', `\`${key}\` must be a regular expression as text`, where);
    try {
      authorPattern(value);
    } catch (e) {
      if (!(e instanceof UnsupportedRegexError)) throw e;
      throw new DeckError('invalid-option', `\`${key}\` is not a regular expression deckmark can run: ${e.message}`, {
        ...where,
        hint: e.hint,
      });
    }
  }
  return gallery ? { gallery } : {};
}

/** The settings a deck takes from the config: all but the project's own (`gallery`). */
function deckSettings(data: Record<string, unknown>): Record<string, unknown> {
  const { gallery: _project, ...deck } = data;
  return deck;
}

/** The front matter over the project's settings: its keys win, its pdf/reveal/themeVars entries too. */
export function withProjectSettings(fm: FrontMatter, settings: Record<string, unknown> | undefined): FrontMatter {
  if (!settings) return fm;
  const data: Record<string, unknown> = { ...deckSettings(settings), ...fm.data };
  for (const key of MERGED_MAPPINGS) {
    if (isMapping(settings[key]) && isMapping(fm.data[key])) data[key] = { ...settings[key], ...fm.data[key] };
  }
  return { ...fm, data };
}
