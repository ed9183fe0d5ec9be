// Temporary files and folders carry the id of the process that made them (`<pid>-<random>`),
// so that a later run can tell the leftovers of a killed run (that process is gone) from the
// work of one still running beside it.
import { randomBytes } from 'node:crypto';

/** `<pid>-<8 hex>`: unique, and names its maker. */
export function tempTag(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** True when the process that made a temporary with this tag is gone; undefined for no tag. */
export function madeByDeadProcess(tag: string): boolean | undefined {
  const pid = /^(\d+)-/.exec(tag)?.[1];
  if (pid === undefined) return undefined;
  return Number(pid) !== process.pid && !processAlive(Number(pid));
}
