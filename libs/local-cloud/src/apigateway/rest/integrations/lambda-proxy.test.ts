import { APIGatewayProxyEventSchema } from '@aws-lambda-powertools/parser/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeLambda, functionArn } from '../../test-support';
import { aRestApi, pathResource, resourceRef, restMethod, startRestHarness } from '../test-support';

let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

const proxy = (fn: string) => ({
  Type: 'AWS_PROXY',
  IntegrationHttpMethod: 'POST',
  Uri: `arn:aws:apigateway:eu-west-2:lambda:path/2015-03-31/functions/${functionArn(fn)}/invocations`,
});

async function serve(lambda: FakeLambda, api = {}): Promise<string> {
  const resources = [
    ...aRestApi(api, { Variables: { env: 'dev' } }),
    pathResource('orders'),
    pathResource('{orderId}', resourceRef('orders')),
    restMethod('POST', resourceRef('{orderId}'), proxy('orders')),
  ];
  const harness = await startRestHarness(resources, { lambda });
  close = () => harness.close();
  return harness.url;
}

describe('Lambda proxy methods', () => {
  it('invoke the function with the REST API event, which Powertools parses', async () => {
    const lambda = new FakeLambda({ orders: () => ({ statusCode: 201, body: '{"ok":true}' }) });
    const url = await serve(lambda);

    const response = await fetch(`${url}/orders/o-1?expand=lines&expand=total`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 't-1' },
      body: '{"a":1}',
    });

    const event = lambda.lastEvent;
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(APIGatewayProxyEventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      resource: '/orders/{orderId}',
      path: '/orders/o-1',
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 't-1' },
      queryStringParameters: { expand: 'total' },
      multiValueQueryStringParameters: { expand: ['lines', 'total'] },
      pathParameters: { orderId: 'o-1' },
      stageVariables: { env: 'dev' },
      requestContext: {
        path: '/prod/orders/o-1',
        resourcePath: '/orders/{orderId}',
        stage: 'prod',
        httpMethod: 'POST',
      },
      body: '{"a":1}',
      isBase64Encoded: false,
    });
  });

  it("base64-encodes a body whose content type is one of the API's binary media types", async () => {
    const lambda = new FakeLambda({ orders: () => ({ statusCode: 200, body: '' }) });
    const url = await serve(lambda, { BinaryMediaTypes: ['image/*'] });

    await fetch(`${url}/orders/o-1`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0xff, 0x00]),
    });

    expect(lambda.lastEvent).toMatchObject({ body: '/wA=', isBase64Encoded: true });
  });

  it('answers 502 Internal server error when the function answers without a statusCode', async () => {
    const url = await serve(new FakeLambda({ orders: () => ({ body: 'no status' }) }));

    const response = await fetch(`${url}/orders/o-1`, { method: 'POST' });

    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
  });
});
