import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject, ResolvedResource } from '../../core/contracts';
import { ACCOUNT_ID, anHttpApi, apiResource, REGION, startApiHarness, startRecordingService, type ApiHarness, type RecordedRequest } from '../test-support';

const STATE_MACHINE = `arn:aws:states:${REGION}:${ACCOUNT_ID}:stateMachine:Checkout`;
const ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/ApiCheckoutRole`;

/** A direct service integration and its route, as CDK's HttpStepFunctionsIntegration & co. synthesize them. */
function serviceRoute(routeKey: string, subtype: string, requestParameters: JsonObject): ResolvedResource[] {
  return [
    apiResource('Integration', 'ServiceIntegration', { IntegrationType: 'AWS_PROXY', IntegrationSubtype: subtype, PayloadFormatVersion: '1.0', CredentialsArn: ROLE, RequestParameters: requestParameters }),
    apiResource('Route', 'ServiceRoute', { RouteKey: routeKey, Target: 'integrations/ServiceIntegration', AuthorizationType: 'NONE' }),
  ];
}

let harness: ApiHarness | undefined;
let service: Awaited<ReturnType<typeof startRecordingService>> | undefined;
afterEach(async () => {
  await harness?.close();
  await service?.close();
  harness = undefined;
  service = undefined;
});

async function serve(resources: ResolvedResource[], reply: (request: RecordedRequest) => { status: number; body: JsonObject }) {
  service = await startRecordingService(reply);
  harness = await startApiHarness([...anHttpApi(), ...resources], { servicesUrl: service.url });
  return { url: harness.url(), requests: service.requests };
}

const checkoutParameters = { StateMachineArn: STATE_MACHINE, Input: '$request.body', Name: '$request.header.idempotency-key' };

describe('StepFunctions-StartExecution', () => {
  it('starts the execution with the mapped Input and Name through the Step Functions API', async () => {
    const { url, requests } = await serve(serviceRoute('POST /checkout', 'StepFunctions-StartExecution', checkoutParameters), () => ({
      status: 200,
      body: { executionArn: `${STATE_MACHINE.replace('stateMachine', 'execution')}:k-42`, startDate: 1735689600.5 },
    }));

    const response = await fetch(`${url}/checkout`, { method: 'POST', headers: { 'idempotency-key': 'k-42', 'content-type': 'application/json' }, body: '{"cartId":"c-1"}' });

    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers['x-amz-target']).toBe('AWSStepFunctions.StartExecution');
    expect(requests[0]?.headers.authorization).toContain(`/${REGION}/states/aws4_request`);
    expect(requests[0]?.body).toEqual({ stateMachineArn: STATE_MACHINE, input: '{"cartId":"c-1"}', name: 'k-42' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ executionArn: `arn:aws:states:${REGION}:${ACCOUNT_ID}:execution:Checkout:k-42`, startDate: 1735689600.5 });
  });

  it("passes the service's error status and message on, as for a retried checkout", async () => {
    const { url } = await serve(serviceRoute('POST /checkout', 'StepFunctions-StartExecution', checkoutParameters), () => ({
      status: 400,
      body: { __type: 'ExecutionAlreadyExists', message: 'Execution Already Exists' },
    }));

    const response = await fetch(`${url}/checkout`, { method: 'POST', headers: { 'idempotency-key': 'k-42' }, body: '{}' });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'ExecutionAlreadyExists', message: 'Execution Already Exists' });
  });

  it('answers 500 when the service cannot be reached', async () => {
    harness = await startApiHarness([...anHttpApi(), ...serviceRoute('POST /checkout', 'StepFunctions-StartExecution', checkoutParameters)], { servicesUrl: 'http://127.0.0.1:9' });

    const response = await fetch(`${harness.url()}/checkout`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });
});

describe('StepFunctions-StartSyncExecution', () => {
  it("returns the execution's result with its dates in epoch seconds", async () => {
    const { url, requests } = await serve(serviceRoute('POST /quote', 'StepFunctions-StartSyncExecution', { StateMachineArn: STATE_MACHINE, Input: '$request.body' }), () => ({
      status: 200,
      body: { executionArn: 'arn:exec', stateMachineArn: STATE_MACHINE, status: 'SUCCEEDED', output: '{"total":500}', startDate: 1735689600, stopDate: 1735689601 },
    }));

    const response = await fetch(`${url}/quote`, { method: 'POST', body: '{"sku":"a"}' });

    expect(requests[0]?.headers['x-amz-target']).toBe('AWSStepFunctions.StartSyncExecution');
    expect(await response.json()).toMatchObject({ status: 'SUCCEEDED', output: '{"total":500}', startDate: 1735689600, stopDate: 1735689601 });
  });
});

describe('EventBridge-PutEvents', () => {
  it('puts one entry built from the body and answers with the PutEvents result', async () => {
    const parameters = { Source: '$request.body.source', DetailType: '$request.body.type', Detail: '$request.body.detail', EventBusName: 'shop' };
    const { url, requests } = await serve(serviceRoute('POST /events', 'EventBridge-PutEvents', parameters), () => ({ status: 200, body: { Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 } }));

    const response = await fetch(`${url}/events`, { method: 'POST', body: JSON.stringify({ source: 'shop.web', type: 'Cart.Viewed', detail: { cartId: 'c-1' } }) });

    expect(requests[0]?.body).toEqual({ Entries: [{ Source: 'shop.web', DetailType: 'Cart.Viewed', Detail: '{"cartId":"c-1"}', EventBusName: 'shop' }] });
    expect(await response.json()).toEqual({ Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 });
  });
});

describe('SQS-SendMessage', () => {
  it('sends the mapped message and answers with the SendMessage result', async () => {
    const queueUrl = `http://127.0.0.1/${ACCOUNT_ID}/orders`;
    const parameters = { QueueUrl: queueUrl, MessageBody: '$request.body', MessageGroupId: '$request.querystring.group' };
    const { url, requests } = await serve(serviceRoute('POST /orders', 'SQS-SendMessage', parameters), (request) => ({
      status: 200,
      body: { MessageId: 'm-1', MD5OfMessageBody: createHash('md5').update(String(request.body.MessageBody)).digest('hex') },
    }));

    const response = await fetch(`${url}/orders?group=g-1`, { method: 'POST', body: '{"orderId":"o-1"}' });

    expect(requests[0]?.body).toMatchObject({ QueueUrl: queueUrl, MessageBody: '{"orderId":"o-1"}', MessageGroupId: 'g-1' });
    expect(await response.json()).toMatchObject({ SendMessageResponse: { SendMessageResult: { MessageId: 'm-1' } } });
  });
});
