// `deckmark serve` rebuilds a deck when the project config that applies to it is made,
// changed or removed, also in a folder above the deck.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeProject, serve, until, type Project, type Started } from './fixture.js';

describe('serve and the project config', () => {
  let project: Project;
  let started: Started;
  const page = async (): Promise<string> => (await fetch(new URL('deck/', started.server.url))).text();

  beforeAll(async () => {
    project = makeProject();
    started = await serve(project.slides);
  });
  afterAll(async () => {
    await started?.server.close();
  });

  it('rebuilds when a config appears above the deck, changes, and goes', async () => {
    await until(async () => (await page()).includes('<html lang="en"'));
    const config = path.join(project.root, 'deckmark.config.yaml');
    writeFileSync(config, 'lang: nb\n');
    await until(async () => (await page()).includes('<html lang="nb"'));
    writeFileSync(config, 'lang: sv\n');
    await until(async () => (await page()).includes('<html lang="sv"'));
    rmSync(config);
    await until(async () => (await page()).includes('<html lang="en"'));
  });

  it('rebuilds when package.json gains a "deckmark" key', async () => {
    writeFileSync(path.join(project.root, 'package.json'), '{ "private": true, "deckmark": { "lang": "da" } }\n');
    await until(async () => (await page()).includes('<html lang="da"'));
  });
});
