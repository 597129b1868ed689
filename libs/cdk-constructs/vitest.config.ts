import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Synthesizing CDK stacks (and bundling with esbuild) takes seconds on a busy 2-core machine;
    // the first synth in a worker also loads aws-cdk-lib. Generous limits, not a timing assertion.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
