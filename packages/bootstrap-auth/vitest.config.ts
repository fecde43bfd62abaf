import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Integration tests start PostgreSQL and rota-api; bcrypt registrations are slow by design.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
