// A private MariaDB: its own data folder, a unix socket only (no TCP port), gone with its folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Server, run, startServer, stopServer, waitFor } from './processes.js';

export interface MariaDb {
  socket: string;
  /** WordPress's DB_HOST for this socket. */
  dbHost: string;
  server: Server;
  stop(): Promise<void>;
}

/** mariadbd lives in /usr/sbin, which is not on every user's PATH. */
const MARIADBD = existsSync('/usr/sbin/mariadbd') ? '/usr/sbin/mariadbd' : 'mariadbd';

export async function startMariaDb(dir: string): Promise<MariaDb> {
  const datadir = path.join(dir, 'data');
  const socket = path.join(dir, 'mysqld.sock');
  const log = path.join(dir, 'mariadb.log');
  // --no-defaults: the machine's my.cnf (datadir, socket, a running system server) is not ours.
  // --user=root: mariadbd refuses to run as root without it (CI runs as root).
  run('mariadb-install-db', [
    '--no-defaults',
    '--user=root',
    `--datadir=${datadir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const server = startServer(
    'mariadbd',
    MARIADBD,
    [
      '--no-defaults',
      '--user=root',
      `--datadir=${datadir}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${path.join(dir, 'mariadbd.pid')}`,
      `--log-error=${log}`,
      '--innodb-buffer-pool-size=32M',
    ],
    { log },
  );
  await waitFor('socket', () => existsSync(socket), server);
  run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4']);
  return { socket, dbHost: `localhost:${socket}`, server, stop: () => stopServer(server) };
}
