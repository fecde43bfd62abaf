import { defineConfig } from 'vitest/config';

// The registry test publishes ten tarballs and runs npm and tsc for eight projects; every
// child is killed after CALL_TIMEOUT_MS (src/npm.ts), so these bounds are never the usual end.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    maxConcurrency: 2,
  },
});
