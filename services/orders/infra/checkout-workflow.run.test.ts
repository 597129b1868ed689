import { OrderCancelled, OrderConfirmed, OrderPlaced } from '@shop/events';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Asl } from './testing/asl';
import { CHECKOUT_CONTEXT, PRICED_ORDER } from './testing/checkout-samples';
import { checkoutStack } from './testing/checkout-stack';
import { fail, runWorkflow, succeed, type Run, type TaskScript } from './testing/run-workflow';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

// The Checkout definition as synthesized, run by an ASL interpreter with every service call answered here:
// each scenario of the "Done when", from the workflow's side.

const AT = CHECKOUT_CONTEXT.State.EnteredTime;
const updated = succeed({ Attributes: { updatedAt: { S: AT } } });
const authorized = succeed({ StatusCode: 201, ResponseBody: { id: 'auth_1', status: 'AUTHORIZED' } });
const reserved = succeed({ orderId: PRICED_ORDER.orderId, reservationId: 'res_1', reservedAt: AT, expiresAt: AT });
const httpError = (status: number) => fail(`States.Http.StatusCode.${status}`, JSON.stringify({ StatusCode: status }));

/** Every call succeeds, unless the scenario says otherwise. */
const HAPPY: TaskScript = {
  SaveOrder: [succeed()],
  ReserveStock: [reserved],
  MarkStockReserved: [updated],
  AuthorizePayment: [authorized],
  MarkPaymentAuthorized: [updated],
  ConfirmOrder: [updated],
  PublishOrderConfirmed: [succeed({ Entries: [{ EventId: '1' }], FailedEntryCount: 0 })],
  VoidPayment: [succeed({ StatusCode: 200, ResponseBody: { status: 'VOIDED' } })],
  CancelOrder: [updated],
  PublishOrderCancelled: [succeed({ Entries: [{ EventId: '2' }], FailedEntryCount: 0 })],
};

const states = (run: Run) => run.calls.map((call) => call.state);
const detailOf = (run: Run, state: string) =>
  (run.calls.find((call) => call.state === state)?.input as { Entries: { Detail: unknown }[] }).Entries[0]?.Detail;
const cancellation = (run: Run) => OrderCancelled.detail.parse(detailOf(run, 'PublishOrderCancelled')).data;

describe('the Checkout workflow, run', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let asl: Asl;
  const run = (changes: TaskScript = {}) => runWorkflow(asl, PRICED_ORDER, { ...HAPPY, ...changes }, CHECKOUT_CONTEXT);

  beforeAll(() => {
    const f = checkoutStack();
    asl = f.asl(f.workflow);
  }, SYNTH_TIMEOUT_MS);

  it('confirms an order whose stock is reserved and whose payment is authorized, and says so', async () => {
    const result = await run();

    expect(result.status).toBe('SUCCEEDED');
    expect(states(result)).toEqual([
      'SaveOrder',
      'ReserveStock',
      'MarkStockReserved',
      'AuthorizePayment',
      'MarkPaymentAuthorized',
      'ConfirmOrder',
      'PublishOrderConfirmed',
    ]);
    expect(OrderPlaced.detail.parse(detailOf(result, 'ReserveStock')).data.order.id).toBe(PRICED_ORDER.orderId);
    const { data } = OrderConfirmed.detail.parse(detailOf(result, 'PublishOrderConfirmed'));
    expect(data.payment.authorizationId).toBe('auth_1');
    expect(data.order.confirmedAt).toBe(AT);
  });

  it('cancels an order products cannot reserve stock for, with products’ reason, charging nothing', async () => {
    const result = await run({
      ReserveStock: [fail('Inventory.StockReservationFailed', 'Only 1 of MUG-ENAMEL-BLU left')],
    });

    expect(result.status).toBe('SUCCEEDED');
    expect(states(result)).toEqual(['SaveOrder', 'ReserveStock', 'CancelOrder', 'PublishOrderCancelled']);
    expect(cancellation(result)).toMatchObject({ reasonCode: 'OUT_OF_STOCK', reason: 'Only 1 of MUG-ENAMEL-BLU left' });
  });

  it('cancels an order products never answered for', async () => {
    const result = await run({ ReserveStock: [fail('States.Timeout')] });

    expect(states(result)).toEqual(['SaveOrder', 'ReserveStock', 'CancelOrder', 'PublishOrderCancelled']);
    expect(cancellation(result).reasonCode).toBe('CHECKOUT_TIMED_OUT');
  });

  it('cancels an order whose card is declined, releasing its stock, with nothing to void', async () => {
    const result = await run({ AuthorizePayment: [httpError(402)] });

    expect(states(result)).toEqual([
      'SaveOrder',
      'ReserveStock',
      'MarkStockReserved',
      'AuthorizePayment',
      'CancelOrder',
      'PublishOrderCancelled',
    ]);
    expect(cancellation(result)).toMatchObject({ reasonCode: 'PAYMENT_DECLINED', reason: 'The card was declined.' });
  });

  it('retries a transient payment error with the same Idempotency-Key, and confirms', async () => {
    const result = await run({ AuthorizePayment: [httpError(503), httpError(409), authorized] });

    const attempts = result.calls.filter((call) => call.state === 'AuthorizePayment');
    expect(result.status).toBe('SUCCEEDED');
    expect(states(result).at(-1)).toBe('PublishOrderConfirmed');
    expect(attempts.map((call) => (call.input.Headers as Record<string, string>)['Idempotency-Key'])).toEqual([
      PRICED_ORDER.orderId,
      PRICED_ORDER.orderId,
      PRICED_ORDER.orderId,
    ]);
  });

  it('cancels an order whose payment timed out or kept failing, as PAYMENT_FAILED', async () => {
    for (const failure of [httpError(504), fail('States.Timeout'), httpError(503)]) {
      const result = await run({ AuthorizePayment: [failure] });

      expect(states(result).slice(-2), JSON.stringify(failure)).toEqual(['CancelOrder', 'PublishOrderCancelled']);
      expect(states(result)).not.toContain('VoidPayment');
      expect(cancellation(result).reasonCode).toBe('PAYMENT_FAILED');
    }
  });

  it('voids an authorized payment before cancelling when a later step fails, without retrying a failed condition', async () => {
    const result = await run({ ConfirmOrder: [fail('DynamoDB.ConditionalCheckFailedException')] });

    expect(states(result)).toEqual([
      'SaveOrder',
      'ReserveStock',
      'MarkStockReserved',
      'AuthorizePayment',
      'MarkPaymentAuthorized',
      'ConfirmOrder',
      'VoidPayment',
      'CancelOrder',
      'PublishOrderCancelled',
    ]);
    expect(result.calls.find((call) => call.state === 'VoidPayment')?.input.ApiEndpoint).toMatch(
      /\/v1\/authorizations\/auth_1\/void$/,
    );
    expect(cancellation(result)).toMatchObject({
      reasonCode: 'CHECKOUT_TIMED_OUT',
      reason: 'Checkout stopped: DynamoDB.ConditionalCheckFailedException.',
    });
  });

  it('retries a throttled table write and goes on', async () => {
    const throttled = fail('DynamoDB.ProvisionedThroughputExceededException');

    const result = await run({ MarkStockReserved: [throttled, throttled, updated] });

    expect(result.status).toBe('SUCCEEDED');
    expect(states(result).filter((state) => state === 'MarkStockReserved')).toHaveLength(3);
    expect(states(result)).not.toContain('CancelOrder');
  });

  it('never cancels a confirmed order: if the confirmation cannot be published, the execution fails, to be redriven', async () => {
    const result = await run({ PublishOrderConfirmed: [fail('EventBridge.FailedEntry')] });

    expect(result).toMatchObject({ status: 'FAILED', error: 'EventBridge.FailedEntry' });
    expect(states(result).filter((state) => state === 'PublishOrderConfirmed')).toHaveLength(9);
    expect(states(result)).not.toContain('CancelOrder');
  });
});
