import { defineConfig } from 'vitest/config';

// The browser test launches Chromium; on a loaded 2-core machine that can take a while.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
