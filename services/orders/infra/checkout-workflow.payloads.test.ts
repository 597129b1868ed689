import { OrderCancelled, OrderConfirmed, OrderPlaced } from '@shop/events';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderFromItem } from '../src/adapters/order-item';
import type { Asl, AslState } from './testing/asl';
import { CHECKOUT_CONTEXT, PRICED_ORDER } from './testing/checkout-samples';
import { checkoutStack, PAYMENTS_URL } from './testing/checkout-stack';
import { renderPayload } from './testing/payload';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

// What the Checkout's tasks send, rendered from the synthesized definition for a priced order: the order item
// as the readers parse it, the lifecycle's conditions, the events as their contracts parse them, the HTTP calls.

type Fixture = ReturnType<typeof checkoutStack>;
const scope = (input: unknown = PRICED_ORDER) => ({ input, context: CHECKOUT_CONTEXT });
const AUTHORIZED = { ...PRICED_ORDER, authorization: { id: 'auth_1', status: 'AUTHORIZED' } };

describe('CheckoutWorkflow payloads', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let f: Fixture;
  let asl: Asl;
  const state = (name: string): AslState => {
    const found = asl.States[name];
    if (found === undefined) throw new Error(`No state ${name}`);
    return found;
  };
  const parameters = (name: string, input: unknown = PRICED_ORDER) =>
    renderPayload(state(name).Parameters, scope(input));
  const detailOf = (name: string, input: unknown) =>
    (parameters(name, input) as { Entries: { Detail: unknown; Source: string; DetailType: string }[] }).Entries[0];
  const connectionId = () => Object.keys(f.template.findResources('AWS::Events::Connection'))[0] as string;

  beforeAll(() => {
    f = checkoutStack();
    asl = f.asl(f.workflow);
  }, SYNTH_TIMEOUT_MS);

  it('saves the order item exactly as the order queries read it, keyed with States.Format and JSON attributes', () => {
    const raw = state('SaveOrder').Parameters as { Item: Record<string, Record<string, string>> };
    const { Item, ConditionExpression } = parameters('SaveOrder') as {
      Item: Record<string, never>;
      ConditionExpression: string;
    };

    const item = unmarshall(Item);
    expect(item).toMatchObject({
      pk: `ORDER#${PRICED_ORDER.orderId}`,
      sk: 'ORDER',
      gsi1pk: 'CUSTOMER#customer-ada',
      gsi1sk: `ORDER#${CHECKOUT_CONTEXT.Execution.StartTime}#${PRICED_ORDER.orderId}`,
    });
    expect(orderFromItem(item)).toEqual({
      id: PRICED_ORDER.orderId,
      customerId: 'customer-ada',
      status: 'PENDING',
      lines: PRICED_ORDER.lines,
      totals: PRICED_ORDER.totals,
      itemCount: PRICED_ORDER.itemCount,
      shippingAddress: PRICED_ORDER.shippingAddress,
      billingAddress: PRICED_ORDER.billingAddress,
      createdAt: CHECKOUT_CONTEXT.Execution.StartTime,
      updatedAt: CHECKOUT_CONTEXT.Execution.StartTime,
      history: [{ status: 'PENDING', at: CHECKOUT_CONTEXT.Execution.StartTime }],
    });
    expect(ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(raw.Item.pk?.['S.$']).toBe("States.Format('ORDER#{}', $.orderId)");
    expect(raw.Item.lines?.['S.$']).toBe('States.JsonToString($.lines)');
  });

  it('moves the order only from the statuses the domain’s lifecycle allows, appending to its history', () => {
    const move = (name: string, input: unknown = PRICED_ORDER) =>
      parameters(name, input) as {
        ConditionExpression: string;
        UpdateExpression: string;
        ExpressionAttributeValues: Record<string, never>;
      };
    const from = (name: string, input?: unknown) => {
      const values = unmarshall(move(name, input).ExpressionAttributeValues);
      return Object.keys(values)
        .filter((key) => key.startsWith(':from'))
        .map((key) => values[key]);
    };

    expect(from('MarkStockReserved')).toEqual(['PENDING']);
    expect(from('MarkPaymentAuthorized')).toEqual(['STOCK_RESERVED']);
    expect(from('ConfirmOrder')).toEqual(['PAYMENT_AUTHORIZED']);
    const cancelling = { ...PRICED_ORDER, cancellation: { reasonCode: 'OUT_OF_STOCK', reason: 'None left' } };
    expect(from('CancelOrder', cancelling)).toEqual(['PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED']);
    const cancel = move('CancelOrder', cancelling);
    expect(cancel.ConditionExpression).toBe('#status IN (:from0, :from1, :from2)');
    expect(cancel.UpdateExpression).toBe(
      'SET #status = :to, updatedAt = :now, history = list_append(history, :entry), reasonCode = :reasonCode',
    );
    expect(unmarshall(cancel.ExpressionAttributeValues)).toMatchObject({
      ':to': 'CANCELLED',
      ':entry': [{ status: 'CANCELLED', at: CHECKOUT_CONTEXT.State.EnteredTime, reasonCode: 'OUT_OF_STOCK' }],
      ':reasonCode': 'OUT_OF_STOCK',
    });
  });

  it('publishes Order.OrderPlaced with its task token, then waits at most 5 minutes for products', () => {
    const reserve = state('ReserveStock');

    const entry = detailOf('ReserveStock', PRICED_ORDER);
    expect(reserve.Resource).toMatch(/:states:::events:putEvents\.waitForTaskToken$/);
    expect(reserve.TimeoutSeconds).toBe(300);
    expect(reserve.ResultPath).toBe('$.reservation');
    expect(entry).toMatchObject({ Source: 'shop.orders', DetailType: 'Order.OrderPlaced' });
    const detail = OrderPlaced.detail.parse(entry?.Detail);
    expect(detail.data.taskToken).toBe(CHECKOUT_CONTEXT.Task.Token);
    expect(detail.data.order).toMatchObject({
      id: PRICED_ORDER.orderId,
      placedAt: CHECKOUT_CONTEXT.Execution.StartTime,
    });
    expect(detail.metadata).toEqual({
      correlation_id: 'corr-1',
      causation_id: CHECKOUT_CONTEXT.Execution.Id,
      domain: 'shop',
      service: 'orders',
      environment: 'test',
      event_version: '1',
    });
  });

  it('publishes Order.OrderConfirmed with everything invoices needs, as its contract parses it', () => {
    const confirmed = { ...AUTHORIZED, confirmed: { at: CHECKOUT_CONTEXT.State.EnteredTime } };

    const entry = detailOf('PublishOrderConfirmed', confirmed);
    const { data } = OrderConfirmed.detail.parse(entry?.Detail);
    expect(entry?.DetailType).toBe('Order.OrderConfirmed');
    expect(data.order.confirmedAt).toBe(CHECKOUT_CONTEXT.State.EnteredTime);
    expect(data.customer).toEqual(PRICED_ORDER.customer);
    expect(data.payment).toEqual({ provider: 'sandbox', authorizationId: 'auth_1', amount: PRICED_ORDER.totals.total });
    expect(data.order.lines).toEqual(PRICED_ORDER.lines);
  });

  it('publishes Order.OrderCancelled with the reason, as its contract parses it', () => {
    const cancelled = {
      ...PRICED_ORDER,
      cancellation: { reasonCode: 'PAYMENT_DECLINED', reason: 'The card was declined.' },
      cancelled: { at: CHECKOUT_CONTEXT.State.EnteredTime },
    };

    const { data } = OrderCancelled.detail.parse(detailOf('PublishOrderCancelled', cancelled)?.Detail);
    expect(data).toEqual({
      orderId: PRICED_ORDER.orderId,
      customerId: 'customer-ada',
      reasonCode: 'PAYMENT_DECLINED',
      reason: 'The card was declined.',
      cancelledAt: CHECKOUT_CONTEXT.State.EnteredTime,
    });
  });

  it('authorizes the order total through the connection, keyed by the order id, retrying 503, 429 and 409', () => {
    const authorize = state('AuthorizePayment');

    expect(authorize.Resource).toMatch(/:states:::http:invoke$/);
    expect(parameters('AuthorizePayment')).toEqual({
      ApiEndpoint: `${PAYMENTS_URL}/v1/authorizations`,
      Authentication: { ConnectionArn: `\${${connectionId()}.Arn}` },
      Method: 'POST',
      Headers: { 'Content-Type': 'application/json', 'Idempotency-Key': PRICED_ORDER.orderId },
      RequestBody: { amount: { amount: 3000, currency: 'GBP' }, token: 'tok_visa', reference: PRICED_ORDER.orderId },
    });
    expect(authorize.TimeoutSeconds).toBe(40);
    expect(authorize.Retry).toEqual([
      {
        ErrorEquals: [
          'States.Http.StatusCode.503',
          'States.Http.StatusCode.429',
          'States.Http.StatusCode.409',
          'States.Http.Socket',
        ],
        IntervalSeconds: 1,
        BackoffRate: 2,
        MaxDelaySeconds: 10,
        MaxAttempts: 3,
        JitterStrategy: 'FULL',
      },
    ]);
    expect(authorize.ResultSelector).toEqual({ 'id.$': '$.ResponseBody.id', 'status.$': '$.ResponseBody.status' });
    expect(authorize.Catch?.map((c) => c.ErrorEquals)).toEqual([['States.Http.StatusCode.402'], ['States.ALL']]);
  });

  it('voids an authorization through the same connection, with an idempotency key of its own', () => {
    expect(parameters('VoidPayment', AUTHORIZED)).toMatchObject({
      ApiEndpoint: `${PAYMENTS_URL}/v1/authorizations/auth_1/void`,
      Method: 'POST',
      Headers: { 'Idempotency-Key': `${PRICED_ORDER.orderId}-void` },
    });
    expect(state('VoidPayment').Catch).toBeUndefined();
  });
});
