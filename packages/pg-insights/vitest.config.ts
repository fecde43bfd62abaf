import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests boot an embedded PostgreSQL and spawn the built command while other
    // engineers load the same 2 cores: generous hooks, bounded tests.
    hookTimeout: 120_000,
    testTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
