import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // One test synthesizes the CDK app (templates only): slower than a unit test on two busy cores.
    hookTimeout: 300_000,
  },
});
