import { defineConfig } from 'vitest/config';

// Integration tests spawn the built runner (dist/) against real loopback servers.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
