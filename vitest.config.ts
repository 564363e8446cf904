import { defineConfig } from 'vitest/config';

/** One run covers unit, integration and end-to-end tests; TZ is pinned for determinism. */
export default defineConfig({
  test: {
    include: ['{etl,warehouse,queries,dashboard,bench}/**/*.test.{ts,tsx}'],
    env: { TZ: 'America/Guayaquil' },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
