import { OrderCancelled, OrderPlaced } from '@shop/events';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import { OrderEventInbox, type OrderEventInboxProps } from './order-event-inbox';
import { inlineFunction, liveAliasOf } from './testing/inline-function';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { actionsOf, logicalIdOf } from './testing/template-queries';

function synth(props: Partial<Pick<OrderEventInboxProps, 'event' | 'maxConcurrency'>> = {}) {
  const stack = new Stack(new App(), 'TestStack');
  const bus = new events.EventBus(stack, 'EventBus');
  const consumer = inlineFunction(stack, 'OrderPlacedFunction');
  const consumerAlias = liveAliasOf(consumer);
  const inbox = new OrderEventInbox(stack, 'OrderPlacedInbox', {
    bus,
    consumer,
    consumerAlias,
    event: OrderPlaced,
    ...props,
  });
  const template = Template.fromStack(stack);
  return {
    stack,
    bus,
    consumer,
    consumerAlias,
    inbox,
    template,
    resource: (id: string) => template.toJSON().Resources[id],
  };
}

describe('OrderEventInbox', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('matches the event’s source, detail-type and version on the given bus', () => {
    const { inbox, bus, resource } = synth({ event: OrderCancelled });

    expect(resource(logicalIdOf(inbox.rule)).Properties).toMatchObject({
      EventBusName: { Ref: logicalIdOf(bus) },
      EventPattern: {
        source: ['shop.orders'],
        'detail-type': ['Order.OrderCancelled'],
        detail: { metadata: { event_version: ['1'] } },
      },
    });
  });

  it('lets only this rule send to the inbox queue', () => {
    const { inbox, template } = synth();

    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalIdOf(inbox.inbox.queue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
            Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [logicalIdOf(inbox.rule), 'Arn'] } } },
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('sizes the inbox visibility timeout from the consumer timeout', () => {
    const { inbox, resource } = synth();

    expect(resource(logicalIdOf(inbox.inbox.queue)).Properties.VisibilityTimeout).toBe(60);
  });

  it('has the queue invoke the consumer’s live alias, not the unqualified function', () => {
    const { template, consumerAlias, stack } = synth();

    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: stack.resolve(consumerAlias.functionName),
    });
  });

  it('leaves the consumer’s concurrency unbounded unless asked', () => {
    const { template } = synth();

    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 10 });
    expect(
      Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))[0]?.Properties.ScalingConfig,
    ).toBeUndefined();
  });

  it('lets the consumer receive and delete from its queue only', () => {
    const { template, consumer } = synth({ maxConcurrency: 3 });

    expect(actionsOf(template, consumer)).toEqual([
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
    ]);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 3 } });
  });
});
