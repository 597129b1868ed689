import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // One shop for the whole run: synthesized and started once (or read from a deployed stage).
    globalSetup: ['src/harness/global-setup.ts'],
    setupFiles: ['src/harness/env-setup.ts'],
    // The files share one shop and its stock; one at a time keeps each file's load its own (and 2 CI cores free).
    fileParallelism: false,
    // Budgets, not expectations (src/harness/budgets.ts): waits poll with deadlines and return as soon as the shop
    // has answered. A test waiting for one answer on the bus may need ANSWER_BUDGET_MS (150 s) and a little more.
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
