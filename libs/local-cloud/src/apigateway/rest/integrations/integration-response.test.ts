import { describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../http/api-response';
import type { IntegrationResponse } from '../model/rest-api';
import { aMethodContext } from '../test-support';
import { methodResponse, selectIntegrationResponse } from './integration-response';

const ok: IntegrationResponse = { statusCode: 202, templates: {}, parameters: {} };
const clientError: IntegrationResponse = {
  statusCode: 400,
  selectionPattern: '4\\d{2}',
  templates: {},
  parameters: {},
};
const conflict: IntegrationResponse = { statusCode: 409, selectionPattern: '409', templates: {}, parameters: {} };
const serviceAnswer = (statusCode: number, body: object, headers: Record<string, string> = {}): ApiResponse => ({
  statusCode,
  headers,
  body: Buffer.from(JSON.stringify(body)),
});

describe('selectIntegrationResponse', () => {
  it('takes the default response (no pattern) when no pattern matches the status', () => {
    expect(selectIntegrationResponse([clientError, ok], 200)).toBe(ok);
  });

  it('takes the first response whose pattern matches the whole status code', () => {
    expect(selectIntegrationResponse([conflict, clientError, ok], 409)).toBe(conflict);
    expect(selectIntegrationResponse([clientError, ok], 404)).toBe(clientError);
  });

  it('does not match a pattern against part of the status', () => {
    expect(selectIntegrationResponse([{ ...clientError, selectionPattern: '4' }, ok], 400)).toBe(ok);
  });

  it('finds nothing when no pattern matches and there is no default', () => {
    expect(selectIntegrationResponse([clientError], 500)).toBeUndefined();
  });
});

describe('methodResponse', () => {
  it("renders the response template over the service's body, with the selected status", () => {
    const selected = {
      ...ok,
      templates: { 'application/json': `{"id": "$input.path('$.executionArn')", "request": "$context.requestId"}` },
    };
    const ctx = aMethodContext();

    const response = methodResponse(selected, serviceAnswer(200, { executionArn: 'arn:1' }), ctx);

    expect(response.statusCode).toBe(202);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body.toString())).toEqual({ id: 'arn:1', request: ctx.request.requestId });
  });

  it('passes the body through when the response has no template', () => {
    const response = methodResponse(ok, serviceAnswer(200, { raw: true }), aMethodContext());

    expect(JSON.parse(response.body.toString())).toEqual({ raw: true });
  });

  it('lets the template override the status and headers through $context.responseOverride', () => {
    const template = `#set($context.responseOverride.status = 422)#set($context.responseOverride.header.Retry-After = "5"){"error": "$input.path('$.error')"}`;

    const response = methodResponse(
      { ...ok, templates: { 'application/json': template } },
      serviceAnswer(200, { error: 'OutOfStock' }),
      aMethodContext(),
    );

    expect(response.statusCode).toBe(422);
    expect(response.headers['retry-after']).toBe('5');
    expect(JSON.parse(response.body.toString())).toEqual({ error: 'OutOfStock' });
  });

  it('sets headers from static values, the integration response and the method request', () => {
    const parameters = {
      'method.response.header.Access-Control-Allow-Origin': "'*'",
      'method.response.header.X-Execution': 'integration.response.body.executionArn',
      'method.response.header.X-Request-Id': 'integration.response.header.x-amzn-RequestId',
      'method.response.header.Idempotency-Key': 'method.request.header.Idempotency-Key',
    };
    const ctx = aMethodContext({ headers: { 'Idempotency-Key': 'k-1' } });

    const response = methodResponse(
      { ...ok, parameters },
      serviceAnswer(200, { executionArn: 'arn:1' }, { 'x-amzn-requestid': 'svc-1' }),
      ctx,
    );

    expect(response.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'x-execution': 'arn:1',
      'x-request-id': 'svc-1',
      'idempotency-key': 'k-1',
    });
  });

  it("chooses the template of the request's Accept header", () => {
    const templates = { 'application/json': '{"as":"json"}', 'text/plain': 'as text' };

    const response = methodResponse(
      { ...ok, templates },
      serviceAnswer(200, {}),
      aMethodContext({ headers: { Accept: 'text/plain' } }),
    );

    expect(response.body.toString()).toBe('as text');
    expect(response.headers['content-type']).toBe('text/plain');
  });
});
