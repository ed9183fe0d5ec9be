// `--jobs` and `--shard` as the commands that take a folder of decks read them.
import { parseJobs } from '../build/build-pool.js';
import { parseShard, type Shard } from '../build/find-decks.js';

export function folderFlags(flags: { jobs?: string; shard?: string }): { jobs: number | undefined; shard: Shard | undefined } {
  return {
    jobs: flags.jobs === undefined ? undefined : parseJobs(flags.jobs),
    shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
  };
}
