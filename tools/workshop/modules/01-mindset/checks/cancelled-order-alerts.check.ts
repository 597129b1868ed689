import { OrderCancelled } from '@shop/events';
import * as events from 'aws-cdk-lib/aws-events';
import type { Template } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  catalogEventsMatching,
  deliveredInput,
  exported,
  importExercise,
  patternMatches,
  resourcesOf,
  sampleEvent,
  synthesize,
} from '../../../src/check-kit';

type CancelledOrderAlertsClass = new (scope: Construct, id: string, props: { bus: events.IEventBus }) => Construct;
type Rule = { Properties: { EventPattern?: unknown; EventBusName?: unknown; Targets?: Target[] } };
type Target = { Id: string; Arn: unknown; InputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string } };

const FILE = 'infra/src/platform/cancelled-order-alerts.ts';

let template: Template | undefined;
let busId = '';

/** The construct, synthesized once in a test stack beside a bus of its own; every check starts from it. */
async function synthesized(): Promise<Template> {
  const module = await importExercise<Record<string, unknown>>(FILE, `Create ${FILE} (step 1): there is no such file yet`);
  const Alerts = exported<CancelledOrderAlertsClass>(module, 'CancelledOrderAlerts', `Export a class CancelledOrderAlerts from ${FILE} (step 1)`);
  template ??= synthesize((stack) => {
    const bus = new events.EventBus(stack, 'ShopBus');
    busId = stack.getLogicalId(bus.node.defaultChild as events.CfnEventBus);
    new Alerts(stack, 'CancelledOrderAlerts', { bus });
  });
  return template;
}

async function theRule(): Promise<Rule> {
  const rules = resourcesOf(await synthesized(), 'AWS::Events::Rule') as unknown as [string, Rule][];
  expect(rules.length, 'CancelledOrderAlerts adds no EventBridge rule yet: add one on props.bus (step 2)').toBeGreaterThan(0);
  expect(rules.length, 'CancelledOrderAlerts adds more than one rule: one rule is enough for one event (step 2)').toBe(1);
  return (rules[0] as [string, Rule])[1];
}

describe('cancelled-order alerts, with configuration and no code', () => {
  beforeAll(async () => {
    await synthesized().catch(() => undefined);
  });

  it('puts its rule on the shop bus it is given', async () => {
    const rule = await theRule();

    expect(rule.Properties.EventBusName, 'The rule is not on the bus passed in props: set eventBus: props.bus (step 2)').toEqual({ Ref: busId });
  });

  it('matches the catalog sample of Order.OrderCancelled', async () => {
    const rule = await theRule();

    expect(
      patternMatches(rule.Properties.EventPattern, sampleEvent(OrderCancelled)),
      'The rule does not match an Order.OrderCancelled event from shop.orders: use rulePattern(OrderCancelled) from @shop/events (step 2)',
    ).toBe(true);
  });

  it('matches no other event of the catalog', async () => {
    const rule = await theRule();

    expect(
      catalogEventsMatching(rule.Properties.EventPattern),
      'The rule also matches other events: narrow its pattern to source shop.orders and detail-type Order.OrderCancelled (step 2)',
    ).toEqual([OrderCancelled.key]);
  });

  it('sends an SNS topic a sentence naming the order and the reason, through an input transformer', async () => {
    const rule = await theRule();
    const topics = resourcesOf(await synthesized(), 'AWS::SNS::Topic');
    const target = rule.Properties.Targets?.[0];

    expect(topics.length, 'There is no SNS topic yet: add one to CancelledOrderAlerts (step 3)').toBe(1);
    expect(target?.Arn, "The rule's target is not the topic: add targets.SnsTopic(topic, { message }) (step 3)").toEqual({ Ref: topics[0]?.[0] });
    expect(target?.InputTransformer, 'The topic gets the whole event: give the target a message built with events.RuleTargetInput.fromText and events.EventField (step 3)').toBeDefined();
    const message = deliveredInput(target as Target, sampleEvent(OrderCancelled));
    expect(message, "The message does not name the order: put EventField.fromPath('$.detail.data.orderId') in it (step 3)").toContain(OrderCancelled.sample.orderId);
    expect(message, "The message does not say why: put EventField.fromPath('$.detail.data.reason') in it (step 3)").toContain(OrderCancelled.sample.reason);
  });

  it('accepts only TLS connections to the topic', async () => {
    const policies = resourcesOf(await synthesized(), 'AWS::SNS::TopicPolicy');

    expect(
      JSON.stringify(policies.map(([, policy]) => policy.Properties)),
      'The topic accepts plain HTTP: create it with enforceSSL: true (step 3; cdk-nag rule AwsSolutions-SNS3)',
    ).toContain('aws:SecureTransport');
  });

  it('runs no code: no Lambda function', async () => {
    const functions = resourcesOf(await synthesized(), 'AWS::Lambda::Function');

    expect(functions.map(([id]) => id), 'CancelledOrderAlerts adds a Lambda function: EventBridge and SNS do this without code (step 4)').toEqual([]);
  });
});
