import { OrderConfirmed } from '@shop/events';
import { aLambdaContext, anEventBridgeEvent, anSqsEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { FiguresDoNotAddUpError, NumberContendedError } from '../../domain/errors';
import { makeInboxHandler, type PoisonSink } from './inbox-handler';

class RecordedSink implements PoisonSink {
  readonly sent: { messageId: string; code: string }[] = [];

  async send(record: SQSRecord, error: { code: string }): Promise<void> {
    this.sent.push({ messageId: record.messageId, code: error.code });
  }
}

const confirmation = (messageId: string, orderId: string) =>
  anSqsRecord(
    messageId,
    anEventBridgeEvent({
      id: `evt-${messageId}`,
      source: OrderConfirmed.source,
      detailType: OrderConfirmed.detailType,
      detail: {
        ...OrderConfirmed.sampleDetail,
        data: { ...OrderConfirmed.sample, order: { ...OrderConfirmed.sample.order, id: orderId } },
      },
    }),
  );

const process = async (event: { detail: { data: { order: { id: string } } } }) => {
  const orderId = event.detail.data.order.id;
  if (orderId === 'ord_poison') throw new FiguresDoNotAddUpError(orderId, ['totals.total is not …']);
  if (orderId === 'ord_busy') throw new NumberContendedError('INV', 60);
  return { orderId };
};

describe('makeInboxHandler', () => {
  it('sends a poison record to the DLQ and reports it done, failing only the retryable ones', async () => {
    const sink = new RecordedSink();
    const handler = makeInboxHandler(OrderConfirmed, process, sink);
    const records = [confirmation('m-1', 'ord_ok'), confirmation('m-2', 'ord_poison'), confirmation('m-3', 'ord_busy')];

    const response = await handler(anSqsEvent(records), aLambdaContext());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-3' }]);
    expect(sink.sent).toEqual([{ messageId: 'm-2', code: 'INVOICES.FIGURES_DO_NOT_ADD_UP' }]);
  });

  it('treats a message that does not match the contract as poison', async () => {
    const sink = new RecordedSink();
    const handler = makeInboxHandler(OrderConfirmed, process, sink);
    const garbled = anSqsRecord('m-4', { 'detail-type': 'Order.OrderConfirmed', detail: { data: {} } });

    const response = await handler(anSqsEvent([garbled, confirmation('m-5', 'ord_ok')]), aLambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(sink.sent).toEqual([{ messageId: 'm-4', code: 'INVOICES.UNPARSABLE_EVENT' }]);
  });
});
