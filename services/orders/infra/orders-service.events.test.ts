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

  const rulesOf = (inbox: keyof Synth['service']['inboxes']) =>
    s.service.inboxes[inbox].rules.map(
      (rule) => s.template.toJSON().Resources[logicalIdOf(rule)].Properties.EventPattern,
    );
  const pattern = (source: string, detailType: string) => ({
    source: [source],
    'detail-type': [detailType],
    detail: { metadata: { event_version: ['1'] } },
  });

  it('subscribes the catalog copy and the stock answers to products’ events, one rule per event and version', () => {
    expect(rulesOf('productChanged')).toEqual([
      pattern('shop.products', 'Product.ProductCreated'),
      pattern('shop.products', 'Product.ProductInfoUpdated'),
    ]);
    expect(rulesOf('stockAnswer')).toEqual([
      pattern('shop.products', 'Inventory.StockReserved'),
      pattern('shop.products', 'Inventory.StockReservationFailed'),
    ]);
  });

  it('subscribes the invoice on the order to invoices’ event, and the customer copy and erasure to users’ events', () => {
    expect(rulesOf('invoiceIssued')).toEqual([pattern('shop.invoices', 'Invoice.InvoiceIssued')]);
    expect(rulesOf('customerChanged')).toEqual([
      pattern('shop.users', 'User.UserCreated'),
      pattern('shop.users', 'User.UserUpdated'),
    ]);
    expect(rulesOf('customerDeleted')).toEqual([pattern('shop.users', 'User.UserDeleted')]);
  });

  it("subscribes the business metrics to orders' own outcomes, confirmed and cancelled", () => {
    expect(rulesOf('orderOutcome')).toEqual([
      pattern('shop.orders', 'Order.OrderConfirmed'),
      pattern('shop.orders', 'Order.OrderCancelled'),
    ]);
  });

  it('keeps a message of the erasure inbox hidden six times the minute its function may take', () => {
    const queue = s.template.toJSON().Resources[logicalIdOf(s.service.inboxes.customerDeleted.inbox.queue)];

    expect(queue.Properties.VisibilityTimeout).toBe(6 * 60);
  });

  it('delivers each event unchanged to its inbox, with a DLQ and retries, read in batches reporting failures', () => {
    for (const [name, { rules, inbox, ruleDeadLetterQueue }] of Object.entries(s.service.inboxes)) {
      const consumer = name as keyof Synth['service']['inboxes'];
      const aliasIdOf = (handler: typeof consumer) => logicalIdOf(s.service.live.aliasOf(handler));

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
        // The consumer's live alias (`<function name>:live`), never the unqualified function.
        FunctionName: {
          'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: aliasIdOf(consumer) }] }] }, ':live']],
        },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      s.template.hasResourceProperties('AWS::SQS::Queue', {
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(inbox.deadLetterQueue), 'Arn'] } },
      });
    }
  });
});
