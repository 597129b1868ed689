import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { currentCorrelation } from '@shop/events';

/**
 * Powertools' standard JSON log line, plus `correlation_id` and `causation_id` read from the current
 * correlation context (`withCorrelation`) at the moment the line is written.
 *
 * Why a formatter and not `logger.appendKeys`: the logger is one instance per execution environment,
 * and SQS records are processed concurrently, so keys appended for one record would be stamped on
 * another's lines. AsyncLocalStorage follows each record's own chain of awaits, and there is nothing
 * to reset between invocations.
 *
 * @example
 * const logger = new Logger({ logFormatter: new CorrelatedLogFormatter() });
 * await withCorrelation({ correlationId: 'c-1' }, async () => logger.info('hi')); // {"correlation_id":"c-1",...}
 */
export class CorrelatedLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const correlation = currentCorrelation();
    const lambda = attributes.lambdaContext;
    // The same keys, in the same order, as Powertools' default formatter (PowertoolsLogFormatter).
    const base: LogAttributes = {
      level: attributes.logLevel,
      message: attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: lambda?.coldStart,
      function_arn: lambda?.invokedFunctionArn,
      function_memory_size: lambda?.memoryLimitInMB,
      function_name: lambda?.functionName,
      function_request_id: lambda?.awsRequestId,
      sampling_rate: attributes.sampleRateValue,
      xray_trace_id: attributes.xRayTraceId,
      tenant_id: lambda?.tenantId,
      correlation_id: correlation?.correlationId,
      causation_id: correlation?.causationId,
    };
    return new LogItem({ attributes: base }).addAttributes(additional);
  }
}
