import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoicesStage } from './testing/invoices-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof invoicesStage> & { template: Template };

describe('InvoicesService event wiring', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    const stage = invoicesStage();
    s = { ...stage, template: Template.fromStack(stage.stateless) };
  }, SYNTH_TIMEOUT_MS);

  it('subscribes one rule per order event, matching its source, detail-type and version 1', () => {
    const patterns = Object.values(s.template.findResources('AWS::Events::Rule')).map(
      (rule) => rule.Properties.EventPattern,
    );

    expect(patterns).toEqual(
      ['Order.OrderConfirmed', 'Order.OrderCancelled'].map((detailType) => ({
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

  const aliasIdOf = (name: 'orderConfirmed' | 'orderCancelled') =>
    logicalIdOf(s.service.liveAliases.find((live) => live.alias.version.lambda === s.service.functions[name])?.alias);

  it('reads each inbox in batches of 10, reporting failed messages, at most 5 functions at a time', () => {
    for (const name of ['orderConfirmed', 'orderCancelled'] as const) {
      const mappings = s.template.findResources('AWS::Lambda::EventSourceMapping', {
        Properties: {
          EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(s.service.inboxes[name].inbox.queue), 'Arn'] },
          FunctionName: {
            'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: aliasIdOf(name) }] }] }, ':live']],
          },
        },
      });

      expect(Object.values(mappings)[0]?.Properties).toMatchObject({
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 5 },
      });
    }
  });

  it('tells each consumer its own inbox DLQ, for poison messages', () => {
    for (const name of ['orderConfirmed', 'orderCancelled'] as const) {
      const fn = s.template.toJSON().Resources[logicalIdOf(s.service.functions[name])];

      expect(fn.Properties.Environment.Variables.DEAD_LETTER_QUEUE_URL).toEqual({
        Ref: logicalIdOf(s.service.inboxes[name].inbox.deadLetterQueue),
      });
    }
  });

  it('gives every queue a dead-letter queue, and every dead-letter queue an alarm on its first message', () => {
    const queues = s.template.findResources('AWS::SQS::Queue');
    const deadLetterQueueIds = Object.keys(queues).filter((id) => !queues[id]?.Properties.RedrivePolicy);

    expect(Object.values(queues).filter((queue) => queue.Properties.RedrivePolicy)).toHaveLength(2);
    expect(deadLetterQueueIds).toHaveLength(4); // 2 inbox DLQs, 2 rule DLQs
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
