import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The end-to-end sweep boots rota-api over embedded PostgreSQL on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
