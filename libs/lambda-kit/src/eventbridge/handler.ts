import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { withCorrelation } from '@shop/events';
import type { Context } from 'aws-lambda';
import { correlationOfEvent } from '../correlation';
import { observability } from '../observability';
import { logger } from '../powertools';
import { fieldErrorsOf } from '../validation';
import { eventSchema, type EventContract, type EventOf } from './contract';

/** A Lambda handler that EventBridge invokes with one event. */
export type EventHandler<R = unknown> = (event: unknown, context: Context) => Promise<R>;

/**
 * Runs an EventBridge handler (usually a whole middy chain) inside the event's correlation context:
 * `detail.metadata.correlation_id`, caused by the event's `id`. Events published by the handler
 * carry both. A wrapper, not a middleware, for the reason given on `withHttpCorrelation`.
 *
 * @example
 * export const handler = withEventCorrelation(middy().use(observability()).use(logErrors()).use(parser(...)).handler(...));
 */
export function withEventCorrelation<R>(handler: EventHandler<R>): EventHandler<R> {
  return (event, context) => withCorrelation(correlationOfEvent(event), () => handler(event, context));
}

/**
 * Logs an error at error level with the fields that failed validation (paths only), then lets it
 * propagate: the invocation fails, so Lambda retries it and then sends it to the on-failure
 * destination. Never log-and-return, which would drop the event silently.
 *
 * @example
 * middy().use(observability()).use(logErrors()).use(parser(...))
 */
export function logErrors(): middy.MiddlewareObj {
  return {
    onError: ({ error }) => {
      const fields = fieldErrorsOf(error)?.map((f) => f.path);
      logger.error('Processing failed', { ...(fields && { fields }), error });
    },
  };
}

/**
 * The whole EventBridge consumer stack in one call: correlation, logging, tracing, metrics, and
 * Powertools parser over the contract's schema, around a function that takes the parsed event.
 *
 * @example
 * export const handler = makeEventHandler(OrderConfirmed, async (event) => {
 *   await createInvoice(event.detail.data);
 * });
 */
export function makeEventHandler<C extends EventContract, R>(
  contract: C,
  handle: (event: EventOf<C>, context: Context) => Promise<R>,
): EventHandler<R> {
  const chain = middy<EventOf<C>, R>()
    .use(observability())
    .use(logErrors())
    .use(parser({ schema: eventSchema(contract) }))
    .handler(handle);
  return withEventCorrelation(chain as unknown as EventHandler<R>);
}
