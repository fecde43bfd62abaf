import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Real child processes on a shared 2-core machine: allow for a slow start.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
