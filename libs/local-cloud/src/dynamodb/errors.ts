import type { Json } from '../core/contracts';

/** The namespaces AWS puts before the error name in `__type`; the SDKs keep only the part after '#'. */
const NAMESPACE: Record<string, string> = {
  ValidationException: 'com.amazon.coral.validate',
  SerializationException: 'com.amazon.coral.service',
  UnknownOperationException: 'com.amazon.coral.service',
};
const DEFAULT_NAMESPACE = 'com.amazonaws.dynamodb.v20120810';

/**
 * A DynamoDB API error as AWS sends it: `__type`, message and HTTP status, plus extra fields some errors
 * carry (`CancellationReasons`, `Item`). Thrown anywhere in this service and written out by the endpoint,
 * so the real SDKs raise the same exception classes they raise against AWS.
 */
export class DynamoDbApiError extends Error {
  override readonly name = 'DynamoDbApiError';
  readonly code = 'DYNAMODB.API_ERROR';

  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    readonly extra: Record<string, Json> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The JSON body AWS would send. TransactionCanceledException spells it `Message`, as AWS does. */
  toBody(): Record<string, Json> {
    const namespace = NAMESPACE[this.type] ?? DEFAULT_NAMESPACE;
    const messageKey = this.type === 'TransactionCanceledException' ? 'Message' : 'message';
    return { __type: `${namespace}#${this.type}`, [messageKey]: this.message, ...this.extra };
  }

  /** Rebuilds an error from a body AWS (or dynalite) sent, keeping its type, message and extra fields. */
  static fromBody(status: number, body: Record<string, Json>): DynamoDbApiError {
    const { __type, message, Message, ...extra } = body;
    const type = String(__type ?? 'InternalServerError').split('#').pop() ?? 'InternalServerError';
    return new DynamoDbApiError(type, String(message ?? Message ?? ''), status, extra);
  }
}

export const validationError = (message: string): DynamoDbApiError =>
  new DynamoDbApiError('ValidationException', message);

export const resourceNotFound = (message = 'Requested resource not found'): DynamoDbApiError =>
  new DynamoDbApiError('ResourceNotFoundException', message);

export const internalServerError = (cause: unknown): DynamoDbApiError =>
  new DynamoDbApiError('InternalServerError', 'Internal server error', 500, {}, { cause });

/** Raised when the local dynalite process cannot be started or reached: a local setup problem, not an API error. */
export class DynaliteUnavailableError extends Error {
  override readonly name = 'DynaliteUnavailableError';
  readonly code = 'DYNAMODB.DYNALITE_UNAVAILABLE';
}

/** Raised by the template loader when a resource's properties cannot describe a table. */
export class InvalidTableResourceError extends Error {
  override readonly name = 'InvalidTableResourceError';
  readonly code = 'DYNAMODB.INVALID_TABLE_RESOURCE';
}

/** Raised when an event source mapping's properties cannot be consumed by the stream poller. */
export class InvalidEventSourceMappingError extends Error {
  override readonly name = 'InvalidEventSourceMappingError';
  readonly code = 'DYNAMODB.INVALID_EVENT_SOURCE_MAPPING';
}

/** Raised when a stream's failed batch should go to a destination this local cloud does not emulate. */
export class UnsupportedDestinationError extends Error {
  override readonly name = 'UnsupportedDestinationError';
  readonly code = 'DYNAMODB.UNSUPPORTED_DESTINATION';
}
