import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // The integration test synthesizes and starts the whole shop (about 1.5 minutes on two shared cores): a budget, not an expectation.
    testTimeout: 420_000,
    hookTimeout: 120_000,
  },
});
