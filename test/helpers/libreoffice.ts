// LibreOffice Impress, headless, for the tests that open a .pptx in a real office suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { tempDir } from './cli.js';

/**
 * True when `soffice` runs. Without it a test is skipped with one line, unless
 * DECKMARK_REQUIRE_LIBREOFFICE is set (as `.ci/run` does): then it is an error.
 */
export function libreOfficeAvailable(): boolean {
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0) return true;
  if (process.env.DECKMARK_REQUIRE_LIBREOFFICE) throw new Error('soffice is missing (DECKMARK_REQUIRE_LIBREOFFICE is set, as in CI)');
  console.log('skipped: the LibreOffice test needs soffice (Debian: apt-get install libreoffice-impress)');
  return false;
}

/** Converts each file to `<outDir>/<name>.pdf`, in a profile of its own (a desktop LibreOffice or a parallel run cannot get in the way). */
export function convertToPdf(files: string[], outDir: string): void {
  const profile = pathToFileURL(tempDir('deckmark-lo-')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    stdio: 'ignore',
    timeout: 240_000,
  });
}
