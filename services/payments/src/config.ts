import { getNumberFromEnv, getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';

/** How long the timeout test card keeps the caller waiting: longer than API Gateway's 30 s integration limit. */
export const DEFAULT_TIMEOUT_CARD_DELAY_MS = 35_000;

/** The payment sandbox's settings, read once at cold start; a missing one fails the function loudly. */
export const config = Object.freeze({
  authorizationsTable: getStringFromEnv({ key: 'AUTHORIZATIONS_TABLE_NAME' }),
  tokensTable: getStringFromEnv({ key: 'TOKENS_TABLE_NAME' }),
  idempotencyTable: getStringFromEnv({ key: 'IDEMPOTENCY_TABLE_NAME' }),
  apiKeySecretArn: getStringFromEnv({ key: 'API_KEY_SECRET_ARN' }),
  timeoutCardDelayMs: getNumberFromEnv({ key: 'TIMEOUT_CARD_DELAY_MS', defaultValue: DEFAULT_TIMEOUT_CARD_DELAY_MS }),
});
