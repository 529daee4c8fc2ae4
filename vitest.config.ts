import { defineConfig } from 'vitest/config';

// Unit and integration tests run against real SQLite files, real folders and real
// HTTP servers on 127.0.0.1. Playwright's *.spec.ts files are not vitest's.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
