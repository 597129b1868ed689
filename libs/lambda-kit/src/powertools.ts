import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { CorrelatedLogFormatter } from './correlated-log-formatter';

// One instance of each per execution environment, created at cold start and shared by every
// invocation. The service name and the metrics namespace are not passed here: Powertools reads
// POWERTOOLS_SERVICE_NAME and POWERTOOLS_METRICS_NAMESPACE, which the ServiceFunction construct sets.

/**
 * The structured JSON logger. Every line carries the Lambda context (with `observability()`) and the
 * current `correlation_id` / `causation_id`.
 *
 * @example
 * logger.info('Order placed', { orderId: order.id }); // ids, never personal data
 */
export const logger = new Logger({ logFormatter: new CorrelatedLogFormatter() });

/**
 * CloudWatch metrics in Embedded Metric Format, published once per invocation by `observability()`.
 *
 * @example
 * metrics.addMetric('OrdersPlaced', MetricUnit.Count, 1);
 */
export const metrics = new Metrics();

/**
 * X-Ray tracing (active only in Lambda, where AWS_EXECUTION_ENV is set).
 *
 * @example
 * const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));
 */
export const tracer = new Tracer();
