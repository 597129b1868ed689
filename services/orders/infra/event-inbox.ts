import { QueueWithDlq } from '@shop/cdk-constructs';
import { type AnyEventDefinition, rulePattern } from '@shop/events';
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Messages per invocation: the consumers (lambda-kit's makeSqsHandler) report each failed one on its own. */
export const INBOX_BATCH_SIZE = 10;
/**
 * How long, and how often, EventBridge retries delivering to the queue before the event goes to the rules'
 * DLQ: the maxima, since delivery to SQS only fails transiently (or on a policy mistake the DLQ alarm shows).
 */
export const RULE_TARGET_RETRY = { maxEventAge: Duration.hours(24), retryAttempts: 185 } as const;

export interface EventInboxProps {
  readonly bus: events.IEventBus;
  /** The contracts (from @shop/events) this consumer handles: one rule each, matching exactly its version. */
  readonly events: readonly AnyEventDefinition[];
  /** The consumer function: its timeout sizes the queue's visibility, its role gets the queue's grants. */
  readonly consumer: lambda.Function;
  /** What the queue invokes: the consumer's `live` alias (LiveAlias), never the unqualified function. */
  readonly consumerAlias: lambda.IFunction;
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

/**
 * Subscribes one consumer to some events on the bus: a rule per event puts the event, unchanged, on one queue
 * with a DLQ, which Lambda reads in batches, retrying only the failed messages. Events the rules cannot deliver
 * land in a second, alarmed, dead-letter queue.
 */
export class EventInbox extends Construct {
  readonly rules: events.Rule[];
  readonly inbox: QueueWithDlq;
  /** Events EventBridge could not deliver to the inbox queue. */
  readonly ruleDeadLetterQueue: sqs.Queue;
  readonly ruleDeadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EventInboxProps) {
    super(scope, id);
    const { consumer, alarmActions = [] } = props;
    this.inbox = new QueueWithDlq(this, 'Inbox', { consumerTimeout: consumer.timeout ?? Duration.seconds(3) });
    this.inbox.deadLetterAlarm.addAlarmAction(...alarmActions);
    this.ruleDeadLetterQueue = new sqs.Queue(this, 'RuleDeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.ruleDeadLetterQueue.node.defaultChild as sqs.CfnQueue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the inbox rules’ target; a DLQ needs no DLQ.',
    });
    this.ruleDeadLetterAlarm = this.deadLetterAlarm(props.events, alarmActions);
    this.rules = props.events.map((event) => this.rule(props.bus, event));
    props.consumerAlias.addEventSource(
      new SqsEventSource(this.inbox.queue, { batchSize: INBOX_BATCH_SIZE, reportBatchItemFailures: true }),
    );
  }

  private rule(bus: events.IEventBus, event: AnyEventDefinition): events.Rule {
    const pattern = rulePattern(event);
    const id = `${event.detailType.replace(/\W/g, '')}V${event.version}Rule`;
    return new events.Rule(this, id, {
      eventBus: bus,
      description: `${event.key} to the orders service`,
      eventPattern: { source: pattern.source, detailType: pattern['detail-type'], detail: pattern.detail },
      // No input transformer: the message body is the EventBridge event, as the handler parses it.
      targets: [
        new targets.SqsQueue(this.inbox.queue, { deadLetterQueue: this.ruleDeadLetterQueue, ...RULE_TARGET_RETRY }),
      ],
    });
  }

  private deadLetterAlarm(subscribed: readonly AnyEventDefinition[], alarmActions: cloudwatch.IAlarmAction[]) {
    const alarm = new cloudwatch.Alarm(this, 'RuleDeadLetterAlarm', {
      alarmDescription:
        `EventBridge could not deliver ${subscribed.map((e) => e.detailType).join(' / ')} events to the orders ` +
        'inbox queue. Check the queue policy, then send the messages on to the inbox queue.',
      metric: this.ruleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // An idle empty queue stops reporting; a queue holding messages does not, so missing data means empty.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(...alarmActions);
    return alarm;
  }
}
