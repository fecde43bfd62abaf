import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each DB test file boots its own embedded PostgreSQL in beforeAll; other engineers load
    // the same 2 cores, so hooks get generous time while single tests stay bounded.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
