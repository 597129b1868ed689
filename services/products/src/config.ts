// The only file that reads process.env. Each function reads the variables it needs once, at cold
// start, and fails loudly when one is missing (a misconfigured function should not start at all).

export class MissingConfigError extends Error {
  readonly code = 'PRODUCTS.MISSING_CONFIG';

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

/** The products table (every function but the outbox publisher). */
export const tableName = () => required('TABLE_NAME');
/** The Powertools idempotency table (the queue consumers). */
export const idempotencyTableName = () => required('IDEMPOTENCY_TABLE_NAME');
/** The shared event bus (the outbox publisher). */
export const eventBusName = () => required('EVENT_BUS_NAME');
/** The stage, written to every event's `metadata.environment` (the outbox publisher). */
export const stageName = () => required('STAGE_NAME');
/** The bucket the seed uploads product images to. */
export const imagesBucketName = () => required('IMAGES_BUCKET_NAME');
