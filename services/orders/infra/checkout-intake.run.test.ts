import { beforeAll, describe, expect, it } from 'vitest';
import type { Asl } from './testing/asl';
import { CHECKOUT_CONTEXT, PRICED_ORDER } from './testing/checkout-samples';
import { checkoutStack } from './testing/checkout-stack';
import { fail, runWorkflow, succeed, type TaskScript } from './testing/run-workflow';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

// The CheckoutIntake definition as synthesized, run by an ASL interpreter with PriceCheckout, StartExecution
// and DescribeExecution answered here.

const REQUEST = {
  body: { cartId: 'cart_1' },
  customerId: 'customer-ada',
  idempotencyKey: 'key-1',
  requestId: 'req-2',
  correlationId: 'corr-2',
};
const EXECUTION_ARN = `arn:aws:states:eu-west-2:123456789012:execution:Checkout:${PRICED_ORDER.orderId}`;
/** A Lambda function's error as Step Functions reports it: the runtime's JSON as the cause. */
const functionError = (name: string, message: string) =>
  fail(name, JSON.stringify({ errorType: name, errorMessage: message, trace: ['at priceCheckout (index.mjs:1:1)'] }));
const described = (input: unknown) =>
  succeed({ ExecutionArn: EXECUTION_ARN, Status: 'RUNNING', Input: JSON.stringify(input) });
const PRICED: TaskScript = {
  PriceCheckout: [succeed(PRICED_ORDER)],
  StartCheckout: [succeed({ ExecutionArn: EXECUTION_ARN, StartDate: 1 })],
};
const ALREADY_STARTED = fail(
  'StepFunctions.ExecutionAlreadyExistsException',
  `Execution Already Exists: '${EXECUTION_ARN}'`,
);

describe('the CheckoutIntake workflow, run', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let asl: Asl;
  const run = (script: TaskScript) => runWorkflow(asl, REQUEST, script, CHECKOUT_CONTEXT);

  beforeAll(() => {
    const f = checkoutStack();
    asl = f.asl(f.intake);
  }, SYNTH_TIMEOUT_MS);

  it('starts the Checkout of the priced order, named by its id, and answers the order id and execution', async () => {
    const result = await run(PRICED);

    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { orderId: PRICED_ORDER.orderId, executionArn: EXECUTION_ARN },
    });
    expect(result.calls.map((call) => call.state)).toEqual(['PriceCheckout', 'StartCheckout']);
    expect(result.calls[0]?.input).toEqual(REQUEST);
    expect(result.calls[1]?.input).toMatchObject({ Name: PRICED_ORDER.orderId, Input: PRICED_ORDER });
  });

  it('fails with the refusal’s code and message, starting nothing', async () => {
    const result = await run({ ...PRICED, PriceCheckout: [functionError('ORDERS.EMPTY_CART', 'The cart is empty')] });

    expect(result).toMatchObject({ status: 'FAILED', error: 'ORDERS.EMPTY_CART', cause: 'The cart is empty' });
    expect(result.calls.map((call) => call.state)).toEqual(['PriceCheckout']);
  });

  it('tries the payment sandbox once more before refusing with ORDERS.PAYMENTS_UNAVAILABLE', async () => {
    const unavailable = functionError('ORDERS.PAYMENTS_UNAVAILABLE', 'The payment provider did not answer');

    const retried = await run({ ...PRICED, PriceCheckout: [unavailable, succeed(PRICED_ORDER)] });
    const refused = await run({ ...PRICED, PriceCheckout: [unavailable] });

    expect(retried.status).toBe('SUCCEEDED');
    expect(refused).toMatchObject({ status: 'FAILED', error: 'ORDERS.PAYMENTS_UNAVAILABLE' });
    expect(refused.calls.filter((call) => call.state === 'PriceCheckout')).toHaveLength(2);
  });

  it('fails with any other error as it came: a fault', async () => {
    const result = await run({ ...PRICED, PriceCheckout: [functionError('TypeError', 'x is undefined')] });

    expect(result).toMatchObject({ status: 'FAILED', error: 'TypeError' });
  });

  it('answers a retried request with the checkout it already started, whatever its correlation id', async () => {
    const first = { ...PRICED_ORDER, correlationId: 'corr-1' };

    const result = await run({
      ...PRICED,
      StartCheckout: [ALREADY_STARTED],
      DescribeExistingCheckout: [described(first)],
    });

    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { orderId: PRICED_ORDER.orderId, executionArn: EXECUTION_ARN },
    });
    expect(result.calls.filter((call) => call.state === 'StartCheckout')).toHaveLength(1);
    expect(result.calls[2]).toEqual({
      state: 'DescribeExistingCheckout',
      input: { ExecutionArn: expect.stringMatching(new RegExp(`:execution:.*:${PRICED_ORDER.orderId}$`)) },
    });
  });

  it('refuses the same key for another checkout with ORDERS.IDEMPOTENCY_KEY_REUSED', async () => {
    const another = { ...PRICED_ORDER, lines: [{ ...PRICED_ORDER.lines[0], quantity: 3 }] };

    const result = await run({
      ...PRICED,
      StartCheckout: [ALREADY_STARTED],
      DescribeExistingCheckout: [described(another)],
    });

    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'ORDERS.IDEMPOTENCY_KEY_REUSED',
      cause: expect.stringContaining(PRICED_ORDER.orderId),
    });
  });
});
