// `--open`: the platform's opener is started with the URL (a stand-in xdg-open records it),
// and a machine without one gets a message instead of a crash.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openUrl } from '../../src/server/open-url.js';
import { tempDir } from '../helpers/cli.js';
import { until } from './fixture.js';

describe.runIf(process.platform === 'linux')('openUrl', () => {
  const path0 = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path0;
  });

  it('runs xdg-open with the URL', async () => {
    const bin = tempDir();
    const record = path.join(bin, 'opened.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    process.env.PATH = `${bin}:${path0}`;
    const errors: string[] = [];
    openUrl('http://127.0.0.1:8000/deck/', (m) => errors.push(m));
    await until(() => existsSync(record) && readFileSync(record, 'utf8').length > 0);
    expect(readFileSync(record, 'utf8')).toBe('http://127.0.0.1:8000/deck/');
    expect(errors).toEqual([]);
  });

  it('says how to open the page when there is no opener', async () => {
    process.env.PATH = tempDir();
    const errors: string[] = [];
    openUrl('http://127.0.0.1:8000/', (m) => errors.push(m));
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/could not open a browser \(xdg-open: .*ENOENT.*\); open http:\/\/127\.0\.0\.1:8000\/ yourself/);
  });
});
