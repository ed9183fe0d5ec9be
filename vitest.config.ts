import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-WordPress test runs on its own: npm run test:wordpress (vitest.wordpress.config.ts).
    exclude: [...configDefaults.exclude, 'test/wordpress/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser tests share two cores with the builds they test: run files one or two at a time.
    maxWorkers: 2,
  },
});
