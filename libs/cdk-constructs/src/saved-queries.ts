import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Replaced by the operator in the console before running "Path of a correlation id". */
export const CORRELATION_ID_TO_PASTE = 'paste-a-correlation-id';

export interface SavedQueriesProps {
  /** Folder in the Logs Insights console, e.g. `ShopProd`: keeps stages sharing an account apart. */
  readonly folder: string;
  /** The JSON log groups to search (ServiceFunction's `serviceLogGroup`, across services). */
  readonly logGroups: readonly logs.ILogGroup[];
  /** A request slower than this is listed by "Slow requests". @default Duration.seconds(1) */
  readonly slowRequestThreshold?: Duration;
}

/**
 * Saved Logs Insights queries over the services' Powertools JSON logs, for the questions asked during an
 * incident: which requests failed (by correlation id), which were slow, and what one request did across services.
 *
 * @example
 * new SavedQueries(this, 'Queries', { folder: 'ShopProd', logGroups: [placeOrder.serviceLogGroup] });
 */
export class SavedQueries extends Construct {
  readonly errorsByCorrelationId: logs.QueryDefinition;
  readonly slowRequests: logs.QueryDefinition;
  readonly correlationPath: logs.QueryDefinition;

  constructor(scope: Construct, id: string, props: SavedQueriesProps) {
    super(scope, id);
    const logGroups = [...props.logGroups];
    const define = (queryId: string, name: string, queryString: logs.QueryString) =>
      new logs.QueryDefinition(this, queryId, {
        queryDefinitionName: `${props.folder}/${name}`,
        queryString,
        logGroups,
      });
    this.errorsByCorrelationId = define(
      'ErrorsByCorrelationId',
      'Errors by correlation id',
      new logs.QueryString({
        fields: ['@timestamp', 'correlation_id', 'service', 'function_name', 'message', 'error.name', 'error.message'],
        filterStatements: ['level = "ERROR"'],
        statsStatements: [
          'count(*) as errors, earliest(@timestamp) as first, latest(message) as lastMessage by correlation_id, service',
        ],
        sort: 'errors desc',
        limit: 100,
      }),
    );
    const thresholdMs = (props.slowRequestThreshold ?? Duration.seconds(1)).toMilliseconds();
    this.slowRequests = define(
      'SlowRequests',
      'Slow requests',
      // With JSON logs, Lambda's REPORT line is a platform.report record holding the invocation's duration.
      new logs.QueryString({
        fields: [
          '@timestamp',
          '@log',
          'record.requestId',
          'record.metrics.durationMs',
          'record.metrics.initDurationMs',
        ],
        filterStatements: ['type = "platform.report"', `record.metrics.durationMs > ${thresholdMs}`],
        sort: 'record.metrics.durationMs desc',
        limit: 100,
      }),
    );
    this.correlationPath = define(
      'CorrelationPath',
      'Path of a correlation id across services',
      new logs.QueryString({
        fields: ['@timestamp', 'service', 'function_name', 'level', 'message', 'causation_id', 'function_request_id'],
        filterStatements: [`correlation_id = "${CORRELATION_ID_TO_PASTE}"`],
        sort: '@timestamp asc',
        limit: 1000,
      }),
    );
  }
}
