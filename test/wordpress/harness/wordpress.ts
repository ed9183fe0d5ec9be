// Debian's WordPress (/usr/share/wordpress) on `php -S`, configured the Debian way
// (/etc/wordpress/config-NAME.php, picked by WORDPRESS_CONFIG), with its own database and
// wp-content in a temporary folder. Users are made and posts published by php-cli (php/wp-task.php).
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type MariaDb } from './mariadb.js';
import { type Server, freePort, listening, runAsync, startServer, stopServer, waitFor } from './processes.js';

const WORDPRESS_ROOT = '/usr/share/wordpress';
const DEBIAN_CONFIG_DIR = '/etc/wordpress';
const PHP_DIR = path.resolve(import.meta.dirname, '../php');

export interface WordPressUser {
  login: string;
  password: string;
  email: string;
  role: 'administrator' | 'author';
}

interface InstallReport {
  theme: string;
  permalinks: string;
  version: string;
  /** Per login: whether WordPress lets that user post unfiltered HTML. */
  unfilteredHtml: Record<string, boolean>;
}

interface PostInput {
  login: string;
  title: string;
  content: string;
}

export interface PublishedPost {
  id: number;
  url: string;
  /** The content as WordPress stored it (after kses for users without unfiltered_html). */
  content: string;
}

interface OEmbedProxyAnswer {
  status: number;
  data: { html?: string; type?: string; provider_name?: string; code?: string; message?: string };
}

export interface WordPress {
  url: string;
  host: string;
  port: number;
  install: InstallReport;
  server: Server;
  /** Publishes posts, each as its user. */
  publish(posts: PostInput[]): Promise<PublishedPost[]>;
  /** The block editor's oEmbed preview of `url`, asked as `login`. */
  oembedProxy(login: string, url: string): Promise<OEmbedProxyAnswer>;
  stop(): Promise<void>;
}

function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/%([A-Z_]+)%/g, (all, key: string) => {
    if (!(key in values)) throw new Error(`no value for ${all}`);
    return String(values[key]);
  });
}

export interface WordPressOptions {
  dir: string;
  db: MariaDb;
  admin: WordPressUser;
  users: WordPressUser[];
  /** The deck server WordPress may fetch for oEmbed discovery (see php/deck-host.php). */
  deckHost: string;
  deckPort: number;
}

export async function startWordPress(options: WordPressOptions): Promise<WordPress> {
  const host = '127.0.0.1';
  const port = await freePort(host);
  const url = `http://${host}:${port}`;
  const configName = `deckmark-e2e-${process.pid}-${port}`;
  const configFile = path.join(DEBIAN_CONFIG_DIR, `config-${configName}.php`);

  const contentDir = path.join(options.dir, 'wp-content');
  mkdirSync(path.join(contentDir, 'themes'), { recursive: true });
  mkdirSync(path.join(contentDir, 'mu-plugins'));
  mkdirSync(path.join(contentDir, 'uploads'));
  // As Debian's /var/lib/wordpress/wp-content does: the packaged default theme, linked.
  symlinkSync(path.join(WORDPRESS_ROOT, 'wp-content/themes/twentytwentythree'), path.join(contentDir, 'themes/twentytwentythree'));
  writeFileSync(
    path.join(contentDir, 'mu-plugins/deckmark-e2e-deck-host.php'),
    fill(readFileSync(path.join(PHP_DIR, 'deck-host.php'), 'utf8'), { DECK_HOST: options.deckHost, DECK_PORT: options.deckPort }),
  );
  if (!canWrite(DEBIAN_CONFIG_DIR)) {
    throw new Error(
      `the WordPress test writes its site config to ${configFile} (Debian's scheme) and cannot write ${DEBIAN_CONFIG_DIR}: run it as root (as CI does)`,
    );
  }
  writeFileSync(
    configFile,
    fill(readFileSync(path.join(PHP_DIR, 'config.php'), 'utf8'), {
      DB_HOST: options.db.dbHost,
      SITE_URL: url,
      CONTENT_DIR: contentDir,
      SALT: randomBytes(24).toString('hex'),
    }),
  );
  const removeConfig = () => rmSync(configFile, { force: true });
  process.once('exit', removeConfig);

  const env = {
    ...process.env,
    WORDPRESS_CONFIG: configName,
    WP_TEST_HOST: `${host}:${port}`,
    WORDPRESS_ROOT,
    PHP_CLI_SERVER_WORKERS: '4',
  };
  const server = startServer(
    'php -S (WordPress)',
    'php',
    ['-S', `${host}:${port}`, '-t', WORDPRESS_ROOT, path.join(PHP_DIR, 'router.php')],
    {
      log: path.join(options.dir, 'php-server.log'),
      env,
    },
  );
  const stop = async () => {
    await stopServer(server);
    removeConfig();
  };
  try {
    await waitFor('listening port', () => listening(host, port), server);
    const task = async (name: string, input: unknown): Promise<unknown> =>
      JSON.parse(await runAsync('php', [path.join(PHP_DIR, 'wp-task.php'), name], { env, input: JSON.stringify(input) }));
    const install = (await task('install', { title: 'deckmark e2e', admin: options.admin, users: options.users })) as InstallReport;
    return {
      url,
      host,
      port,
      install,
      server,
      publish: async (posts) => (await task('publish', posts)) as PublishedPost[],
      oembedProxy: async (login, deckUrl) => (await task('oembed-proxy', { login, url: deckUrl })) as OEmbedProxyAnswer,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
