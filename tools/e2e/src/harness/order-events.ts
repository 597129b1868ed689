import { randomUUID } from 'node:crypto';
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import {
  type AnyEventDefinition,
  type DataOf,
  OrderCancelled,
  OrderConfirmed,
  OrderPlaced,
  parseDetail,
  sampleEvent,
} from '@shop/events';
import type { ShopTarget } from './target';

/** One line of a test order: `quantity` units of a product. */
export interface TestOrderLine {
  readonly sku: string;
  readonly productId: string;
  readonly quantity: number;
}

/**
 * A new order id with a prefix the test chooses, so a bus observer can match the test's own answers by prefix
 * (`{ prefix: 'ord_e2e_3f9a' }`).
 *
 * @example
 * const prefix = orderIdPrefix(); const orderId = `${prefix}_${1}`;
 */
export const orderIdPrefix = (): string => `ord_e2e_${randomUUID().slice(0, 8)}`;

/** `OrderPlaced`'s data for these lines: the sample order with its id, lines, prices, totals and a task token. */
export function orderPlacedData(orderId: string, lines: readonly TestOrderLine[]): DataOf<typeof OrderPlaced> {
  const { sample } = OrderPlaced;
  const unitPrice = { amount: 1000, currency: sample.order.currency };
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * unitPrice.amount, 0);
  const money = (amount: number) => ({ amount, currency: unitPrice.currency });
  return {
    ...sample,
    order: {
      ...sample.order,
      id: orderId,
      placedAt: new Date().toISOString(),
      lines: lines.map((line) => ({ ...line, unitPrice })),
      totals: { subtotal: money(subtotal), shipping: money(0), tax: money(0), total: money(subtotal) },
    },
    taskToken: `e2e-task-token-${randomUUID()}`,
  };
}

/** `OrderCancelled`'s data for an order the customer cancelled. */
export function orderCancelledData(orderId: string): DataOf<typeof OrderCancelled> {
  return {
    ...OrderCancelled.sample,
    orderId,
    reasonCode: 'CUSTOMER_REQUESTED',
    reason: 'Cancelled by the e2e suite.',
    cancelledAt: new Date().toISOString(),
  };
}

/** `OrderConfirmed`'s data for these lines: the sample order, confirmed now, with its id and lines. */
export function orderConfirmedData(orderId: string, lines: readonly TestOrderLine[]): DataOf<typeof OrderConfirmed> {
  const { sample } = OrderConfirmed;
  const money = (amount: number) => ({ amount, currency: sample.order.currency });
  const confirmed = lines.map(({ sku, productId, quantity }) => ({
    sku,
    productId,
    name: `Product ${sku}`,
    quantity,
    unitPrice: money(1000),
    subtotal: money(1000 * quantity),
    taxRateBasisPoints: 0,
    tax: money(0),
    total: money(1000 * quantity),
  }));
  const subtotal = confirmed.reduce((sum, line) => sum + line.subtotal.amount, 0);
  const totals = { subtotal: money(subtotal), shipping: money(0), tax: money(0), total: money(subtotal) };
  const order = { ...sample.order, id: orderId, confirmedAt: new Date().toISOString(), lines: confirmed, totals };
  return { ...sample, order, payment: { ...sample.payment, amount: money(subtotal) } };
}

/**
 * A PutEvents entry for the target's bus, built from the contract's sample event (source `shop.orders`, its
 * detail-type and metadata, a fresh correlation id) around `data`, checked against the contract first.
 *
 * @example
 * await putEntries(events, [orderEntry(target, OrderPlaced, orderPlacedData(orderId, lines))]);
 */
export function orderEntry<E extends AnyEventDefinition>(
  target: ShopTarget,
  definition: E,
  data: DataOf<E>,
): PutEventsRequestEntry {
  const sample = sampleEvent(definition);
  const correlationId = randomUUID();
  const detail = {
    metadata: {
      ...sample.detail.metadata,
      correlation_id: correlationId,
      causation_id: correlationId,
      environment: 'e2e',
    },
    data,
  };
  return {
    ...rawEntry(target, sample.source, sample['detail-type']),
    Detail: JSON.stringify(parseDetail(definition, detail)),
  };
}

/**
 * An entry that claims to be `definition`'s event but whose `data` is not checked: to put a poison message
 * (one that breaks the contract) on the bus.
 */
export function uncheckedOrderEntry(
  target: ShopTarget,
  definition: AnyEventDefinition,
  data: unknown,
): PutEventsRequestEntry {
  const sample = sampleEvent(definition);
  const correlationId = randomUUID();
  const metadata = {
    ...sample.detail.metadata,
    correlation_id: correlationId,
    causation_id: correlationId,
    environment: 'e2e',
  };
  return { ...rawEntry(target, sample.source, sample['detail-type']), Detail: JSON.stringify({ metadata, data }) };
}

const rawEntry = (target: ShopTarget, source: string, detailType: string) => ({
  EventBusName: target.eventBusName,
  Source: source,
  DetailType: detailType,
});
