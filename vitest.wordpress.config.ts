import { defineConfig } from 'vitest/config';

// `npm run test:wordpress`: the real-WordPress end-to-end test (test/wordpress), kept out of
// `npm test` because it starts MariaDB, PHP and Chromium and needs Debian's packages.
export default defineConfig({
  test: {
    include: ['test/wordpress/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    maxWorkers: 1,
  },
});
