import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';

/** Where results are remembered, what makes two inputs "the same", and for how long. */
export type IdempotencyOptions<TInput> = {
  /**
   * The idempotency table, from config: partition key `id` (string) and TTL on `expiration`, the
   * schema Powertools documents.
   */
  readonly tableName: string;
  /**
   * What makes two inputs the same: a JMESPath expression over the input (`'detail.data.order.id'`)
   * or a function of it. Prefer a business fact over the EventBridge event `id`: don't count on an
   * event keeping its `id` when it is replayed from an archive.
   */
  readonly key: string | ((input: TInput) => string);
  /** How long a result is remembered, in seconds. Default: 24 hours, the longest EventBridge retries. */
  readonly expiresAfterSeconds?: number;
  /** Defaults to a new `DynamoDBClient()`; pass one to set an endpoint or wrap it with the tracer. */
  readonly client?: DynamoDBClient;
  /** Prefix of the stored keys. Default (Powertools'): the Lambda function name. */
  readonly keyPrefix?: string;
};

/** A function that runs once per key: a repeated call returns the first call's stored result. */
export type IdempotentFunction<TInput, TOutput> = (input: TInput, context?: Context) => Promise<TOutput>;

const ONE_DAY_IN_SECONDS = 24 * 60 * 60;

/** @internal */
function makeConfig(eventKeyJmesPath: string, expiresAfterSeconds: number): IdempotencyConfig {
  // Powertools' default silently skips idempotency when the key is missing; a consumer that
  // must not repeat a side effect should fail instead.
  return new IdempotencyConfig({ eventKeyJmesPath, expiresAfterSeconds, throwOnNoIdempotencyKey: true });
}

/**
 * Makes `fn` idempotent with Powertools idempotency and a DynamoDB table: the first call with a key
 * runs `fn` and stores its result (it must be JSON-like); later calls with the same key return the
 * stored result without running `fn`; a call while the first is still running throws
 * `IdempotencyAlreadyInProgressError` (so an SQS record is retried later). If `fn` throws, nothing is
 * stored and the next call runs it again.
 *
 * Pass the Lambda `context` as the second argument (`makeSqsHandler` does): Powertools then registers
 * it, and an in-progress record expires with the invocation's remaining time, so a timed-out attempt
 * does not block the retry until the record's expiry.
 *
 * @example
 * const createInvoiceOnce = makeIdempotentFunction(
 *   async (event: EventOf<typeof OrderConfirmed>) => createInvoice(event.detail.data),
 *   { tableName: config.idempotencyTableName, key: 'detail.data.order.id' },
 * );
 * export const handler = makeSqsHandler(OrderConfirmed, createInvoiceOnce);
 */
export function makeIdempotentFunction<TInput, TOutput>(
  fn: (input: TInput, context?: Context) => Promise<TOutput>,
  options: IdempotencyOptions<TInput>,
): IdempotentFunction<TInput, TOutput> {
  const { tableName, key, keyPrefix, client = new DynamoDBClient({}) } = options;
  const expiresAfterSeconds = options.expiresAfterSeconds ?? ONE_DAY_IN_SECONDS;
  const persistenceStore = new DynamoDBPersistenceLayer({ tableName, awsSdkV3Client: client });
  if (typeof key === 'string') {
    const config = makeConfig(key, expiresAfterSeconds);
    return makeIdempotent(fn, { persistenceStore, config, keyPrefix, dataIndexArgument: 0 });
  }
  // A function key: hash `{ key }` rather than the input, and hand the input to `fn` separately.
  const keyed = makeIdempotent(
    (_key: { key: string }, context: Context | undefined, input: TInput) => fn(input, context),
    { persistenceStore, config: makeConfig('key', expiresAfterSeconds), keyPrefix, dataIndexArgument: 0 },
  );
  return (input, context) => keyed({ key: key(input) }, context, input);
}
