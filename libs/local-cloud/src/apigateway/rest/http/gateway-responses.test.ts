import { describe, expect, it } from 'vitest';
import type { GatewayResponseOverride, RestApi } from '../model/rest-api';
import { aMethodContext } from '../test-support';
import { gatewayResponse } from './gateway-responses';

const apiWith = (overrides: Record<string, GatewayResponseOverride>): RestApi => ({
  id: 'r1s2t3a4p5',
  name: 'Shop',
  stages: new Map(),
  methods: [],
  models: new Map(),
  gatewayResponses: new Map(Object.entries(overrides)),
  binaryMediaTypes: [],
});
const bodyOf = (response: { body: Buffer }) => JSON.parse(response.body.toString()) as unknown;

describe('gatewayResponse', () => {
  it("answers API Gateway's default message and status when the API customizes nothing", () => {
    const response = gatewayResponse(apiWith({}), aMethodContext(), { type: 'UNAUTHORIZED' });

    expect(response.statusCode).toBe(401);
    expect(response.headers).toMatchObject({
      'content-type': 'application/json',
      'x-amzn-errortype': 'UnauthorizedException',
    });
    expect(bodyOf(response)).toEqual({ message: 'Unauthorized' });
  });

  it("prefers the type's own customization over DEFAULT_4XX", () => {
    const api = apiWith({
      UNAUTHORIZED: { parameters: {}, templates: { 'application/json': '{"error":"login required"}' } },
      DEFAULT_4XX: { statusCode: 400, parameters: { 'gatewayresponse.header.X-Default': "'yes'" }, templates: {} },
    });

    const response = gatewayResponse(api, aMethodContext(), { type: 'UNAUTHORIZED' });

    expect(response.statusCode).toBe(401);
    expect(response.headers['x-default']).toBeUndefined();
    expect(bodyOf(response)).toEqual({ error: 'login required' });
  });

  it('customizes the 5xx answers through DEFAULT_5XX, with the request scope in the template', () => {
    const api = apiWith({
      DEFAULT_5XX: {
        parameters: {},
        templates: {
          'application/json':
            '{"message": $context.error.messageString, "stage": "$context.stage", "env": "$stageVariables.env"}',
        },
      },
    });

    const response = gatewayResponse(api, aMethodContext(), { type: 'INTEGRATION_TIMEOUT' });

    expect(response.statusCode).toBe(504);
    expect(bodyOf(response)).toEqual({ message: 'Endpoint request timed out', stage: 'prod', env: 'dev' });
  });

  it('quotes the message for JSON in messageString', () => {
    const response = gatewayResponse(apiWith({}), aMethodContext(), {
      type: 'BAD_REQUEST_BODY',
      message: 'Could not parse "x"',
    });

    expect(bodyOf(response)).toEqual({ message: 'Could not parse "x"' });
  });
});
