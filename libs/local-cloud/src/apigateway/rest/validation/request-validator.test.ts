import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject, ResolvedResource } from '../../../core/contracts';
import { aRestApi, pathResource, resourceRef, restMethod, restResource, startRestHarness } from '../test-support';

let harness: Awaited<ReturnType<typeof startRestHarness>> | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const ORDER_MODEL = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      items: { $ref: 'https://apigateway.amazonaws.com/restapis/r1s2t3a4p5/models/Line' },
    },
  },
};
const LINE_MODEL = {
  type: 'object',
  required: ['sku'],
  properties: { sku: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
};

const checkout = (validator: JsonObject, method: JsonObject = {}): ResolvedResource[] => [
  restResource('Model', 'Order', { ContentType: 'application/json', Schema: ORDER_MODEL }),
  restResource('Model', 'Line', { ContentType: 'application/json', Schema: JSON.stringify(LINE_MODEL) }),
  restResource('RequestValidator', 'Validator', validator),
  pathResource('checkout'),
  restMethod(
    'POST',
    resourceRef('checkout'),
    {},
    {
      RequestValidatorId: 'Validator',
      RequestParameters: {
        'method.request.header.Idempotency-Key': true,
        'method.request.querystring.channel': true,
        'method.request.querystring.coupon': false,
      },
      RequestModels: { 'application/json': 'Order' },
      ...method,
    },
  ),
];

async function post(
  resources: ResolvedResource[],
  body: unknown,
  headers: Record<string, string> = { 'Idempotency-Key': 'k-1' },
  query = '?channel=web',
): Promise<Response> {
  harness = await startRestHarness([...aRestApi(), ...resources]);
  return fetch(`${harness.url}/checkout${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('request validation', () => {
  it('lets a request with its parameters and a valid body through', async () => {
    const response = await post(checkout({ ValidateRequestParameters: true, ValidateRequestBody: true }), {
      items: [{ sku: 'TEE', quantity: 1 }],
    });

    expect(response.status).toBe(200);
  });

  it('names every missing required parameter, as AWS words it', async () => {
    const response = await post(checkout({ ValidateRequestParameters: true }), {}, {}, '');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: 'Missing required request parameters: [Idempotency-Key, channel]',
    });
  });

  it('refuses a body its model refuses, models it references included', async () => {
    const response = await post(checkout({ ValidateRequestBody: true }), { items: [{ quantity: 0 }] });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Invalid request body' });
  });

  it('refuses a body that is not JSON', async () => {
    harness = await startRestHarness([...aRestApi(), ...checkout({ ValidateRequestBody: true })]);

    const response = await fetch(`${harness.url}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"items": [',
    });

    expect(response.status).toBe(400);
  });

  it('checks nothing the validator does not enable', async () => {
    const response = await post(
      checkout({ ValidateRequestBody: false, ValidateRequestParameters: false }),
      'anything',
      {},
      '',
    );

    expect(response.status).toBe(200);
  });

  it("answers with the API's gateway response for the failure, $context.error variables included", async () => {
    const custom = restResource('GatewayResponse', 'BadBody', {
      ResponseType: 'BAD_REQUEST_BODY',
      StatusCode: '422',
      ResponseParameters: {
        'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
        'gatewayresponse.header.X-Key': 'method.request.header.Idempotency-Key',
      },
      ResponseTemplates: {
        'application/json':
          '{"message": $context.error.messageString, "type": "$context.error.responseType", "details": "$context.error.validationErrorString"}',
      },
    });

    const response = await post([...checkout({ ValidateRequestBody: true }), custom], { items: [{ sku: 7 }] });

    expect(response.status).toBe(422);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-key')).toBe('k-1');
    expect(await response.json()).toEqual({
      message: 'Invalid request body',
      type: 'BAD_REQUEST_BODY',
      details:
        '[instance type (integer) does not match any allowed primitive type (allowed: ["string"]) at /items/0/sku]',
    });
  });

  it('applies DEFAULT_4XX, its status code included, to the 4xx responses without a customization of their own', async () => {
    const default4xx = restResource('GatewayResponse', 'Default4xx', {
      ResponseType: 'DEFAULT_4XX',
      StatusCode: '418',
      ResponseParameters: { 'gatewayresponse.header.X-Shop': "'yes'" },
    });

    const response = await post([...checkout({ ValidateRequestParameters: true }), default4xx], {}, {}, '');

    expect(response.status).toBe(418);
    expect(response.headers.get('x-shop')).toBe('yes');
    expect(await response.json()).toEqual({
      message: 'Missing required request parameters: [Idempotency-Key, channel]',
    });
  });
});
