import { ServiceFunction } from '@shop/cdk-constructs';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStageConfig } from './config';
import { ShopStage } from './shop-stage';
import { testApp } from './testing/test-app';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Watched = { metric: string; dimensions: Record<string, unknown> };

/** Every metric an alarm watches: its own, or each of its math expression's. */
function watchedBy(alarm: Resource): Watched[] {
  const p = alarm.Properties as {
    MetricName?: string;
    Dimensions?: { Name: string; Value: unknown }[];
    Metrics?: { MetricStat?: { Metric: { MetricName: string; Dimensions?: { Name: string; Value: unknown }[] } } }[];
  };
  const of = (metric: string, dimensions: { Name: string; Value: unknown }[] = []) => ({
    metric,
    dimensions: Object.fromEntries(dimensions.map((d) => [d.Name, d.Value])),
  });
  if (p.MetricName) return [of(p.MetricName, p.Dimensions)];
  return (p.Metrics ?? []).flatMap((m) =>
    m.MetricStat ? [of(m.MetricStat.Metric.MetricName, m.MetricStat.Metric.Dimensions)] : [],
  );
}

function alarmsOf(stack: Stack): Watched[] {
  return Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).flatMap((a) =>
    watchedBy(a as Resource),
  );
}

const ref = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  ({ Ref: stack.getLogicalId(construct.node.defaultChild as never) }) as const;

/** The dead-letter queues of a template: redrive targets, rule targets' DLQs and stream mappings' on-failure queues. */
function deadLetterQueueIds(template: Template): string[] {
  const arnIds = (value: unknown) =>
    [...JSON.stringify(value ?? null).matchAll(/"Fn::GetAtt":\["(\w+)","Arn"\]/g)].map((m) => m[1] as string);
  const queues = Object.values(template.findResources('AWS::SQS::Queue')).flatMap((q) =>
    arnIds(q.Properties?.RedrivePolicy?.deadLetterTargetArn),
  );
  const rules = Object.values(template.findResources('AWS::Events::Rule')).flatMap((r) =>
    (r.Properties.Targets as { DeadLetterConfig?: unknown }[]).flatMap((t) => arnIds(t.DeadLetterConfig)),
  );
  const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).flatMap((m) =>
    arnIds(m.Properties.DestinationConfig),
  );
  return [...new Set([...queues, ...rules, ...mappings])];
}

describe("the stage's alarms", () => {
  let stage: ShopStage;
  beforeAll(() => {
    const app = testApp({ stage: 'dev' });
    const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
    stage = new ShopStage(app, 'ShopDev', { config });
  });

  it("alarm on every service function's errors and throttles", () => {
    const functions = [stage.stateful, stage.stateless, stage.invoices, stage.users].flatMap((stack) =>
      stack.node
        .findAll()
        .filter((c): c is ServiceFunction => c instanceof ServiceFunction)
        // A canary release's pre-traffic hook runs only during a deployment, which fails and rolls back if it does.
        .filter((fn) => fn.node.id !== 'PreTrafficHook'),
    );

    const unwatched = functions.flatMap((fn: lambda.Function) => {
      const stack = Stack.of(fn);
      const watched = alarmsOf(stack).filter(
        (w) => JSON.stringify(w.dimensions.FunctionName) === JSON.stringify(ref(stack, fn)),
      );
      return ['Errors', 'Throttles']
        .filter((metric) => !watched.some((w) => w.metric === metric))
        .map((metric) => `${fn.node.path} ${metric}`);
    });

    expect(functions.length).toBeGreaterThan(20);
    expect(unwatched).toEqual([]);
  });

  it('alarm on every dead-letter queue holding a message', () => {
    const unwatchedIn = (stack: Stack) => {
      const watched = alarmsOf(stack)
        .filter((w) => w.metric === 'ApproximateNumberOfMessagesVisible')
        .map((w) => JSON.stringify(w.dimensions.QueueName));
      return deadLetterQueueIds(Template.fromStack(stack)).filter(
        (id) => !watched.includes(JSON.stringify({ 'Fn::GetAtt': [id, 'QueueName'] })),
      );
    };
    const stacks = [stage.stateless, stage.invoices, stage.users];

    const dlqs = stacks.flatMap((stack) => deadLetterQueueIds(Template.fromStack(stack)));

    expect(dlqs.length).toBeGreaterThan(10);
    expect(stacks.flatMap(unwatchedIn)).toEqual([]);
  });

  it('alarm on failed and timed-out checkout executions, and on a timed-out intake', () => {
    const { checkout, intake } = stage.stateless.orders;
    const arnOf = (machine: typeof checkout.stateMachine) => JSON.stringify(ref(stage.stateless, machine));

    const watched = alarmsOf(stage.stateless).map((w) => `${w.metric} ${JSON.stringify(w.dimensions.StateMachineArn)}`);

    expect(watched).toEqual(
      expect.arrayContaining([
        `ExecutionsFailed ${arnOf(checkout.stateMachine)}`,
        `ExecutionsTimedOut ${arnOf(checkout.stateMachine)}`,
        `ExecutionsTimedOut ${arnOf(intake.stateMachine)}`,
      ]),
    );
  });
});
