import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKOUT_ERROR_STATUS } from '../src';
import { type Asl, type AslState, happyPath } from './testing/asl';
import { CHECKOUT_CONTEXT, PRICED_ORDER } from './testing/checkout-samples';
import { checkoutStack } from './testing/checkout-stack';
import { evaluate, renderPayload } from './testing/payload';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Fixture = ReturnType<typeof checkoutStack>;
const REQUEST = {
  body: { cartId: 'cart_1' },
  customerId: 'customer-ada',
  idempotencyKey: 'key-1',
  requestId: 'req-1',
  correlationId: 'corr-1',
};
const scope = (input: unknown) => ({ input, context: CHECKOUT_CONTEXT });

describe('CheckoutIntake', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let f: Fixture;
  let asl: Asl;
  const state = (name: string): AslState => {
    const found = asl.States[name];
    if (found === undefined) throw new Error(`No state ${name}`);
    return found;
  };
  /** What a Fail state reports for this input: its error and cause. */
  const failure = (name: string, input: unknown) => ({
    error: state(name).Error ?? evaluate(state(name).ErrorPath as string, scope(input)),
    cause: evaluate(state(name).CausePath as string, scope(input)),
  });

  beforeAll(() => {
    f = checkoutStack();
    asl = f.asl(f.intake);
  }, SYNTH_TIMEOUT_MS);

  it('prices the checkout, starts the Checkout’s live alias named by the order id, and answers its order id and execution', () => {
    const started = { ...REQUEST, order: PRICED_ORDER, checkout: { executionArn: 'arn:execution' } };

    expect(happyPath(asl)).toEqual(['PriceCheckout', 'StartCheckout', 'Accepted']);
    expect(state('PriceCheckout')).toMatchObject({
      // The live alias (its Ref is its ARN), so PriceCheckout's new versions reach the task by canary.
      Resource: `\${${logicalIdOf(f.priceCheckoutLive)}}`,
      ResultPath: '$.order',
    });
    expect(state('StartCheckout').Resource).toMatch(/:states:::states:startExecution$/);
    expect(state('StartCheckout').Parameters).toEqual({
      StateMachineArn: `\${${logicalIdOf(f.checkoutLive.alias)}.Arn}`,
      'Name.$': '$.order.orderId',
      'Input.$': '$.order',
    });
    expect(renderPayload(state('Accepted').Parameters, scope(started))).toEqual({
      orderId: PRICED_ORDER.orderId,
      executionArn: 'arn:execution',
    });
  });

  it('fails with a refusal’s code as its error and the refusal’s message as its cause', () => {
    const lambdaError = {
      Error: 'ORDERS.EMPTY_CART',
      Cause: JSON.stringify({ errorType: 'ORDERS.EMPTY_CART', errorMessage: 'The cart is empty', trace: ['at …'] }),
    };

    const [refusals, faults] = state('PriceCheckout').Catch ?? [];
    const read = renderPayload(state('ReadRefusal').Parameters, scope({ ...REQUEST, failure: lambdaError }));
    expect(refusals?.ErrorEquals.sort()).toEqual(Object.keys(CHECKOUT_ERROR_STATUS).sort());
    expect(refusals?.Next).toBe('ReadRefusal');
    expect(state('ReadRefusal').Next).toBe('Refuse');
    expect(failure('Refuse', { refusal: read })).toEqual({ error: 'ORDERS.EMPTY_CART', cause: 'The cart is empty' });
    expect(faults).toEqual({ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'PricingFailed' });
  });

  it('fails with the error as it came for anything that is not a refusal: a fault, answered 500', () => {
    const fault = { Error: 'Lambda.Unknown', Cause: 'The function timed out' };

    expect(failure('PricingFailed', { failure: fault })).toEqual({
      error: 'Lambda.Unknown',
      cause: 'The function timed out',
    });
  });

  it('retries PriceCheckout once, on Lambda’s service errors and an unavailable payment sandbox', () => {
    expect(state('PriceCheckout').Retry).toEqual([
      {
        ErrorEquals: [
          'Lambda.ServiceException',
          'Lambda.AWSLambdaException',
          'Lambda.SdkClientException',
          'Lambda.TooManyRequestsException',
          'ORDERS.PAYMENTS_UNAVAILABLE',
        ],
        IntervalSeconds: 1,
        MaxAttempts: 1,
      },
    ]);
  });

  it('retries starting the Checkout once when the call fails, never when the name is taken', () => {
    expect(state('StartCheckout').Retry).toEqual([
      { ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], MaxAttempts: 0 },
      { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 1 },
    ]);
  });

  it('accepts a retried request for the same checkout again, whatever its correlation id', () => {
    const describeResponse = {
      ExecutionArn: 'arn:execution',
      Input: JSON.stringify({ ...PRICED_ORDER, correlationId: 'the-first-request' }),
    };
    const existing = renderPayload(state('DescribeExistingCheckout').ResultSelector, scope(describeResponse));
    const comparison = renderPayload(
      state('CompareCheckouts').Parameters,
      scope({ order: PRICED_ORDER, checkout: existing }),
    );

    expect(state('StartCheckout').Catch).toEqual([
      {
        ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'],
        ResultPath: '$.failure',
        Next: 'DescribeExistingCheckout',
      },
    ]);
    expect(renderPayload(state('DescribeExistingCheckout').Parameters, scope({ order: PRICED_ORDER }))).toEqual({
      ExecutionArn:
        `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:execution:` +
        `\${${logicalIdOf(f.workflow.stateMachine)}.Name}:${PRICED_ORDER.orderId}`,
    });
    expect(existing).toEqual({ executionArn: 'arn:execution', input: JSON.parse(describeResponse.Input) });
    expect(state('IsSameCheckout').Choices).toEqual([
      { Variable: '$.comparison.requested', StringEqualsPath: '$.comparison.existing', Next: 'Accepted' },
    ]);
    expect((comparison as { requested: string }).requested).toBe((comparison as { existing: string }).existing);
  });

  it('refuses the same key for a different checkout with ORDERS.IDEMPOTENCY_KEY_REUSED, naming the order', () => {
    const elsewhere = { ...PRICED_ORDER, shippingAddress: { ...PRICED_ORDER.shippingAddress, city: 'Leeds' } };

    const comparison = renderPayload(
      state('CompareCheckouts').Parameters,
      scope({ order: PRICED_ORDER, checkout: { input: elsewhere } }),
    ) as {
      requested: string;
      existing: string;
    };
    expect(comparison.requested).not.toBe(comparison.existing);
    expect(state('IsSameCheckout').Default).toBe('RefuseReusedKey');
    expect(failure('RefuseReusedKey', { order: PRICED_ORDER })).toEqual({
      error: 'ORDERS.IDEMPOTENCY_KEY_REUSED',
      cause: `This Idempotency-Key already started another checkout, order ${PRICED_ORDER.orderId}. Use a new key for a new checkout.`,
    });
  });

  it('runs as an Express workflow within 25 seconds, logging every event without execution data, traced', () => {
    const resource = f.template.toJSON().Resources[logicalIdOf(f.intake.stateMachine)].Properties;

    expect(resource).toMatchObject({
      StateMachineType: 'EXPRESS',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    expect(asl.TimeoutSeconds).toBe(25);
  });
});
