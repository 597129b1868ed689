import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'infra/**/*.test.ts'],
    environment: 'node',
    // Synthesizing CDK stacks takes seconds on a busy 2-core machine, and the first synth in a worker also
    // loads aws-cdk-lib. Generous limits, not a timing assertion.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // What the PaymentsSandbox construct sets in AWS (src/config.ts reads them at import). The DynamoDB
    // endpoint is set by the tests themselves: dynalite listens on an ephemeral port.
    env: {
      POWERTOOLS_SERVICE_NAME: 'payments-test',
      POWERTOOLS_METRICS_NAMESPACE: 'ShopTest',
      AUTHORIZATIONS_TABLE_NAME: 'authorizations',
      TOKENS_TABLE_NAME: 'tokens',
      IDEMPOTENCY_TABLE_NAME: 'idempotency',
      API_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:PaymentsApiKey-AbCdEf',
      // The timeout card's wait, short in tests: what they check is that nothing is authorized after it.
      TIMEOUT_CARD_DELAY_MS: '20',
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
  },
});
