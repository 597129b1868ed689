import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { productsStage } from './testing/products-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof productsStage> & { template: Template };

describe('ProductsService event wiring', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    const stage = productsStage({ seedCatalog: false });
    s = { ...stage, template: Template.fromStack(stage.stateless) };
  }, SYNTH_TIMEOUT_MS);

  it('subscribes one rule per order event, matching its source, detail-type and version 1', () => {
    const patterns = Object.values(s.template.findResources('AWS::Events::Rule')).map(
      (rule) => rule.Properties.EventPattern,
    );

    expect(patterns).toEqual(
      ['Order.OrderPlaced', 'Order.OrderCancelled', 'Order.OrderConfirmed'].map((detailType) => ({
        source: ['shop.orders'],
        'detail-type': [detailType],
        detail: { metadata: { event_version: ['1'] } },
      })),
    );
  });

  it('delivers each rule to its inbox queue unchanged, with its own DLQ and a retry policy', () => {
    for (const { rule, inbox, ruleDeadLetters } of Object.values(s.service.inboxes)) {
      const target = s.template.toJSON().Resources[logicalIdOf(rule)].Properties.Targets[0];

      expect(target).toEqual({
        Id: 'Target0',
        Arn: { 'Fn::GetAtt': [logicalIdOf(inbox.queue), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(ruleDeadLetters.queue), 'Arn'] } },
        RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
      });
    }
  });

  const aliasIdOf = (name: keyof Synth['service']['inboxes']) =>
    logicalIdOf(s.service.liveAliases.find((live) => live.alias.version.lambda === s.service.functions[name])?.alias);

  it('reads each inbox in batches of 10, reporting failed messages, reservations at most 5 at a time', () => {
    const mapping = (name: keyof Synth['service']['inboxes']) =>
      s.template.findResources('AWS::Lambda::EventSourceMapping', {
        Properties: {
          EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(s.service.inboxes[name].inbox.queue), 'Arn'] },
          // The consumer's live alias (`<function name>:live`), never the unqualified function.
          FunctionName: {
            'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: aliasIdOf(name) }] }] }, ':live']],
          },
        },
      });

    for (const name of ['orderPlaced', 'orderCancelled', 'orderConfirmed'] as const) {
      const [found] = Object.values(mapping(name));
      expect(found?.Properties).toMatchObject({ BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    }
    expect(Object.values(mapping('orderPlaced'))[0]?.Properties.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
  });

  it('gives every queue a dead-letter queue, and every dead-letter queue an alarm on its first message', () => {
    const queues = s.template.findResources('AWS::SQS::Queue');
    const sources = Object.values(queues).filter((queue) => queue.Properties.RedrivePolicy);
    const deadLetterQueueIds = Object.keys(queues).filter((id) => !queues[id]?.Properties.RedrivePolicy);

    expect(sources).toHaveLength(3);
    expect(deadLetterQueueIds).toHaveLength(7); // 3 inbox DLQs, 3 rule DLQs, the outbox failures queue
    for (const id of deadLetterQueueIds) {
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });
});
