import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import type { RetryTiming } from './deliver';
import { EventBridgeEngine } from './engine';
import { RecordingEventSender, RecordingExecutions, RecordingLambda, RecordingQueues } from './recording-ports';
import type { EventBridgeActivity, Target } from './types';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:invoices`;
const QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT}:orders`;
const NO_WAIT: RetryTiming = { delayMs: () => 0, sleep: async () => undefined };
const confirmed = { Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: JSON.stringify({ data: { total: 5000 } }) };

let lambda: RecordingLambda;
let queues: RecordingQueues;
let engine: EventBridgeEngine;
let activity: EventBridgeActivity[];

beforeEach(() => {
  lambda = new RecordingLambda();
  queues = new RecordingQueues();
  engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { lambda, sqs: queues }, retry: NO_WAIT });
  activity = [];
  engine.subscribe((a) => activity.push(a));
});

function ruleWithTarget(target: Partial<Target> & { Arn: string }, pattern: unknown = { source: ['shop.orders'] }, bus?: string) {
  engine.buses.putRule({ name: 'on-confirmed', eventBusName: bus, eventPattern: JSON.stringify(pattern) });
  engine.buses.putTargets(bus, 'on-confirmed', [{ Id: 't1', ...target }]);
}

describe('EventBridgeEngine routing', () => {
  it('invokes a Lambda target asynchronously with the full event', async () => {
    ruleWithTarget({ Arn: FUNCTION });

    const result = engine.putEvents([{ ...confirmed, Resources: ['arn:aws:dynamodb:x'] }]);
    await engine.settled();

    expect(result.FailedEntryCount).toBe(0);
    expect(lambda.asyncInvocations).toEqual([
      {
        functionArn: FUNCTION,
        payload: {
          version: '0',
          id: (result.Entries[0] as { EventId: string }).EventId,
          'detail-type': 'Order.OrderConfirmed',
          source: 'shop.orders',
          account: ACCOUNT,
          time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          region: REGION,
          resources: ['arn:aws:dynamodb:x'],
          detail: { data: { total: 5000 } },
        },
      },
    ]);
  });

  it('leaves targets of rules that do not match untouched', async () => {
    ruleWithTarget({ Arn: FUNCTION }, { source: ['shop.products'] });

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(lambda.asyncInvocations).toEqual([]);
  });

  it('skips disabled rules', async () => {
    ruleWithTarget({ Arn: FUNCTION });
    engine.buses.setRuleState(undefined, 'on-confirmed', 'DISABLED');

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(lambda.asyncInvocations).toEqual([]);
  });

  it('sends to an SQS target with the rule\'s message group', async () => {
    ruleWithTarget({ Arn: `${QUEUE}.fifo`, SqsParameters: { MessageGroupId: 'orders' } });

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(queues.messages).toEqual([{ queueArn: `${QUEUE}.fifo`, body: expect.stringContaining('"source":"shop.orders"'), messageGroupId: 'orders' }]);
  });

  it('starts a Step Functions execution with the event as input', async () => {
    const executions = new RecordingExecutions();
    engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { stepFunctions: executions }, retry: NO_WAIT });
    const machine = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:checkout`;
    ruleWithTarget({ Arn: machine, InputPath: '$.detail' });

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(executions.executions).toEqual([{ stateMachineArn: machine, input: '{"data":{"total":5000}}' }]);
  });

  it('forwards to another of its own buses, whose rules then route the event', async () => {
    const shop = engine.buses.createBus('shop');
    ruleWithTarget({ Arn: shop.arn });
    engine.buses.putRule({ name: 'on-shop', eventBusName: 'shop', eventPattern: '{"detail-type": ["Order.OrderConfirmed"]}' });
    engine.buses.putTargets('shop', 'on-shop', [{ Id: 'q', Arn: QUEUE }]);

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(queues.bodiesOf(QUEUE)).toEqual([expect.objectContaining({ source: 'shop.orders', detail: { data: { total: 5000 } } })]);
  });

  it('forwards to a bus through the EventSender port when one is connected', async () => {
    const sender = new RecordingEventSender();
    engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { events: sender }, retry: NO_WAIT });
    const otherAccountBus = `arn:aws:events:${REGION}:210987654321:event-bus/central`;
    ruleWithTarget({ Arn: otherAccountBus });

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(sender.puts).toEqual([
      { eventBusArn: otherAccountBus, entries: [expect.objectContaining({ Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: '{"data":{"total":5000}}' })] },
    ]);
  });

  it('reports each event with its matched rules and each delivery to listeners', async () => {
    ruleWithTarget({ Arn: FUNCTION });

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(activity).toEqual([
      expect.objectContaining({ type: 'event', eventBusName: 'default', matchedRules: ['on-confirmed'] }),
      expect.objectContaining({ type: 'delivery', ruleName: 'on-confirmed', targetId: 't1', status: 'delivered', attempt: 1 }),
    ]);
  });

  it('keeps delivering when a listener throws', async () => {
    ruleWithTarget({ Arn: FUNCTION });
    engine.subscribe(() => {
      throw new Error('console bug');
    });

    engine.putEvents([confirmed]);
    await engine.settled();

    expect(lambda.asyncInvocations).toHaveLength(1);
  });
});

describe('EventBridgeEngine.putEvents', () => {
  it('refuses entries without Source, DetailType or Detail, or with a Detail that is not an object', () => {
    const result = engine.putEvents([
      { DetailType: 'x', Detail: '{}' },
      { Source: 's', Detail: '{}' },
      { Source: 's', DetailType: 'x' },
      { Source: 's', DetailType: 'x', Detail: '[1]' },
      confirmed,
    ]);

    expect(result.FailedEntryCount).toBe(4);
    expect(result.Entries.slice(0, 4)).toEqual([
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
    ]);
    expect(result.Entries[4]).toEqual({ EventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('refuses an entry for a bus that does not exist', () => {
    const result = engine.putEvents([{ ...confirmed, EventBusName: 'nope' }]);

    expect(result.Entries).toEqual([{ ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus nope does not exist.' }]);
  });

  it('refuses an aws. source from a caller of the API, as AWS keeps those for its services', () => {
    const result = engine.putEvents([{ ...confirmed, Source: 'aws.s3' }, confirmed]);

    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries[0]).toEqual({ ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' });
  });

  it('routes an aws. source that an AWS service puts through the events port', async () => {
    ruleWithTarget({ Arn: QUEUE }, { source: ['aws.s3'], 'detail-type': ['Object Created'] });

    await engine.eventSender().putEvents(`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`, [
      { Source: 'aws.s3', DetailType: 'Object Created', Detail: JSON.stringify({ bucket: { name: 'invoices' } }) },
    ]);
    await engine.settled();

    expect(queues.bodiesOf(QUEUE)).toEqual([expect.objectContaining({ source: 'aws.s3', detail: { bucket: { name: 'invoices' } } })]);
  });

  it('refuses more than ten entries', () => {
    const put = () => engine.putEvents(Array.from({ length: 11 }, () => confirmed));

    expect(put).toThrow(ValidationError);
  });

  it('refuses entries over 256 KB in total', () => {
    const big = { ...confirmed, Detail: JSON.stringify({ blob: 'x'.repeat(140 * 1024) }) };

    const put = () => engine.putEvents([big, big]);

    expect(put).toThrow('Total size of the entries in the request is over the limit.');
  });

  it('keeps the time the entry gives, at second precision', async () => {
    ruleWithTarget({ Arn: FUNCTION });

    engine.putEvents([{ ...confirmed, Time: Date.UTC(2024, 0, 2, 3, 4, 5, 678) / 1000 }]);
    await engine.settled();

    expect(lambda.asyncInvocations[0]?.payload).toMatchObject({ time: '2024-01-02T03:04:05Z' });
  });
});
