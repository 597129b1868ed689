import { OrderConfirmed } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { catalogEventsMatching, patternMatches, resourcesOf, sampleEvent } from '../../../src/check-kit';
import { loyaltyStack } from './loyalty-stack';

type Target = { Arn?: { 'Fn::GetAtt'?: [string, string] }; DeadLetterConfig?: unknown };
type RuleProps = { EventBusName?: unknown; EventPattern?: unknown; Targets?: Target[] };

async function theRule() {
  const { template, busId } = await loyaltyStack();
  const rules = resourcesOf(template, 'AWS::Events::Rule');
  expect(rules.length, 'No rule on the shop bus listens for Order.OrderConfirmed yet: add one in services/loyalty/infra (step 5)').toBeGreaterThan(0);
  expect(rules.length, 'LoyaltyService adds more than one rule: it needs one, for Order.OrderConfirmed (step 5)').toBe(1);
  return { props: rules[0]?.[1].Properties as RuleProps, template, busId };
}

describe('the loyalty service subscribes to confirmed orders', () => {
  it('owns a rule on the shop bus', async () => {
    const { props, busId } = await theRule();

    expect(props.EventBusName, 'The rule is not on the shop bus passed in props: set eventBus: props.bus (step 5)').toEqual({ Ref: busId });
  });

  it('matches Order.OrderConfirmed and no other event of the catalog', async () => {
    const { props } = await theRule();

    expect(
      catalogEventsMatching(props.EventPattern),
      "The rule's pattern must match Order.OrderConfirmed (version 1) and nothing else: build it with rulePattern(OrderConfirmed) from @shop/events (step 5)",
    ).toEqual([OrderConfirmed.key]);
  });

  it('matches Order.OrderConfirmed only from the orders service', async () => {
    const { props } = await theRule();
    const impostor = { ...sampleEvent(OrderConfirmed), source: 'shop.invoices' };

    expect(
      patternMatches(props.EventPattern, impostor),
      "The rule matches Order.OrderConfirmed from any source: match source 'shop.orders' too, only orders may state this fact (step 5)",
    ).toBe(false);
  });

  it('delivers to its own queue, with a DLQ for what EventBridge cannot deliver', async () => {
    const { props, template } = await theRule();
    const queueId = props.Targets?.[0]?.Arn?.['Fn::GetAtt']?.[0];
    const queue = resourcesOf(template, 'AWS::SQS::Queue').find(([id]) => id === queueId)?.[1];

    expect(queue, "The rule's target is not an SQS queue of the service: target its own queue with targets.SqsQueue (step 5)").toBeDefined();
    expect(queue?.Properties.RedrivePolicy, 'The queue has no dead-letter queue: use QueueWithDlq from @shop/cdk-constructs (step 5)').toBeDefined();
    expect(props.Targets?.[0]?.DeadLetterConfig, 'The rule target has no DLQ: pass deadLetterQueue to targets.SqsQueue (step 5)').toBeDefined();
  });

  it('reads the queue in batches, reporting each failed message on its own', async () => {
    const { props, template } = await theRule();
    const queueId = props.Targets?.[0]?.Arn?.['Fn::GetAtt']?.[0];
    const mapping = resourcesOf(template, 'AWS::Lambda::EventSourceMapping').find(
      ([, m]) => (m.Properties.EventSourceArn as { 'Fn::GetAtt'?: string[] })?.['Fn::GetAtt']?.[0] === queueId,
    );

    expect(mapping, 'No function reads the queue: add an SqsEventSource to the consumer (step 5)').toBeDefined();
    expect(
      mapping?.[1].Properties.FunctionResponseTypes,
      'Turn on reportBatchItemFailures in the SqsEventSource, or one bad message makes SQS retry its whole batch (step 5)',
    ).toEqual(['ReportBatchItemFailures']);
  });
});
