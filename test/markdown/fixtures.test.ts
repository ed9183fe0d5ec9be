// Expands every fixture file in test/fixtures/syntax/ into one test per case (format: fixtures.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFixtures, runFixture } from './fixtures.js';

const DIR = fileURLToPath(new URL('../fixtures/syntax/', import.meta.url));
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('syntax fixtures', () => {
  it('finds the fixture files', () => {
    expect(FILES.length).toBeGreaterThan(0);
  });
});

for (const file of FILES) {
  describe(file, () => {
    for (const fixture of readFixtures(path.join(DIR, file))) {
      it(`${fixture.title} (line ${fixture.line})`, () => {
        const { failures, html } = runFixture(fixture);
        expect(failures, `${file}:${fixture.line}\n--- input\n${fixture.input}--- html\n${html}`).toEqual([]);
      });
    }
  });
}
