import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What ties one piece of work to the request that caused it.
 * `correlationId` starts at the storefront request and is carried, unchanged, by every log line,
 * event, workflow execution and metric that request causes. `causationId` is the id of the
 * message (request or event) that directly caused the current work.
 */
export type CorrelationContext = {
  readonly correlationId: string;
  readonly causationId?: string;
};

const storage = new AsyncLocalStorage<CorrelationContext>();

/**
 * Runs `fn` with `context` as the current correlation context, also across `await`s.
 * lambda-kit's middlewares call this for each invocation (and each batch record), so handlers never do.
 *
 * @example
 * await withCorrelation({ correlationId: 'c-1', causationId: event.id }, () => publisher.publish(...));
 */
export function withCorrelation<T>(context: CorrelationContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * The current correlation context, or `undefined` outside of one.
 *
 * @example
 * const correlationId = currentCorrelation()?.correlationId;
 */
export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

/**
 * A new correlation id, for work that starts here (a request without `x-correlation-id`, a schedule).
 *
 * @example
 * const correlationId = newCorrelationId();
 */
export function newCorrelationId(): string {
  return randomUUID();
}
