import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // What the ServiceFunction construct sets in AWS: powertools.ts reads them, it never hard-codes them.
    env: {
      POWERTOOLS_SERVICE_NAME: 'lambda-kit-test',
      POWERTOOLS_METRICS_NAMESPACE: 'ShopTest',
    },
  },
});
