import { QueueWithDlq } from '@shop/cdk-constructs';
import { type AnyEventDefinition, rulePattern } from '@shop/events';
import { Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { AlarmedDeadLetterQueue } from './dead-letter-queue';

/** Messages per invocation: Powertools' BatchProcessor reports each failed one, so a batch never fails whole. */
export const INBOX_BATCH_SIZE = 10;
/**
 * How long, and how often, EventBridge retries delivering to the queue before the event goes to the rule's DLQ.
 * The maxima: delivery to SQS only fails transiently (or on a policy mistake the DLQ alarm will show).
 */
export const RULE_TARGET_RETRY = { maxEventAge: Duration.hours(24), retryAttempts: 185 } as const;

export interface OrderEventInboxProps {
  readonly bus: events.IEventBus;
  /** The event contract this inbox receives (from @shop/events); the rule matches exactly its version. */
  readonly event: AnyEventDefinition;
  /** The consumer function: its timeout sizes the queue's visibility, its role gets the queue's grants. */
  readonly consumer: lambda.Function;
  /** What the queue invokes: the consumer's `live` alias (LiveAlias), never the unqualified function. */
  readonly consumerAlias: lambda.IFunction;
  /** Caps the concurrent invocations the queue drives (2 to 1000). @default - unbounded */
  readonly maxConcurrency?: number;
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

/**
 * Subscribes a consumer to one event on the bus: a rule (with its own DLQ and retry policy) puts the event,
 * unchanged, on a queue with a DLQ, from which Lambda reads batches and retries only the failed messages.
 */
export class OrderEventInbox extends Construct {
  readonly rule: events.Rule;
  readonly inbox: QueueWithDlq;
  /** Events EventBridge could not deliver to the queue. */
  readonly ruleDeadLetters: AlarmedDeadLetterQueue;

  constructor(scope: Construct, id: string, props: OrderEventInboxProps) {
    super(scope, id);
    const { event, consumer, alarmActions } = props;
    this.inbox = new QueueWithDlq(this, 'Inbox', { consumerTimeout: consumer.timeout ?? Duration.seconds(3) });
    this.inbox.deadLetterAlarm.addAlarmAction(...(alarmActions ?? []));
    this.ruleDeadLetters = new AlarmedDeadLetterQueue(this, 'RuleDeadLetters', {
      alarmDescription: `EventBridge could not deliver ${event.detailType} events to the products inbox queue.`,
      alarmActions,
    });
    const pattern = rulePattern(event);
    this.rule = new events.Rule(this, 'Rule', {
      eventBus: props.bus,
      description: `${event.key} to the products service`,
      eventPattern: { source: pattern.source, detailType: pattern['detail-type'], detail: pattern.detail },
      // No input transformer: the message body is the EventBridge event, as the handler parses it.
      targets: [
        new targets.SqsQueue(this.inbox.queue, { deadLetterQueue: this.ruleDeadLetters.queue, ...RULE_TARGET_RETRY }),
      ],
    });
    props.consumerAlias.addEventSource(
      new SqsEventSource(this.inbox.queue, {
        batchSize: INBOX_BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: props.maxConcurrency,
      }),
    );
  }
}
