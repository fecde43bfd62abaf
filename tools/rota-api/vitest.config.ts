import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Integration files start PostgreSQL and a server each; bcrypt cost 12 is slow by design.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
