import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../core/contracts';
import { startRecordingService } from '../../test-support';
import { aRestApi, awsIntegration, pathResource, resourceRef, restMethod, startRestHarness } from '../test-support';

const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const START = `{"stateMachineArn": "arn:aws:states:eu-west-2:123456789012:stateMachine:Checkout", "name": "$input.params('Idempotency-Key')", "input": "$util.escapeJavaScript($input.json('$'))"}`;
const responses: JsonObject[] = [
  { StatusCode: '202', ResponseTemplates: { 'application/json': `{"executionArn": "$input.path('$.executionArn')"}` } },
  {
    StatusCode: '400',
    SelectionPattern: '4\\d{2}',
    ResponseTemplates: { 'application/json': `{"error": "$input.path('$.__type')"}` },
  },
];

async function serveCheckout(servicesUrl: string, integration: JsonObject = {}): Promise<string> {
  const method = restMethod(
    'POST',
    resourceRef('checkout'),
    awsIntegration('states', 'StartExecution', {
      RequestTemplates: { 'application/json': START },
      IntegrationResponses: responses,
      ...integration,
    }),
  );
  const harness = await startRestHarness([...aRestApi(), pathResource('checkout'), method], { servicesUrl });
  closers.push(() => harness.close());
  return harness.url;
}

async function recording(reply: Parameters<typeof startRecordingService>[0]) {
  const service = await startRecordingService(reply);
  closers.push(() => service.close());
  return service;
}

const checkout = (url: string) =>
  fetch(`${url}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': 'k-1' },
    body: '{"sku":"TEE"}',
  });

describe('AWS integrations', () => {
  it('sends the rendered template as the body of the service action, signed for the service', async () => {
    const service = await recording(() => ({ status: 200, body: { executionArn: 'arn:exec:1', startDate: 1.7e9 } }));
    const url = await serveCheckout(service.url);

    const response = await checkout(url);

    const [request] = service.requests;
    expect(request?.headers['x-amz-target']).toBe('AWSStepFunctions.StartExecution');
    expect(request?.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/eu-west-2\/states\/aws4_request/,
    );
    expect(request?.body).toEqual({
      stateMachineArn: 'arn:aws:states:eu-west-2:123456789012:stateMachine:Checkout',
      name: 'k-1',
      input: '{"sku":"TEE"}',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ executionArn: 'arn:exec:1' });
  });

  it("maps the service's error through the integration response its status selects", async () => {
    const service = await recording(() => ({
      status: 400,
      body: { __type: 'ExecutionAlreadyExists', message: 'Execution Already Exists' },
    }));
    const url = await serveCheckout(service.url);

    const response = await checkout(url);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'ExecutionAlreadyExists' });
  });

  it('refuses a content type without a template when passthrough is NEVER, without calling the service', async () => {
    const service = await recording(() => ({ status: 200, body: {} }));
    const url = await serveCheckout(service.url, { PassthroughBehavior: 'NEVER' });

    const response = await fetch(`${url}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });

    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ message: 'Unsupported Media Type' });
    expect(service.requests).toHaveLength(0);
  });

  it('answers 400 when the template reads a request body that is not JSON', async () => {
    const service = await recording(() => ({ status: 200, body: {} }));
    const url = await serveCheckout(service.url);

    const response = await fetch(`${url}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"sku":',
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^Could not parse request body into json: /,
    );
  });

  it('answers 504 Endpoint request timed out past the integration timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          silent.closeAllConnections();
          silent.close(() => resolve());
        }),
    );
    const url = await serveCheckout(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, {
      TimeoutInMillis: 50,
    });

    const response = await checkout(url);

    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ message: 'Endpoint request timed out' });
  });
});
