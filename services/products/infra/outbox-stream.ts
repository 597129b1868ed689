import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { AlarmedDeadLetterQueue } from './dead-letter-queue';
import { TableStreamRequiredError } from './errors';

/** Only new outbox items (`pk = OUTBOX#<eventId>`) reach the publisher; TTL deletes and state changes do not. */
export const OUTBOX_FILTER_PATTERN = {
  eventName: lambda.FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { pk: { S: lambda.FilterRule.beginsWith('OUTBOX#') } } },
};

/** The stream actions Lambda's poller needs, granted on this table's stream only (as AWS documents). */
const STREAM_READ_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

/**
 * Batch and retry settings. A batch of 10 is one PutEvents call. Failures bisect the batch and retry only from
 * the failed record (ReportBatchItemFailures), so one poison record cannot hold the shard; after 10 retries, or
 * 6 hours (well inside the stream's 24 hours), the failed range is recorded in the DLQ, where an operator finds
 * the shard and sequence numbers and can republish from the outbox items, which the table keeps for a day.
 */
export const OUTBOX_STREAM_SETTINGS = {
  batchSize: 10,
  retryAttempts: 10,
  maxRecordAge: Duration.hours(6),
} as const;

export interface OutboxStreamProps {
  /** The products table; it must have a stream (`tableStreamArn`). */
  readonly table: dynamodb.ITable;
  /** The publisher function: its role reads the stream. */
  readonly publisher: lambda.Function;
  /** What the stream invokes: the publisher's `live` alias (LiveAlias), never the unqualified function. */
  readonly publisherAlias: lambda.IFunction;
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

/**
 * Feeds the outbox publisher from the products table's stream: the second half of the transactional outbox.
 * The state change and its outbox item commit in one transaction; this mapping turns each new outbox item into
 * one invocation record, and the publisher puts it on the bus.
 */
export class OutboxStream extends Construct {
  readonly mapping: lambda.EventSourceMapping;
  /** Records of batches the publisher gave up on (their stream coordinates, not their content). */
  readonly failures: AlarmedDeadLetterQueue;

  constructor(scope: Construct, id: string, props: OutboxStreamProps) {
    super(scope, id);
    const streamArn = props.table.tableStreamArn;
    if (streamArn === undefined) throw new TableStreamRequiredError(props.table.node.path);
    this.failures = new AlarmedDeadLetterQueue(this, 'Failures', {
      alarmDescription:
        'The outbox publisher gave up on stream records: events were not published. Republish them from the ' +
        'OUTBOX# items of the products table (kept a day) using the shard and sequence numbers in the message.',
      alarmActions: props.alarmActions,
    });
    props.table.grantStream(props.publisher, ...STREAM_READ_ACTIONS);
    this.mapping = props.publisherAlias.addEventSourceMapping('OutboxStreamMapping', {
      eventSourceArn: streamArn,
      // TRIM_HORIZON: when the mapping is first created (or re-created), publish every outbox item still in the
      // stream instead of skipping those written before it existed. Consumers are idempotent, so a replayed
      // event is harmless; a skipped one would be lost.
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      filters: [lambda.FilterCriteria.filter(OUTBOX_FILTER_PATTERN)],
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      // One poller per shard keeps events of one item in commit order.
      parallelizationFactor: 1,
      onFailure: new SqsDlq(this.failures.queue),
      ...OUTBOX_STREAM_SETTINGS,
    });
  }
}
