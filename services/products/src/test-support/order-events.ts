import { OrderCancelled, OrderConfirmed, OrderPlaced } from '@shop/events';
import { anEventBridgeEvent, anSqsRecord } from '@shop/lambda-kit/testing';

type Line = { sku: string; productId: string; quantity: number };

/** An SQS record carrying Order.OrderPlaced (as the rule's queue target delivers it) for these lines. */
export function anOrderPlacedRecord(messageId: string, orderId: string, lines: Line[]) {
  const sample = OrderPlaced.sampleDetail;
  const order = {
    ...sample.data.order,
    id: orderId,
    lines: lines.map((line) => ({ ...line, unitPrice: { amount: 1000, currency: 'GBP' } })),
  };
  const detail = { ...sample, data: { ...sample.data, order, taskToken: `token-${orderId}` } };
  const event = anEventBridgeEvent({
    id: `evt-${messageId}`,
    source: OrderPlaced.source,
    detailType: OrderPlaced.detailType,
    detail,
  });
  return anSqsRecord(messageId, event);
}

export function anOrderCancelledRecord(messageId: string, orderId: string) {
  const sample = OrderCancelled.sampleDetail;
  const detail = { ...sample, data: { ...sample.data, orderId } };
  const event = anEventBridgeEvent({
    id: `evt-${messageId}`,
    source: OrderCancelled.source,
    detailType: OrderCancelled.detailType,
    detail,
  });
  return anSqsRecord(messageId, event);
}

export function anOrderConfirmedRecord(messageId: string, orderId: string) {
  const sample = OrderConfirmed.sampleDetail;
  const detail = { ...sample, data: { ...sample.data, order: { ...sample.data.order, id: orderId } } };
  const event = anEventBridgeEvent({
    id: `evt-${messageId}`,
    source: OrderConfirmed.source,
    detailType: OrderConfirmed.detailType,
    detail,
  });
  return anSqsRecord(messageId, event);
}
