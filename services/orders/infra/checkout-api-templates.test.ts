import { describe, expect, it } from 'vitest';
import {
  checkoutRequestSchema,
  checkoutResponseTemplate,
  GATEWAY_RESPONSE_BODIES,
  serviceFaultTemplate,
  startCheckoutRequestTemplate,
} from './checkout-api-templates';
import { INTAKE_ERROR_STATUS } from './checkout-intake';
import { renderVtl } from './testing/vtl';

const INTAKE_ARN = 'arn:aws:states:eu-west-2:123456789012:stateMachine:CheckoutIntake';
const CONTEXT = { requestId: 'req-1', authorizer: { claims: { sub: 'customer-ada' } } };
const BODY = {
  cartId: 'cart_1',
  shippingAddress: {
    name: "Dara O'Brien",
    line1: 'The "Old" Mill \\ Unit 2/3',
    city: 'Zürich',
    postalCode: '8001',
    country: 'CH',
  },
  payment: { token: 'tok_visa' },
  email: "dara.o'brien@example.com",
};

function startRequest(params: Record<string, string>, body: unknown = BODY) {
  const { output } = renderVtl(startCheckoutRequestTemplate(INTAKE_ARN), {
    body: JSON.stringify(body),
    params,
    context: CONTEXT,
  });
  const request = JSON.parse(output) as { stateMachineArn: string; input: string };
  return { ...request, input: JSON.parse(request.input) as Record<string, unknown> };
}

function respond(answer: Record<string, unknown>, params: Record<string, string> = {}, origins: string[] = []) {
  const result = renderVtl(checkoutResponseTemplate(INTAKE_ERROR_STATUS, origins), {
    body: JSON.stringify(answer),
    params,
    context: { requestId: 'req-1' },
  });
  return { body: JSON.parse(result.output) as unknown, ...result.context.responseOverride };
}

describe('the StartSyncExecution request template', () => {
  it('runs the intake with the body, the caller, the Idempotency-Key and the correlation id as its input', () => {
    const request = startRequest({ 'Idempotency-Key': 'key-1', 'x-correlation-id': 'corr-1' });

    expect(request).toEqual({
      stateMachineArn: INTAKE_ARN,
      input: {
        body: BODY,
        customerId: 'customer-ada',
        idempotencyKey: 'key-1',
        requestId: 'req-1',
        correlationId: 'corr-1',
      },
    });
  });

  it('takes API Gateway’s request id as the correlation id when the caller sends none', () => {
    const request = startRequest({ 'Idempotency-Key': 'key-1' });

    expect(request.input.correlationId).toBe('req-1');
  });

  it('keeps quotes, apostrophes, backslashes and non-ASCII in headers and body exactly as sent', () => {
    const key = `k"e'y\\/~1`;

    const request = startRequest({ 'Idempotency-Key': key, 'x-correlation-id': 'c"1' });

    expect(request.input).toMatchObject({ body: BODY, idempotencyKey: key, correlationId: 'c"1' });
  });

  it('lets no header break out of its field into another one', () => {
    const request = startRequest({ 'Idempotency-Key': 'k","customerId":"mallory' });

    expect(request.input.customerId).toBe('customer-ada');
    expect(request.input.idempotencyKey).toBe('k","customerId":"mallory');
  });
});

describe('the checkout response template', () => {
  it('answers a started checkout 202 with the order, where to follow it, and its Location', () => {
    const output = JSON.stringify({ orderId: 'ord_1', executionArn: 'arn:aws:states:…:execution:Checkout:ord_1' });

    const response = respond({ status: 'SUCCEEDED', output });

    expect(response.body).toEqual({ orderId: 'ord_1', status: 'PENDING', links: { self: '/orders/ord_1' } });
    expect(response.status).toBeUndefined();
    expect(response.header).toEqual({ Location: '/orders/ord_1' });
  });

  it('answers every refusal with its status, its code and its message', () => {
    const refusals = Object.entries(INTAKE_ERROR_STATUS).filter(([, status]) => status < 500);

    for (const [code, status] of refusals) {
      const response = respond({ status: 'FAILED', error: code, cause: `The "cart" isn't yours` });

      expect(response.status, code).toBe(status);
      expect(response.body, code).toEqual({ error: { code, message: `The "cart" isn't yours` } });
    }
    expect(respond({ status: 'FAILED', error: 'ORDERS.IDEMPOTENCY_KEY_REUSED', cause: 'x' }).status).toBe(409);
    expect(respond({ status: 'FAILED', error: 'ORDERS.EMPTY_CART', cause: 'x' }).status).toBe(422);
  });

  it('answers a 5xx refusal and any unknown error with a generic message and the correlation id', () => {
    const unavailable = respond({ status: 'FAILED', error: 'ORDERS.PAYMENTS_UNAVAILABLE', cause: 'sandbox down' });
    const timedOut = respond(
      { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'stack trace' },
      { 'x-correlation-id': 'corr-9' },
    );

    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toEqual({
      error: {
        code: 'ORDERS.PAYMENTS_UNAVAILABLE',
        message: 'Something went wrong on our side. If you contact us, quote the correlation id.',
        correlationId: 'req-1',
      },
    });
    expect(timedOut.status).toBe(500);
    expect(timedOut.body).toMatchObject({ error: { code: 'INTERNAL', correlationId: 'corr-9' } });
    expect(JSON.stringify(timedOut.body)).not.toContain('stack trace');
  });

  it('allows the response to be read by an allowed origin, and only by one', () => {
    const started = { status: 'SUCCEEDED', output: JSON.stringify({ orderId: 'ord_1' }) };
    const origins = ['https://shop.example', 'https://staging.shop.example'];

    const allowed = respond(started, { Origin: 'https://staging.shop.example' }, origins);
    const other = respond(started, { Origin: 'https://evil.example' }, origins);

    expect(allowed.header['Access-Control-Allow-Origin']).toBe('https://staging.shop.example');
    expect(other.header['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('answers a refused call to Step Functions itself with a generic fault', () => {
    const { output } = renderVtl(serviceFaultTemplate(), {
      body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }),
      context: { requestId: 'req-1' },
    });

    expect(JSON.parse(output)).toEqual({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side. If you contact us, quote the correlation id.',
        correlationId: 'req-1',
      },
    });
  });
});

describe('the gateway responses', () => {
  it('say which required parameter is missing, from the error message API Gateway gives', () => {
    const context = { error: { messageString: '"Missing required request parameters: [Idempotency-Key]"' } };

    const body = JSON.parse(renderVtl(GATEWAY_RESPONSE_BODIES.BAD_REQUEST_PARAMETERS, { context }).output) as unknown;

    expect(body).toEqual({
      error: { code: 'REQUEST.INVALID', message: 'Missing required request parameters: [Idempotency-Key]' },
    });
  });

  it('answer API Gateway’s own refusals in the same error shape', () => {
    const context = {
      requestId: 'req-1',
      error: {
        validationErrorString: 'Missing required request parameters: [Idempotency-Key]',
        messageString: '"Unauthorized"',
      },
    };

    const bodies = Object.fromEntries(
      Object.entries(GATEWAY_RESPONSE_BODIES).map(([type, template]) => [
        type,
        JSON.parse(renderVtl(template, { context }).output) as unknown,
      ]),
    );

    expect(bodies).toEqual({
      BAD_REQUEST_BODY: { error: { code: 'REQUEST.INVALID', message: context.error.validationErrorString } },
      BAD_REQUEST_PARAMETERS: { error: { code: 'REQUEST.INVALID', message: 'Unauthorized' } },
      UNAUTHORIZED: { error: { code: 'AUTH.UNAUTHORIZED', message: 'Unauthorized' } },
      DEFAULT_4XX: { error: { code: 'REQUEST.REJECTED', message: 'Unauthorized' } },
      DEFAULT_5XX: {
        error: {
          code: 'INTERNAL',
          message: 'Something went wrong on our side. If you contact us, quote the correlation id.',
          correlationId: 'req-1',
        },
      },
    });
    for (const template of Object.values(GATEWAY_RESPONSE_BODIES)) expect(template).not.toMatch(/#(if|set|foreach)/);
  });
});

describe('the request model', () => {
  it('is the domain’s checkout schema in draft 4, without the keywords API Gateway refuses', () => {
    const schema = checkoutRequestSchema();

    const text = JSON.stringify(schema);
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(schema.required).toEqual(['cartId', 'shippingAddress', 'email', 'payment']);
    expect(schema.additionalProperties).toBe(false);
    expect(text).not.toMatch(/"pii"|"piiCategory"/);
    expect(schema).toMatchObject({
      properties: {
        payment: { required: ['token'], properties: { token: { pattern: '^tok_[A-Za-z0-9_-]{1,64}$' } } },
        shippingAddress: { required: ['name', 'line1', 'city', 'postalCode', 'country'] },
      },
    });
  });
});
