// The one Diagnostic builder: a place's missing line or column is 1, a hint only when there is one.
import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/model/diagnostic.js';

describe('diagnostic', () => {
  it('points at the line, column 1 unless known', () => {
    expect(diagnostic('warning', 'alt-text', 'image "a.png" has no alt text', { file: 'deck.md', line: 7 })).toEqual({
      severity: 'warning',
      code: 'alt-text',
      message: 'image "a.png" has no alt text',
      file: 'deck.md',
      line: 7,
      column: 1,
    });
    expect(diagnostic('error', 'invalid-option', 'm', { line: 3, column: 9 })).toMatchObject({ line: 3, column: 9, file: undefined });
  });
  it("is at the file's first line when the line is unknown", () => {
    expect(diagnostic('error', 'page-dialog', 'm', { file: 'd.md' })).toMatchObject({ line: 1, column: 1 });
  });
  it('carries a hint only when there is one', () => {
    expect(diagnostic('warning', 'c', 'm', { line: 2 }, 'do this')).toMatchObject({ hint: 'do this' });
    expect('hint' in diagnostic('warning', 'c', 'm', { line: 2 }, undefined)).toBe(false);
  });
});
