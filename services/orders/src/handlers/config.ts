// The only file that reads process.env. Each function reads the variables it needs once, at cold
// start, and fails loudly when one is missing: a misconfigured function should not start at all.

export class MissingConfigError extends Error {
  readonly code = 'ORDERS.MISSING_CONFIG';

  constructor(key: string) {
    super(`Environment variable ${key} is not set`);
    this.name = 'MissingConfigError';
  }
}

function required(key: string): string {
  const value = process.env[key];
  if (value === undefined || value === '') throw new MissingConfigError(key);
  return value;
}

/** The orders table: carts, the catalog copy, orders. */
export const tableName = () => required('TABLE_NAME');
/** The Powertools idempotency table (the queue consumers). */
export const idempotencyTableName = () => required('IDEMPOTENCY_TABLE_NAME');
/** The payment sandbox's base URL (price-checkout reads card tokens from it). */
export const paymentsUrl = () => required('PAYMENTS_URL');
/** ARN of the secret holding the payment sandbox's API key, a plain string. */
export const paymentsApiKeySecretArn = () => required('PAYMENTS_API_KEY_SECRET_ARN');
/** Where the backend's feature flags live in AppConfig. */
export const featureFlagsLocation = () => ({
  application: required('APPCONFIG_APPLICATION'),
  environment: required('APPCONFIG_ENVIRONMENT'),
  profile: required('APPCONFIG_FLAGS_PROFILE'),
});

/** The currency the shop sells in (every catalog price must be in it). GBP unless SHOP_CURRENCY says otherwise. */
export const shopCurrency = () => process.env.SHOP_CURRENCY ?? 'GBP';
