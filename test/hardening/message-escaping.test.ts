// Issue 20, finding 16: a control character in a file name (a newline, an escape sequence)
// must not split or recolour the one-line `file:line:col: error: message (code)`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls, formatDiagnostic } from '../../src/cli/report.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from './helpers.js';

describe('control characters in messages', () => {
  it('escapes a newline in a deck file name: the error stays on one line', async () => {
    const { slides, out } = makeProject();
    const file = path.join(slides, 'evil\nname.md');
    writeFileSync(file, '---\nsize: banana\n---\n# S\n');
    const r = await runCli('build', file, '-o', out, '--no-image');
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/evil\\nname\.md:2:1: error: `size` must be/);
  }, 20_000);

  it('escapes controls in the path and the message of a diagnostic, and bidi overrides', () => {
    const line = formatDiagnostic({
      severity: 'warning',
      code: 'missing-image',
      message: 'image "a\rb\u001b[31m.png" not found',
      file: 'x\u202e\tdm.md',
      line: 3,
      column: 1,
    });
    expect(line).toBe('x\\u{202e}\\tdm.md:3:1: warning: image "a\\rb\\u{1b}[31m.png" not found (missing-image)');
    expect(escapeControls('Mål og strategi.md')).toBe('Mål og strategi.md');
  });
});
