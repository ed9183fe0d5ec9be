// The test installs nothing: it checks that Debian's packages are there and says how to get them.
import { spawnSync } from 'node:child_process';

const WORDPRESS_PACKAGES = ['wordpress', 'mariadb-server', 'php-cli', 'php-mysql', 'php-curl', 'php-xml', 'php-mbstring'];

/** The packages of `names` that dpkg does not list as installed. */
function missingPackages(names: readonly string[]): string[] {
  return names.filter((name) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
    return query.status !== 0 || query.stdout.trim() !== 'installed';
  });
}

export function assertPackagesInstalled(names: readonly string[] = WORDPRESS_PACKAGES): void {
  const missing = missingPackages(names);
  if (missing.length) {
    throw new Error(
      `the WordPress test needs Debian packages that are not installed: ${missing.join(' ')}\n  apt-get install -y ${missing.join(' ')}`,
    );
  }
}
