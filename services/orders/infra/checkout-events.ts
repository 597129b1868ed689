import {
  type AnyEventDefinition,
  DOMAIN,
  OrderCancelled,
  type OrderCancelledData,
  OrderConfirmed,
  type OrderConfirmedData,
  OrderPlaced,
  type OrderPlacedData,
} from '@shop/events';
import type * as events from 'aws-cdk-lib/aws-events';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';

// What the Checkout workflow publishes, built with JSONPath from its state: the priced order (the execution's
// input, already in the events' shapes), `$.reservation`, `$.authorization`, `$.confirmed`, `$.cancellation`
// and `$.cancelled`. `satisfies` keeps each detail's fields in step with the contract's schema.

/** The payment provider named in Order.OrderConfirmed. */
export const PAYMENT_PROVIDER = 'sandbox';

const path = sfn.JsonPath.stringAt;
const object = sfn.JsonPath.objectAt;
type Fields<T> = Record<keyof T, unknown>;

/** An entry of `event` with the envelope's metadata; the execution is its cause. */
function entry(bus: events.IEventBus, stageName: string, event: AnyEventDefinition, data: object) {
  return {
    eventBus: bus,
    source: event.source,
    detailType: event.detailType,
    detail: sfn.TaskInput.fromObject({
      metadata: {
        correlation_id: path('$.correlationId'),
        causation_id: sfn.JsonPath.executionId,
        domain: DOMAIN,
        service: event.producer,
        environment: stageName,
        event_version: event.version,
      },
      data,
    }),
  } satisfies tasks.EventBridgePutEventsEntry;
}

/** Order.OrderPlaced: the order as placed and the task token products echoes in its answer. */
export function orderPlacedEntry(bus: events.IEventBus, stageName: string) {
  const order = {
    id: path('$.orderId'),
    placedAt: sfn.JsonPath.executionStartTime,
    currency: path('$.currency'),
    lines: object('$.lines'),
    totals: object('$.totals'),
  } satisfies Fields<OrderPlacedData['order']>;
  const data = {
    order,
    customer: { id: path('$.customer.id') },
    taskToken: sfn.JsonPath.taskToken,
  } satisfies Fields<OrderPlacedData>;
  return entry(bus, stageName, OrderPlaced, data);
}

/** Order.OrderConfirmed: everything invoices needs, so it never calls back. */
export function orderConfirmedEntry(bus: events.IEventBus, stageName: string) {
  const order = {
    id: path('$.orderId'),
    placedAt: sfn.JsonPath.executionStartTime,
    confirmedAt: path('$.confirmed.at'),
    currency: path('$.currency'),
    lines: object('$.lines'),
    totals: object('$.totals'),
  } satisfies Fields<OrderConfirmedData['order']>;
  const data = {
    order,
    customer: object('$.customer'),
    billingAddress: object('$.billingAddress'),
    shippingAddress: object('$.shippingAddress'),
    payment: {
      provider: PAYMENT_PROVIDER,
      authorizationId: path('$.authorization.id'),
      amount: object('$.totals.total'),
    },
  } satisfies Fields<OrderConfirmedData>;
  return entry(bus, stageName, OrderConfirmed, data);
}

/** Order.OrderCancelled: why, for code and for people; products releases any stock it still holds. */
export function orderCancelledEntry(bus: events.IEventBus, stageName: string) {
  const data = {
    orderId: path('$.orderId'),
    customerId: path('$.customer.id'),
    reasonCode: path('$.cancellation.reasonCode'),
    reason: path('$.cancellation.reason'),
    cancelledAt: path('$.cancelled.at'),
  } satisfies Fields<OrderCancelledData>;
  return entry(bus, stageName, OrderCancelled, data);
}
