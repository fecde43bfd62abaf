import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Integration files start PostgreSQL and a server each; bcrypt cost 12 is slow by design.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each integration file runs its own PostgreSQL; more than two at once only thrashes 2 cores.
    maxWorkers: 2,
  },
});
