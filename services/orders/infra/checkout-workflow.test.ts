import { beforeAll, describe, expect, it } from 'vitest';
import { type Asl, type AslState, happyPath, reachableFrom } from './testing/asl';
import { CHECKOUT_CONTEXT, PRICED_ORDER } from './testing/checkout-samples';
import { checkoutStack } from './testing/checkout-stack';
import { renderPayload } from './testing/payload';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Fixture = ReturnType<typeof checkoutStack>;
const scope = (input: unknown = PRICED_ORDER) => ({ input, context: CHECKOUT_CONTEXT });
const STEPS_UNTIL_CONFIRMED = [
  'ReserveStock',
  'MarkStockReserved',
  'AuthorizePayment',
  'MarkPaymentAuthorized',
  'ConfirmOrder',
];

describe('CheckoutWorkflow', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let f: Fixture;
  let asl: Asl;
  const state = (name: string): AslState => {
    const found = asl.States[name];
    if (found === undefined) throw new Error(`No state ${name}`);
    return found;
  };
  const connectionId = () => Object.keys(f.template.findResources('AWS::Events::Connection'))[0] as string;

  beforeAll(() => {
    f = checkoutStack();
    asl = f.asl(f.workflow);
  }, SYNTH_TIMEOUT_MS);

  it('saves the order, reserves stock, authorizes the payment and confirms, in that order', () => {
    expect(happyPath(asl)).toEqual(['SaveOrder', ...STEPS_UNTIL_CONFIRMED, 'PublishOrderConfirmed', 'Confirmed']);
  });

  it('compensates a failure of every step after SaveOrder until the order is confirmed, whatever the error', () => {
    for (const name of STEPS_UNTIL_CONFIRMED) {
      const catches = state(name).Catch ?? [];

      expect(catches.at(-1)?.ErrorEquals, name).toEqual(['States.ALL']);
      for (const handler of catches) {
        expect(handler.ResultPath, name).toBe('$.failure');
        expect(reachableFrom(asl, handler.Next).has('Compensate'), `${name} → ${handler.Next}`).toBe(true);
      }
    }
  });

  it('ends every path in Confirmed or Cancelled, never in a Fail state', () => {
    const ends = Object.entries(asl.States).filter(([, s]) => s.Type === 'Succeed' || s.Type === 'Fail');

    expect(ends.map(([name, s]) => `${name}:${s.Type}`).sort()).toEqual(['Cancelled:Succeed', 'Confirmed:Succeed']);
    expect(reachableFrom(asl, 'Compensate')).not.toContain('Confirmed');
  });

  it('does not compensate a confirmed order: publishing the confirmation is retried, never caught', () => {
    const publish = state('PublishOrderConfirmed');

    expect(publish.Catch).toBeUndefined();
    expect(publish.Retry).toEqual([
      {
        ErrorEquals: ['States.TaskFailed'],
        IntervalSeconds: 2,
        BackoffRate: 2,
        MaxDelaySeconds: 60,
        MaxAttempts: 8,
        JitterStrategy: 'FULL',
      },
    ]);
  });

  it('names the reason of each cancellation by the failure that caused it', () => {
    const cancellation = (from: string, error: string, cause = 'Only 1 of MUG-ENAMEL-BLU is available') => {
      const handler = state(from).Catch?.find((c) => c.ErrorEquals.includes(error))?.Next as string;
      return renderPayload(state(handler).Parameters, scope({ failure: { Error: error, Cause: cause } }));
    };

    expect(cancellation('ReserveStock', 'Inventory.StockReservationFailed')).toEqual({
      reasonCode: 'OUT_OF_STOCK',
      reason: 'Only 1 of MUG-ENAMEL-BLU is available',
    });
    expect(cancellation('ReserveStock', 'States.Timeout')).toEqual({
      reasonCode: 'CHECKOUT_TIMED_OUT',
      reason: 'Stock was not reserved within 5 minutes.',
    });
    expect(cancellation('AuthorizePayment', 'States.Http.StatusCode.402')).toEqual({
      reasonCode: 'PAYMENT_DECLINED',
      reason: 'The card was declined.',
    });
    expect(cancellation('AuthorizePayment', 'States.ALL')).toEqual({
      reasonCode: 'PAYMENT_FAILED',
      reason: 'The payment could not be authorized: States.ALL.',
    });
    expect(cancellation('ConfirmOrder', 'States.ALL')).toEqual({
      reasonCode: 'CHECKOUT_TIMED_OUT',
      reason: 'Checkout stopped: States.ALL.',
    });
  });

  it('voids the payment before cancelling only when one was authorized', () => {
    const compensate = state('Compensate');

    expect(compensate.Choices).toEqual([{ Variable: '$.authorization.id', IsPresent: true, Next: 'VoidPayment' }]);
    expect(compensate.Default).toBe('CancelOrder');
    expect(state('VoidPayment').Next).toBe('CancelOrder');
    expect(happyPath({ ...asl, StartAt: 'CancelOrder' })).toEqual([
      'CancelOrder',
      'PublishOrderCancelled',
      'Cancelled',
    ]);
  });

  it('retries transient DynamoDB errors, but never a failed condition', () => {
    for (const name of ['SaveOrder', 'MarkStockReserved', 'ConfirmOrder', 'CancelOrder']) {
      const [never, transient] = state(name).Retry ?? [];

      expect(never, name).toEqual({ ErrorEquals: ['DynamoDB.ConditionalCheckFailedException'], MaxAttempts: 0 });
      expect(transient, name).toMatchObject({ ErrorEquals: ['States.TaskFailed'], JitterStrategy: 'FULL' });
    }
  });

  it('logs errors without execution data, traces, and gives up on an execution after 30 minutes', () => {
    const resource = f.template.toJSON().Resources[logicalIdOf(f.workflow.stateMachine)].Properties;

    expect(resource).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: false },
    });
    expect(asl.TimeoutSeconds).toBe(1800);
  });

  it('keeps the sandbox API key in the connection, sent as x-api-key', () => {
    const connection = f.template.toJSON().Resources[connectionId()].Properties;

    expect(connection.AuthorizationType).toBe('API_KEY');
    expect(connection.AuthParameters.ApiKeyAuthParameters.ApiKeyName).toBe('x-api-key');
    expect(JSON.stringify(connection.AuthParameters.ApiKeyAuthParameters.ApiKeyValue)).toContain(
      `{{resolve:secretsmanager:`,
    );
  });
});
