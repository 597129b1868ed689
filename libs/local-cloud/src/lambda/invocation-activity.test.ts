import { describe, expect, it } from 'vitest';
import type { Json } from '../core/contracts';
import { correlationIdsOf, invocationActivity, triggerOf } from './invocation-activity';

const QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:placed-orders';
const STREAM_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-01-01T00:00:00.000';
const anEvent = (correlationId: string) => ({ id: `e-${correlationId}`, source: 'shop.orders', 'detail-type': 'Order.OrderPlaced', detail: { metadata: { correlation_id: correlationId }, data: {} } });
const sqsRecord = (body: Json) => ({ messageId: 'm-1', eventSource: 'aws:sqs', eventSourceARN: QUEUE_ARN, body: JSON.stringify(body) });
const apiEvent = (headers: Record<string, string>) => ({ version: '2.0', routeKey: 'POST /orders', headers, requestContext: { apiId: 'a1b2c3d4e5', requestId: 'r-1' } });

describe('triggerOf', () => {
  it('names the queue of an SQS batch and the stream of a DynamoDB batch', () => {
    const sqs = triggerOf({ Records: [sqsRecord({})] }, 'port-sync');
    const stream = triggerOf({ Records: [{ eventSource: 'aws:dynamodb', eventSourceARN: STREAM_ARN }] }, 'port-sync');

    expect(sqs).toEqual({ trigger: 'sqs', triggerSource: QUEUE_ARN });
    expect(stream).toEqual({ trigger: 'dynamodb-stream', triggerSource: STREAM_ARN });
  });

  it('names the API and route of an HTTP API request, in either payload format', () => {
    const v2 = triggerOf(apiEvent({}), 'port-sync');
    const v1 = triggerOf({ version: '1.0', httpMethod: 'GET', resource: '/orders/{id}', requestContext: { apiId: 'a1b2c3d4e5' } }, 'port-sync');

    expect(v2).toEqual({ trigger: 'apigateway', triggerSource: 'a1b2c3d4e5 POST /orders' });
    expect(v1).toEqual({ trigger: 'apigateway', triggerSource: 'a1b2c3d4e5 GET /orders/{id}' });
  });

  it('takes any asynchronous call from another service for an EventBridge target, transformed input included', () => {
    const whole = triggerOf(anEvent('c-1'), 'port-async');
    const transformed = triggerOf({ cartId: 'cart-7' }, 'port-async');

    expect(whole).toEqual({ trigger: 'eventbridge' });
    expect(transformed).toEqual({ trigger: 'eventbridge' });
  });

  it('takes a synchronous call with a free-form payload, even a whole event, for a Step Functions task', () => {
    const task = triggerOf({ correlationId: 'c-1', orderId: 'o-1' }, 'port-sync');
    const eventAsInput = triggerOf(anEvent('c-1'), 'port-sync');

    expect(task).toEqual({ trigger: 'stepfunctions' });
    expect(eventAsInput).toEqual({ trigger: 'stepfunctions' });
  });

  it('recognises Cognito triggers, destination records and calls of the Invoke API', () => {
    const cognito = triggerOf({ version: '1', triggerSource: 'PreSignUp_SignUp', userPoolId: 'us-east-1_abc' }, 'port-sync');
    const destination = triggerOf({ requestContext: { functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST' }, requestPayload: {} }, 'port-async');
    const direct = triggerOf({ Records: [sqsRecord({})] }, 'invoke-api');

    expect(cognito).toEqual({ trigger: 'cognito', triggerSource: 'us-east-1_abc PreSignUp_SignUp' });
    expect(destination).toEqual({ trigger: 'invoke', triggerSource: 'arn:aws:lambda:us-east-1:000000000000:function:f:$LATEST' });
    expect(direct).toEqual({ trigger: 'invoke' });
  });
});

describe('correlationIdsOf', () => {
  it("reads an event's detail.metadata.correlation_id and each SQS record whose body is such an event", () => {
    const event = correlationIdsOf(anEvent('c-1'));
    const batch = correlationIdsOf({ Records: [sqsRecord(anEvent('c-1')), sqsRecord(anEvent('c-2')), sqsRecord(anEvent('c-1')), { body: 'not json' }] });

    expect(event).toEqual(['c-1']);
    expect(batch).toEqual(['c-1', 'c-2']);
  });

  it('reads the x-correlation-id request header in any case, else the one the function answered with', () => {
    const fromRequest = correlationIdsOf(apiEvent({ 'X-Correlation-Id': 'c-header' }));
    const fromResponse = correlationIdsOf(apiEvent({}), { statusCode: 201, headers: { 'x-correlation-id': 'c-answered' } });

    expect(fromRequest).toEqual(['c-header']);
    expect(fromResponse).toEqual(['c-answered']);
  });

  it('reads a workflow input carrying correlationId or metadata.correlation_id', () => {
    const camel = correlationIdsOf({ correlationId: 'c-1', orderId: 'o-1' });
    const metadata = correlationIdsOf({ metadata: { correlation_id: 'c-2' }, data: {} });

    expect(camel).toEqual(['c-1']);
    expect(metadata).toEqual(['c-2']);
  });

  it('ignores values that are not plain tokens, so a crafted header cannot forge a line of the console', () => {
    const ids = correlationIdsOf(apiEvent({ 'x-correlation-id': 'c-1\nforged' }));

    expect(ids).toEqual([]);
  });
});

describe('invocationActivity', () => {
  it('reports a cold start with its init time, and the batch items a consumer failed', () => {
    const result = { ok: true as const, payload: '{"batchItemFailures":[{"itemIdentifier":"m-1"}]}', requestId: 'r-1', executedVersion: '$LATEST', log: '', durationMs: 12.345, initMs: 210.5 };

    const activity = invocationActivity({ functionName: 'Consumer', entry: 'port-sync', payload: { Records: [sqsRecord(anEvent('c-1'))] }, startedAt: new Date('2026-01-01T10:00:00.000Z'), result });

    expect(activity).toEqual({
      type: 'invocation',
      functionName: 'Consumer',
      requestId: 'r-1',
      trigger: 'sqs',
      triggerSource: QUEUE_ARN,
      startedAt: '2026-01-01T10:00:00.000Z',
      durationMs: 12.35,
      coldStart: true,
      initMs: 210.5,
      outcome: 'ok',
      batchItemFailures: ['m-1'],
      correlationIds: ['c-1'],
    });
  });

  it('reports a failed warm invocation with its error type and message', () => {
    const result = { ok: false as const, error: { errorType: 'PaymentDeclined', errorMessage: 'card refused' }, requestId: 'r-2', executedVersion: '$LATEST', log: '', durationMs: 3 };

    const activity = invocationActivity({ functionName: 'Charge', entry: 'port-sync', payload: { correlationId: 'c-9' }, startedAt: new Date(), result });

    expect(activity).toMatchObject({ trigger: 'stepfunctions', coldStart: false, outcome: 'error', error: 'PaymentDeclined: card refused', correlationIds: ['c-9'] });
    expect(activity).not.toHaveProperty('initMs');
  });
});
