// The only file that reads process.env. Each function reads the variables it needs once, at cold start, and
// fails loudly when one is missing: a misconfigured function should not start at all.

export class MissingConfigError extends Error {
  readonly code = 'INVOICES.MISSING_CONFIG';

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

/** The invoices table (every function). */
export const tableName = () => required('TABLE_NAME');
/** The bucket holding the PDFs. */
export const pdfBucketName = () => required('PDF_BUCKET_NAME');
/** The Powertools idempotency table (the queue consumers). */
export const idempotencyTableName = () => required('IDEMPOTENCY_TABLE_NAME');
/** The shared event bus (the queue consumers publish the documents they issue). */
export const eventBusName = () => required('EVENT_BUS_NAME');
/** The stage, written to every event's `metadata.environment`. */
export const stageName = () => required('STAGE_NAME');
/** The consumer's own inbox DLQ: poison messages go straight there. */
export const deadLetterQueueUrl = () => required('DEAD_LETTER_QUEUE_URL');
/** The seller's name printed at the top of every invoice. */
export const shopName = () => required('SHOP_NAME');
