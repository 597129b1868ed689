import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Test stacks are synthesized (and their functions bundled by esbuild) in beforeAll.
    hookTimeout: 120_000,
  },
});
