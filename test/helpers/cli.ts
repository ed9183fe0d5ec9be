// Runs the CLI in process and captures what it prints on stderr and stdout.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { runMain } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stderr: string;
  stdout: string;
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  let stderr = '';
  let stdout = '';
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await runMain(argv);
    return { code, stderr, stdout };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

export function tempDir(prefix = 'deckmark-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const REPO = path.resolve(import.meta.dirname, '../..');
export const SLIDES = path.join(REPO, 'slides');
