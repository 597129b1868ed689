import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { HttpResponse } from '@shop/lambda-kit';
import type { Context } from 'aws-lambda';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from '../domain/errors';
import { REPLAYED_HEADER } from '../http/protocol';

/** A request as idempotency sees it: the caller's key, and what the request asked for. */
export type RememberedRequest = {
  readonly key: string;
  /** Compared (as a hash) with the first request's: the same key with another request is refused. Keep card data out. */
  readonly request: Record<string, unknown>;
};

/**
 * Runs `respond` once per idempotency key and stores its response; a repeat of the request gets the stored
 * response (status, headers and body) without running it. Throws `IdempotencyKeyReusedError` when the key
 * came with another request, `IdempotencyKeyInUseError` while the first is still running. When `respond`
 * throws, nothing is stored and a retry runs it again.
 */
export type RequestMemory = (
  request: RememberedRequest,
  context: Context,
  respond: () => Promise<HttpResponse>,
) => Promise<HttpResponse>;

/** How long a key is remembered: a day, like the processors whose retries it stands in for. */
const ONE_DAY_IN_SECONDS = 24 * 60 * 60;

/** One prefix for every route, so a key is one request whatever route it is sent to. */
const KEY_PREFIX = 'payments';

function replayed(response: HttpResponse): HttpResponse {
  return { ...response, headers: { ...response.headers, [REPLAYED_HEADER]: 'true' } };
}

/**
 * The `RequestMemory` of Powertools idempotency on a DynamoDB table (partition key `id`, TTL `expiration`).
 * Used directly rather than through lambda-kit's `makeIdempotentFunction`, which has no payload validation.
 *
 * @example
 * const remember = makeRequestMemory({ tableName: config.idempotencyTable, client });
 * return remember({ key, request: { route: 'void', id } }, context, async () => ok(await voidPayment({ id })));
 */
export function makeRequestMemory(options: { tableName: string; client: DynamoDBClient }): RequestMemory {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.tableName,
    awsSdkV3Client: options.client,
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'request',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: ONE_DAY_IN_SECONDS,
    hashFunction: 'sha256',
    responseHook: (response) => replayed(response as HttpResponse) as never,
  });
  // The Lambda context as second argument lets Powertools expire an in-progress record with the invocation.
  const rememberOnce = makeIdempotent(
    (_request: RememberedRequest, _context: Context, respond: () => Promise<HttpResponse>) => respond(),
    { persistenceStore, config, keyPrefix: KEY_PREFIX },
  );
  return async (request, context, respond) => {
    try {
      return await rememberOnce(request, context, respond);
    } catch (error) {
      if (error instanceof IdempotencyValidationError) throw new IdempotencyKeyReusedError({ cause: error });
      if (error instanceof IdempotencyAlreadyInProgressError) throw new IdempotencyKeyInUseError({ cause: error });
      throw error;
    }
  };
}
