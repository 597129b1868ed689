import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { VisibilityTimeoutTooLongError } from './errors';

/** AWS recommends a source queue's visibility timeout of at least six times the consuming function's timeout. */
export const VISIBILITY_TIMEOUT_FACTOR = 6;
export const DEFAULT_MAX_RECEIVE_COUNT = 5;
const MAX_VISIBILITY_TIMEOUT_SECONDS = 12 * 60 * 60;

export interface QueueWithDlqProps {
  /** Timeout of the Lambda function that consumes the queue (`fn.timeout`). */
  readonly consumerTimeout: Duration;
  /** The event source mapping's batching window, if any: messages wait that long before the function runs. */
  readonly maxBatchingWindow?: Duration;
  /** Receives before a message moves to the DLQ. @default 5 */
  readonly maxReceiveCount?: number;
}

/**
 * Derives the visibility timeout from the consumer: 6x its timeout, so Lambda can retry a throttled batch
 * before the message reappears, plus the batching window during which received messages wait.
 *
 * @example
 * visibilityTimeoutFor(Duration.seconds(10)); // Duration.seconds(60)
 */
export function visibilityTimeoutFor(consumerTimeout: Duration, maxBatchingWindow?: Duration): Duration {
  const seconds = VISIBILITY_TIMEOUT_FACTOR * consumerTimeout.toSeconds() + (maxBatchingWindow?.toSeconds() ?? 0);
  if (seconds > MAX_VISIBILITY_TIMEOUT_SECONDS) throw new VisibilityTimeoutTooLongError(seconds);
  return Duration.seconds(seconds);
}

/**
 * An SQS queue for a Lambda consumer, with its dead-letter queue and an alarm that fires as soon as a message
 * lands there. Both queues use SQS-managed encryption and refuse requests without TLS.
 *
 * @example
 * const inbox = new QueueWithDlq(this, 'OrderConfirmedQueue', { consumerTimeout: fn.timeout! });
 * fn.addEventSource(new SqsEventSource(inbox.queue, { reportBatchItemFailures: true }));
 */
export class QueueWithDlq extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  /** In alarm while the DLQ holds any visible message: each one is a message the consumer gave up on. */
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: QueueWithDlqProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // A message keeps its original enqueue time when it moves to a (standard) DLQ, so the DLQ must keep
      // messages longer than the source queue does; 14 days, the maximum, leaves time to redrive.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue.node.defaultChild as sqs.CfnQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of its sibling queue; a DLQ needs no DLQ of its own.',
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: visibilityTimeoutFor(props.consumerTimeout, props.maxBatchingWindow),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: props.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT,
      },
    });
    this.deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription:
        'Messages are in the dead-letter queue: a consumer failed them repeatedly. Inspect, then redrive.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // SQS stops sending metrics for a queue that is empty and untouched for six hours; a queue holding
      // messages keeps reporting, so missing data means empty.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
