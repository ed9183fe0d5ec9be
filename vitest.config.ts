import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser tests share two cores with the builds they test: run files one or two at a time.
    maxWorkers: 2,
  },
});
