import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import { currentCorrelation } from '@shop/events';
import { logger, metrics, tracer } from './powertools';

/**
 * Puts the current correlation id on the X-Ray segment (an annotation, so traces can be searched by
 * it) and on this invocation's metrics (EMF metadata: searchable in Logs Insights, not a dimension).
 *
 * @example
 * middy().use(observability()) // includes it; use it alone only in a hand-made chain
 */
export function annotateCorrelation(): middy.MiddlewareObj {
  return {
    before: () => {
      const correlation = currentCorrelation();
      if (correlation === undefined) return;
      tracer.putAnnotation('correlation_id', correlation.correlationId);
      metrics.addMetadata('correlation_id', correlation.correlationId);
    },
  };
}

/**
 * Logging, tracing and metrics for a handler, in the order they must run. middy is an onion:
 * `before`s run top-down, `after`/`onError`s bottom-up.
 *
 * @example
 * export const handler = middy().use(observability()).use(httpErrors(statusByCode)).handler(...);
 */
export function observability(): middy.MiddlewareObj[] {
  return [
    // Outermost: every line logged by the layers below carries the Lambda context, and its key reset
    // runs last, so keys a handler appends never leak into the next invocation. Events and requests
    // carry personal data, so they are never logged, whatever POWERTOOLS_LOGGER_LOG_EVENT says.
    injectLambdaContext(logger, { resetKeys: true, logEvent: false }),
    // Responses can carry personal data too, and X-Ray metadata is just another log.
    captureLambdaHandler(tracer, { captureResponse: false }),
    // Publishes after the error middlewares below have run, so a handled error's metrics are kept.
    logMetrics(metrics, { captureColdStartMetric: true }),
    // Innermost of the four: it needs the handler subsegment opened by captureLambdaHandler.
    annotateCorrelation(),
  ];
}
