import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmedDeadLetterQueueProps {
  /** What landed here and what to do about it: the alarm's description. */
  readonly alarmDescription: string;
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

/**
 * A stand-alone dead-letter queue (for an EventBridge target or a stream's on-failure destination, where
 * QueueWithDlq's source queue has no place), with the same settings as QueueWithDlq's DLQ: SQS-managed
 * encryption, TLS only, 14 days of retention and an alarm on the first visible message.
 */
export class AlarmedDeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: AlarmedDeadLetterQueueProps) {
    super(scope, id);
    // SSE-SQS rather than KMS: EventBridge can deliver to it without a key policy, and so can Lambda.
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue.node.defaultChild as sqs.CfnQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue (of an event target or a stream mapping); it needs none.',
    });
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      alarmDescription: props.alarmDescription,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // An idle empty queue stops reporting; a queue holding messages does not, so missing data means empty.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.alarm.addAlarmAction(...(props.alarmActions ?? []));
  }
}
