import { OrderCancelled, OrderConfirmed } from '@shop/events';
import { logger, makeIdempotentFunction, makeSqsHandler, metrics, type EventOf } from '@shop/lambda-kit';
import { z } from 'zod';
import { DynamoOrderQueries } from '../../adapters/dynamodb-order-queries';
import { idempotencyTableName, tableName } from '../config';
import { documentClient, dynamoDbClient } from '../dependencies';
import { assertDetailType } from './detail-type';

/** The business metrics of a checkout's outcome (infra/src/observability/business-metrics.ts reads them). */
export const OUTCOME_METRICS = {
  confirmed: 'OrderConfirmed',
  cancelled: 'OrderCancelled',
  revenue: 'Revenue',
  checkoutDuration: 'CheckoutDuration',
} as const;

const orders = new DynamoOrderQueries({ doc: documentClient, tableName: tableName() });

const OrderOutcome = {
  source: OrderConfirmed.source,
  detail: z.union([OrderConfirmed.detail, OrderCancelled.detail]),
};
type OrderOutcomeEvent = EventOf<typeof OrderOutcome>;

const millisBetween = (from: string, to: string) => Date.parse(to) - Date.parse(from);

function countConfirmed(event: OrderOutcomeEvent): string {
  const { order } = OrderConfirmed.detail.parse(event.detail).data;
  metrics.addMetric(OUTCOME_METRICS.confirmed, 'Count', 1);
  // Minor units of the shop's one currency (SHOP_CURRENCY): amounts in two currencies must not be summed.
  metrics.addMetric(OUTCOME_METRICS.revenue, 'Count', order.totals.total.amount);
  metrics.addMetric(OUTCOME_METRICS.checkoutDuration, 'Milliseconds', millisBetween(order.placedAt, order.confirmedAt));
  return order.id;
}

async function countCancelled(event: OrderOutcomeEvent): Promise<string> {
  const { orderId, customerId, reasonCode, cancelledAt } = OrderCancelled.detail.parse(event.detail).data;
  // The event does not say when the checkout started; the order does. An order cancelled after it was
  // confirmed ended its checkout then, and was timed then. Read before emitting anything: a failed read retries
  // the record, and the single metric below is published at once.
  const order = await orders.getForCustomer(orderId, customerId);
  if (order !== undefined && !order.history.some((change) => change.status === 'CONFIRMED')) {
    const duration = millisBetween(order.createdAt, cancelledAt);
    metrics.addMetric(OUTCOME_METRICS.checkoutDuration, 'Milliseconds', duration);
  }
  // Its own EMF document: `reason` is a dimension of this metric only, not of the batch's other metrics.
  const cancelled = metrics.singleMetric();
  cancelled.addDimension('reason', reasonCode);
  cancelled.addMetric(OUTCOME_METRICS.cancelled, 'Count', 1);
  return orderId;
}

async function count(event: OrderOutcomeEvent): Promise<{ orderId: string; outcome: string }> {
  assertDetailType(event, [OrderConfirmed, OrderCancelled]);
  const confirmed = event['detail-type'] === OrderConfirmed.detailType;
  const orderId = confirmed ? countConfirmed(event) : await countCancelled(event);
  logger.info('Checkout outcome counted', { orderId, outcome: event['detail-type'] });
  return { orderId, outcome: event['detail-type'] };
}

/**
 * Counts each order's outcome once. EventBridge and SQS deliver at least once, and the workflow's publish step
 * may put an event twice when retried, so the key is the outcome and the order (not the event id): a repeat
 * returns the stored result and adds no metric. What remains: a crash after the metrics were added but before
 * Powertools stored the record repeats them on the retry, and a crash before the invocation's metrics are
 * flushed loses them; both are rare and cost one order in a dashboard, never a wrong order.
 */
const countOnce = makeIdempotentFunction(count, {
  tableName: idempotencyTableName(),
  key: (event) => `${event['detail-type']}#${outcomeOrderId(event)}`,
  client: dynamoDbClient,
});

function outcomeOrderId(event: OrderOutcomeEvent): string {
  const data = event.detail.data;
  return 'order' in data ? data.order.id : data.orderId;
}

export const handler = makeSqsHandler(OrderOutcome, countOnce);
