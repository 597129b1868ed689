// Powertools instances, shared by every handler of a function.
export { logger, metrics, tracer } from './powertools';
export { CorrelatedLogFormatter } from './correlated-log-formatter';
export { annotateCorrelation, observability } from './observability';

// Correlation: where a request's or an event's correlation id comes from.
export { CORRELATION_HEADER, correlationOfEvent, correlationOfHttpRequest, isUsableCorrelationId } from './correlation';

// Errors.
export { DomainError, formatPath, type FieldError } from './errors';
export { fieldErrorsOf } from './validation';

// HTTP API (payload 2.0).
export {
  httpErrors,
  INTERNAL_ERROR,
  INVALID_REQUEST,
  toErrorResponse,
  type ErrorBody,
  type StatusByCode,
} from './http/http-errors';
export { makeHttpHandler, withHttpCorrelation, type HttpHandler, type HttpRouteOptions } from './http/handler';
export { httpRequest, type HttpRequest, type RequestSchemas } from './http/request';
export { accepted, created, json, noContent, ok, type Headers, type HttpResponse } from './http/response';

// EventBridge consumers.
export { eventSchema, type EventContract, type EventOf, type ParsedEvent } from './eventbridge/contract';
export { logErrors, makeEventHandler, withEventCorrelation, type EventHandler } from './eventbridge/handler';

// SQS batch consumers.
export {
  makeRecordHandler,
  makeSqsHandler,
  type EventProcessor,
  type RecordHandler,
  type SqsHandlerOptions,
} from './sqs/handler';

// Idempotency.
export { makeIdempotentFunction, type IdempotencyOptions, type IdempotentFunction } from './idempotency';
