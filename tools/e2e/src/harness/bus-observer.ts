import { randomUUID } from 'node:crypto';
import {
  DeleteRuleCommand,
  type EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { putEntries } from './put-events';
import { DeadlineExceededError } from './poll';
import type { ShopTarget } from './target';

/** An event as a rule's SQS target receives it: EventBridge's envelope around the shop's `{ metadata, data }`. */
export interface BusEvent<D = Record<string, unknown>> {
  readonly id: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly time: string;
  readonly detail: { readonly metadata: Record<string, unknown>; readonly data: D };
  /** When this observer received it (epoch ms). */
  readonly receivedAt: number;
}

export interface ObserverClients {
  readonly events: EventBridgeClient;
  readonly sqs: SQSClient;
}

/** A message on the observer's queue is not an EventBridge event: the rule's target is misconfigured. */
export class UnexpectedMessageError extends Error {
  override readonly name = 'UnexpectedMessageError';
  readonly code = 'E2E.UNEXPECTED_MESSAGE';
}

const PROBE_DETAIL_TYPE = 'E2e.ObserverProbed';

/**
 * Watches the shop's bus the way a new consumer would: a temporary rule with `pattern` sends matching events to
 * a temporary SQS queue, which the test reads. `stop()` deletes both. Against AWS a new rule takes a moment to
 * apply, so `start` waits until a probe event it puts (source `shop.orders`, detail-type `E2e.ObserverProbed`,
 * which no shop rule matches) has come through the rule.
 *
 * @example
 * const observer = await BusObserver.start(clients, target, { source: ['shop.products'] });
 * const [updated] = await observer.waitFor((e) => e['detail-type'] === 'Product.ProductInfoUpdated', 1, 30_000);
 * await observer.stop();
 */
export class BusObserver {
  /** Every event received so far (probes left out), oldest first. */
  readonly received: BusEvent[] = [];

  private constructor(
    private readonly clients: ObserverClients,
    private readonly target: ShopTarget,
    private readonly ruleName: string,
    private readonly queueUrl: string,
  ) {}

  static async start(
    clients: ObserverClients,
    target: ShopTarget,
    pattern: Record<string, unknown>,
  ): Promise<BusObserver> {
    const name = `shop-e2e-${randomUUID().slice(0, 18)}`;
    const { QueueUrl } = await clients.sqs.send(new CreateQueueCommand({ QueueName: name }));
    const observer = new BusObserver(clients, target, name, QueueUrl ?? '');
    try {
      await observer.subscribe(pattern);
      await observer.probe();
    } catch (err) {
      await observer.stop();
      throw err;
    }
    return observer;
  }

  /**
   * Receives until `done(received)` holds, then returns everything received so far.
   *
   * @throws DeadlineExceededError after `timeoutMs`, listing what arrived.
   */
  async waitUntil(
    done: (received: readonly BusEvent[]) => boolean,
    what: string,
    timeoutMs: number,
  ): Promise<BusEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.received)) {
      if (Date.now() >= deadline) {
        const types = this.received.map((event) => event['detail-type']).join(', ');
        throw new DeadlineExceededError(
          `Gave up after ${timeoutMs} ms waiting for ${what} (received ${this.received.length}: ${types || 'none'})`,
        );
      }
      await this.receive();
    }
    return [...this.received];
  }

  /** Receives until `count` received events satisfy `match`, and returns those. */
  async waitFor(match: (event: BusEvent) => boolean, count: number, timeoutMs: number): Promise<BusEvent[]> {
    await this.waitUntil((received) => received.filter(match).length >= count, `${count} matching events`, timeoutMs);
    return this.received.filter(match);
  }

  async stop(): Promise<void> {
    const { events, sqs } = this.clients;
    const rule = { EventBusName: this.target.eventBusName };
    await events
      .send(new RemoveTargetsCommand({ ...rule, Rule: this.ruleName, Ids: ['queue'] }))
      .catch(() => undefined);
    await events.send(new DeleteRuleCommand({ ...rule, Name: this.ruleName })).catch(() => undefined);
    if (this.queueUrl) await sqs.send(new DeleteQueueCommand({ QueueUrl: this.queueUrl }));
  }

  private async subscribe(pattern: Record<string, unknown>): Promise<void> {
    const { events, sqs } = this.clients;
    const probe = {
      source: ['shop.orders'],
      'detail-type': [PROBE_DETAIL_TYPE],
      detail: { observer: [this.ruleName] },
    };
    const EventBusName = this.target.eventBusName;
    const { RuleArn } = await events.send(
      new PutRuleCommand({
        Name: this.ruleName,
        EventBusName,
        EventPattern: JSON.stringify({ $or: [pattern, probe] }),
        Description: 'shop e2e observer',
      }),
    );
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: this.queueUrl, AttributeNames: ['QueueArn'] }),
    );
    const queueArn = Attributes?.QueueArn ?? '';
    // In AWS, EventBridge may send to the queue only if its policy allows this rule.
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: queueArn,
          Condition: { ArnEquals: { 'aws:SourceArn': RuleArn } },
        },
      ],
    });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: this.queueUrl, Attributes: { Policy } }));
    await events.send(
      new PutTargetsCommand({ Rule: this.ruleName, EventBusName, Targets: [{ Id: 'queue', Arn: queueArn }] }),
    );
  }

  private async probe(): Promise<void> {
    const entry = {
      Source: 'shop.orders',
      DetailType: PROBE_DETAIL_TYPE,
      Detail: JSON.stringify({ observer: this.ruleName }),
      EventBusName: this.target.eventBusName,
    };
    const deadline = Date.now() + 60_000;
    let probed = false;
    // Re-sent now and then: in AWS, events put before the new rule applies are not matched by it.
    for (let attempt = 0; !probed; attempt++) {
      if (Date.now() >= deadline)
        throw new DeadlineExceededError(`The observer rule ${this.ruleName} delivered no probe within 60 s`);
      if (attempt % 5 === 0) await putEntries(this.clients.events, [entry]);
      probed = (await this.receive()).some((event) => event['detail-type'] === PROBE_DETAIL_TYPE);
    }
  }

  private async receive(): Promise<BusEvent[]> {
    const { Messages = [] } = await this.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) return [];
    const receivedAt = Date.now();
    const events = Messages.map((message) => toBusEvent(message.Body ?? '', receivedAt));
    const entries = Messages.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle ?? '' }));
    await this.clients.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
    this.received.push(...events.filter((event) => event['detail-type'] !== PROBE_DETAIL_TYPE));
    return events;
  }
}

function toBusEvent(body: string, receivedAt: number): BusEvent {
  const event = JSON.parse(body) as Omit<BusEvent, 'receivedAt'>;
  if (typeof event['detail-type'] !== 'string' || typeof event.detail !== 'object') {
    throw new UnexpectedMessageError(`Not an EventBridge event: ${body.slice(0, 200)}`);
  }
  return { ...event, receivedAt };
}
