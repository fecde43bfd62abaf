import { defineConfig } from 'vitest/config';

// The integration tests share one reference API; run files one after another.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
