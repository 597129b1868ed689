import { defineConfig } from 'vitest/config';

/** The module whose checks to run: `workshop check <id>` sets it. */
const moduleId = process.env.WORKSHOP_MODULE ?? '*';

export default defineConfig({
  test: {
    include: [`modules/${moduleId}/checks/**/*.check.ts`],
    environment: 'node',
    // Checks synthesize CDK apps and run handlers: seconds each on a quiet machine, far more on a busy one.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
