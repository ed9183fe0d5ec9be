// Finding and reading the project's config for a deck: deckmark.config.json / .yaml / .yml,
// or the "deckmark" key of a package.json, the nearest from the deck's folder up to the
// project root. Its settings are checked by the front matter's rules (compile/project-config),
// then made the deck's: paths turned relative to the deck, the base `url` + the deck's slug.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/deck.js';
import { DeckError } from '../model/deck-error.js';
import { isThemePackage } from '../compile/deck-options.js';
import {
  checkProjectConfig,
  parseProjectConfig,
  type ConfigFormat,
  type GallerySettings,
  type ProjectConfig,
} from '../compile/project-config.js';
import { describeProblem, readLocalFile } from './local-file.js';
import { isInside } from './project-root.js';
import { findThemePackage } from './theme-package.js';

const CONFIG_FILES: Record<string, ConfigFormat> = {
  'deckmark.config.json': 'json',
  'deckmark.config.yaml': 'yaml',
  'deckmark.config.yml': 'yaml',
};

/** A config file is a few settings: anything larger is a mistake. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The settings a deck gets from its project, and the config's warnings (unknown keys). */
export interface ProjectSettings {
  /** Front matter keys under the deck's own; undefined when there is no config. */
  settings?: Record<string, unknown>;
  /** The gallery page's title and introduction, when the config sets them. */
  gallery?: GallerySettings;
  diagnostics: Diagnostic[];
}

/** True when a package.json holds a "deckmark" key (one that cannot be read holds none). */
function hasDeckmarkKey(packageJson: string): boolean {
  try {
    const data = JSON.parse(readFileSync(packageJson, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && Object.hasOwn(data, 'deckmark');
  } catch {
    return false;
  }
}

/** The configs in one folder. */
function configsIn(dir: string): { file: string; format: ConfigFormat }[] {
  const found = Object.entries(CONFIG_FILES)
    .map(([name, format]) => ({ file: path.join(dir, name), format }))
    .filter((c) => existsSync(c.file));
  const packageJson = path.join(dir, 'package.json');
  if (existsSync(packageJson) && hasDeckmarkKey(packageJson)) found.push({ file: packageJson, format: 'package.json' });
  return found;
}

/** The folders a deck's config may be in: its own, up to the project root. */
function configFolders(deckFile: string, projectRoot: string): string[] {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(deckFile)); isInside(projectRoot, dir); dir = path.dirname(dir)) {
    folders.push(dir);
    if (dir === projectRoot || path.dirname(dir) === dir) break;
  }
  return folders;
}

/** Every file whose making, change or removal can change a deck's settings (for `serve` to watch). */
export function configCandidates(deckFile: string, projectRoot: string): string[] {
  const names = [...Object.keys(CONFIG_FILES), 'package.json'];
  return configFolders(deckFile, projectRoot).flatMap((dir) => names.map((name) => path.join(dir, name)));
}

/** The nearest config from the deck's folder up to the project root; two in one folder are an error. */
function findConfig(
  deckFile: string,
  projectRoot: string,
  show: (file: string) => string,
): { file: string; format: ConfigFormat } | undefined {
  for (const dir of configFolders(deckFile, projectRoot)) {
    const found = configsIn(dir);
    if (found.length > 1) {
      throw new DeckError('invalid-config', `two configs in one folder: ${found.map((c) => show(c.file)).join(' and ')}`, {
        file: show(found[1].file),
        hint: 'keep one of them',
      });
    }
    if (found.length === 1) return found[0];
  }
  return undefined;
}

/** The config's relative paths (a theme or `css` file), relative to the deck's folder instead. */
function relativeToDeck(config: ProjectConfig, deckDir: string, projectRoot: string): Record<string, unknown> {
  const configDir = path.dirname(path.resolve(config.file));
  const where = (key: string): { file: string; line: number; column: number } => ({
    file: config.file,
    line: config.keyLines[key] ?? 1,
    column: config.keyColumns?.[key] ?? 1,
  });
  const rebase = (file: string): string =>
    /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(file) || path.isAbsolute(file) ? file : path.relative(deckDir, path.resolve(configDir, file));
  const data = { ...config.data };
  const { theme, css } = data;
  if (typeof theme === 'string' && isThemePackage(theme)) {
    const found = findThemePackage(theme, configDir, projectRoot);
    if ('problem' in found) throw new DeckError('unknown-theme', `theme package "${theme}" ${found.problem}`, where('theme'));
  } else if (typeof theme === 'string' && /\.css$/i.test(theme)) {
    if (!existsSync(path.resolve(configDir, theme)))
      throw new DeckError('unknown-theme', `theme "${theme}"${describeProblem('missing', 0)}`, where('theme'));
    data.theme = rebase(theme);
  }
  if (typeof css === 'string') data.css = rebase(css);
  else if (Array.isArray(css)) data.css = css.map((c) => (typeof c === 'string' ? rebase(c) : c));
  return data;
}

/**
 * The project's settings for one deck (`slug` is its name in the output), from the nearest
 * config. Throws a DeckError located in the config file when it is broken or holds a wrong value.
 */
export function readProjectSettings(deckFile: string, slug: string, projectRoot: string, show: (file: string) => string): ProjectSettings {
  const found = findConfig(deckFile, projectRoot, show);
  if (!found) return { diagnostics: [] };
  const shown = show(found.file);
  const read = readLocalFile(found.file, [projectRoot], MAX_CONFIG_BYTES);
  if ('problem' in read)
    throw new DeckError('invalid-config', `${shown}${describeProblem(read.problem, MAX_CONFIG_BYTES)}`, { file: shown });
  const config = parseProjectConfig(read.data.toString('utf8'), shown, found.format);
  const diagnostics: Diagnostic[] = [];
  const { gallery } = checkProjectConfig(config, diagnostics);
  const settings = relativeToDeck(config, path.dirname(path.resolve(deckFile)), projectRoot);
  // The config's `url` is where the decks are published: each deck is a folder under it.
  if (typeof settings.url === 'string') settings.url = `${settings.url.replace(/\/*$/, '/')}${encodeURIComponent(slug)}/`;
  return { settings, gallery, diagnostics };
}
