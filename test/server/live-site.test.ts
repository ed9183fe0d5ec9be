// The live site on its own (no HTTP, no browser): when it tells pages of a build. Changed
// slides that the pages swap in from the message go out as soon as the page is rendered,
// before its files are written; an update a page must fetch goes out once they are on disk.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, formatError } from '../../src/cli/report.js';
import { createLiveSite, type LiveSite } from '../../src/server/live-site.js';
import type { ReloadMessage } from '../../src/server/messages.js';
import { tempDir } from '../helpers/cli.js';
import { deckText, makeProject, THEME, type Project } from './fixture.js';

interface Told {
  message: ReloadMessage;
  /** The deck's index.html and theme as they were on disk when the message went out. */
  page: string;
  theme: string;
}

describe('the live site', () => {
  let project: Project;
  let site: LiveSite;
  let out: string;
  const told: Told[] = [];
  const onDisk = (file: string) => (existsSync(path.join(out, 'deck', file)) ? readFileSync(path.join(out, 'deck', file), 'utf8') : '');

  beforeAll(async () => {
    project = makeProject();
    out = tempDir('deckmark-live-site-');
    site = createLiveSite({
      input: project.deck,
      inputIsFolder: false,
      outDir: out,
      build: {},
      reporter: { log: () => undefined, formatError, formatDiagnostic },
      send: (message) => told.push({ message, page: onDisk('index.html'), theme: onDisk('assets/theme.css') }),
      watchInputs: () => undefined,
    });
    await site.buildAll();
  });

  const rebuild = async (): Promise<Told> => {
    told.length = 0;
    await site.rebuild([project.deck]);
    const updates = told.filter((t) => t.message.type === 'update');
    expect(updates).toHaveLength(1);
    return updates[0];
  };

  it('sends changed slides before the build writes its files', async () => {
    writeFileSync(project.deck, deckText('Text sent before it is written'));
    const { message, page } = await rebuild();
    expect(message).toMatchObject({ type: 'update', slides: true, styles: false, sections: { changed: [[2, expect.any(String)]] } });
    expect(page).not.toContain('Text sent before it is written');
    expect(onDisk('index.html')).toContain('Text sent before it is written');
  });

  it('tells pages that must fetch only once the files are on disk', async () => {
    // A new slide: the page's slides no longer match one to one, so it fetches the page.
    writeFileSync(project.deck, `${deckText('Text sent before it is written')}\n---\n\n## Slide six\n`);
    const added = await rebuild();
    expect(added.message).toMatchObject({ type: 'update', slides: true, styles: false });
    expect(added.message).not.toHaveProperty('sections');
    expect(added.page).toContain('Slide six');
    // A new theme: the page fetches its stylesheets.
    writeFileSync(project.theme, THEME('rgb(200, 20, 30)'));
    const restyled = await rebuild();
    expect(restyled.message).toMatchObject({ type: 'update', slides: false, styles: true });
    expect(restyled.theme).toContain('rgb(200, 20, 30)');
  });
});
