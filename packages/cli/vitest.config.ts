import { defineConfig } from 'vitest/config';

// The end-to-end files each boot an embedded PostgreSQL and load it: one file at a time keeps
// a 2-core machine usable and the timings meaningful.
export default defineConfig({
  test: { testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false },
});
