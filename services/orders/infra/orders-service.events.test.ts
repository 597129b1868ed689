import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ordersStage } from './testing/orders-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof ordersStage> & { template: Template };

describe('OrdersService event wiring', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    const stage = ordersStage();
    s = { ...stage, template: Template.fromStack(stage.stateless) };
  }, SYNTH_TIMEOUT_MS);

  it('subscribes the catalog copy and the stock answers to products’ events, one rule per event and version', () => {
    const rulesOf = (inbox: keyof Synth['service']['inboxes']) =>
      s.service.inboxes[inbox].rules.map(
        (rule) => s.template.toJSON().Resources[logicalIdOf(rule)].Properties.EventPattern,
      );
    const pattern = (detailType: string) => ({
      source: ['shop.products'],
      'detail-type': [detailType],
      detail: { metadata: { event_version: ['1'] } },
    });

    expect(rulesOf('productChanged')).toEqual([
      pattern('Product.ProductCreated'),
      pattern('Product.ProductInfoUpdated'),
    ]);
    expect(rulesOf('stockAnswer')).toEqual([
      pattern('Inventory.StockReserved'),
      pattern('Inventory.StockReservationFailed'),
    ]);
  });

  it('delivers each event unchanged to its inbox, with a DLQ and retries, read in batches reporting failures', () => {
    for (const [name, { rules, inbox, ruleDeadLetterQueue }] of Object.entries(s.service.inboxes)) {
      const consumer = s.service.functions[name as 'productChanged' | 'stockAnswer'];

      for (const rule of rules) {
        expect(s.template.toJSON().Resources[logicalIdOf(rule)].Properties.Targets, name).toEqual([
          {
            Id: 'Target0',
            Arn: { 'Fn::GetAtt': [logicalIdOf(inbox.queue), 'Arn'] },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(ruleDeadLetterQueue), 'Arn'] } },
            RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
          },
        ]);
      }
      s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(inbox.queue), 'Arn'] },
        FunctionName: { Ref: logicalIdOf(consumer) },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      s.template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(inbox.deadLetterQueue), 'Arn'] } },
      });
    }
  });
});
