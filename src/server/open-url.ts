// Opens a URL in the default browser with the platform's own opener (no npm package needed).
import { spawn } from 'node:child_process';

function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the "".
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/** Starts the opener and leaves it; `onError` hears why when there is none (a bare server). */
export function openUrl(url: string, onError: (message: string) => void): void {
  const [command, args] = opener(url);
  const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
  child.on('error', (error) => onError(`could not open a browser (${command}: ${error.message}); open ${url} yourself`));
  child.unref();
}
