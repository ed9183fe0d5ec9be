// `serve --pdf`: every deck's PDF is printed in the background after each build, and a download
// of it waits for the print of the last save — never the PDF of an older save, never half a file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src/cli/report.js';
import { createPdfKeeper } from '../../src/export/pdf-keeper.js';
import { tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/read-pdf.js';
import { deckText, makeProject, serve, until, type Project, type Started } from './fixture.js';

async function pdfText(url: string): Promise<string[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const file = path.join(tempDir('deckmark-serve-pdf-'), 'got.pdf');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return (await readPdf(file)).pages.map((p) => p.text);
}

describe('serve --pdf', () => {
  let project: Project;
  let started: Started;
  const printed: string[] = [];

  beforeAll(async () => {
    project = makeProject();
    const pdf = createPdfKeeper({ log: (line) => printed.push(line), formatError });
    started = await serve(project.slides, { pdf });
  }, 60_000);
  afterAll(async () => {
    await started?.server.close();
  });

  it('links the PDF from the start and serves it once printed', async () => {
    const page = await (await fetch(`${started.server.url}deck/`)).text();
    expect(page).toContain('href="deck.pdf"');
    const pages = await pdfText(`${started.server.url}deck/deck.pdf`);
    expect(pages).toHaveLength(5);
    expect(pages[2]).toContain('Original text on three');
    expect(printed.some((line) => /^pdf: wrote .*deck\.pdf \(5 pages\) in \d+ ms$/.test(line))).toBe(true);
  }, 60_000);

  it('a download right after the deck shows a save gets the PDF of that save', async () => {
    for (const edit of ['First edit on three', 'Second edit on three', 'Third edit on three']) {
      writeFileSync(project.deck, deckText(edit));
      await until(async () => (await (await fetch(`${started.server.url}deck/`)).text()).includes(edit), 20_000);
      const pages = await pdfText(`${started.server.url}deck/deck.pdf`);
      expect(pages[2]).toContain(edit);
    }
  }, 120_000);

  it('gives other files and a missing deck PDF as before', async () => {
    expect((await fetch(`${started.server.url}deck/other.pdf`)).status).toBe(404);
    expect((await fetch(`${started.server.url}nope/nope.pdf`)).status).toBe(404);
  });
});
