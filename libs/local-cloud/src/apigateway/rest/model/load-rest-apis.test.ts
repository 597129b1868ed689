import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../core/contracts';
import { silentLogger } from '../../../core/logger';
import { InvalidHttpApiError } from '../../errors';
import { functionArn } from '../../test-support';
import {
  aRestApi,
  awsIntegration,
  pathResource,
  resourceRef,
  restMethod,
  restResource,
  ROOT_ID,
} from '../test-support';
import { loadRestApis } from './load-rest-apis';

describe('loadRestApis', () => {
  it('keys each method by its method and full resource path', () => {
    const resources = [
      ...aRestApi(),
      pathResource('orders'),
      pathResource('{id}', resourceRef('orders')),
      restMethod('GET', resourceRef('{id}')),
      restMethod('ANY', ROOT_ID),
    ];

    const [api] = loadRestApis(resources, silentLogger);

    expect(api?.methods.map((m) => [m.key.text, m.resourcePath])).toEqual([
      ['GET /orders/{id}', '/orders/{id}'],
      ['ANY /', '/'],
    ]);
  });

  it('reads an AWS integration of a service action, with its templates and integration responses', () => {
    const integration = awsIntegration('states', 'StartSyncExecution', {
      PassthroughBehavior: 'never',
      RequestTemplates: { 'application/json': '{}' },
      IntegrationResponses: [
        { StatusCode: '202' },
        { StatusCode: '400', SelectionPattern: '4\\d{2}', ResponseTemplates: { 'application/json': '{"e":1}' } },
      ],
    });

    const [api] = loadRestApis([...aRestApi(), restMethod('POST', ROOT_ID, integration)], silentLogger);

    expect(api?.methods[0]?.integration).toEqual({
      type: 'AWS',
      region: 'eu-west-2',
      service: 'states',
      action: 'StartSyncExecution',
      timeoutMs: 29_000,
      passthroughBehavior: 'NEVER',
      requestTemplates: { 'application/json': '{}' },
      responses: [
        { statusCode: 202, templates: {}, parameters: {} },
        { statusCode: 400, selectionPattern: '4\\d{2}', templates: { 'application/json': '{"e":1}' }, parameters: {} },
      ],
    });
  });

  it('reads a Lambda proxy integration, and marks what does not run locally', () => {
    const proxy = {
      Type: 'AWS_PROXY',
      Uri: `arn:aws:apigateway:eu-west-2:lambda:path/2015-03-31/functions/${functionArn('orders')}/invocations`,
    };
    const resources = [
      ...aRestApi(),
      restMethod('GET', ROOT_ID, proxy),
      restMethod('POST', ROOT_ID, awsIntegration('sqs', 'SendMessage')),
      restMethod('PUT', ROOT_ID, { Type: 'HTTP', Uri: 'https://x' }),
    ];

    const [api] = loadRestApis(resources, silentLogger);

    expect(api?.methods.map((m) => m.integration.type)).toEqual(['AWS_PROXY', 'UNSUPPORTED', 'UNSUPPORTED']);
    expect(api?.methods[0]?.integration).toMatchObject({ functionArn: functionArn('orders') });
  });

  it('wires a Cognito method to the issuers of its user pools, and validators and models by ref', () => {
    const authorizer = restResource('Authorizer', 'Auth', {
      Type: 'COGNITO_USER_POOLS',
      Name: 'Customers',
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: ['arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_Shop'],
    });
    const validator = restResource('RequestValidator', 'V', { ValidateRequestBody: true });
    const method = restMethod(
      'POST',
      ROOT_ID,
      {},
      {
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: 'Auth',
        RequestValidatorId: 'V',
        RequestModels: { 'application/json': 'Order' },
        RequestParameters: { 'method.request.header.Idempotency-Key': true },
      },
    );

    const [api] = loadRestApis(
      [...aRestApi(), authorizer, validator, restResource('Model', 'Order', { Schema: '{"type":"object"}' }), method],
      silentLogger,
    );

    expect(api?.methods[0]).toMatchObject({
      authorization: {
        type: 'COGNITO_USER_POOLS',
        scopes: [],
        authorizer: {
          issuers: ['https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Shop'],
          headerName: 'Authorization',
        },
      },
      validator: { body: true, parameters: false },
      requestParameters: { 'method.request.header.Idempotency-Key': true },
    });
    expect(api?.models.get('Order')).toEqual({ type: 'object' });
  });

  it('marks a method with a Lambda authorizer as not emulated rather than leaving it open', () => {
    const authorizer = restResource('Authorizer', 'Custom', { Type: 'TOKEN', Name: 'Custom', AuthorizerUri: 'arn:fn' });

    const [api] = loadRestApis(
      [
        ...aRestApi(),
        authorizer,
        restMethod('GET', ROOT_ID, {}, { AuthorizationType: 'CUSTOM', AuthorizerId: 'Custom' }),
      ],
      silentLogger,
    );

    expect(api?.methods[0]?.authorization.type).toBe('UNSUPPORTED');
  });

  it('reads stage variables and MethodSettings throttles, per method too', () => {
    const stage: JsonObject = {
      Variables: { env: 'dev' },
      MethodSettings: [
        { HttpMethod: '*', ResourcePath: '/*', ThrottlingBurstLimit: 5 },
        { HttpMethod: 'POST', ResourcePath: '/~1checkout', ThrottlingRateLimit: 1, ThrottlingBurstLimit: 1 },
      ],
    };

    const [api] = loadRestApis(aRestApi({}, stage), silentLogger);

    expect(api?.stages.get('prod')).toEqual({
      name: 'prod',
      variables: { env: 'dev' },
      defaultThrottle: { burstLimit: 5, rateLimit: 10_000 },
      methodThrottles: new Map([['POST /checkout', { burstLimit: 1, rateLimit: 1 }]]),
    });
  });

  it('rejects a method on a resource outside its API', () => {
    expect(() => loadRestApis([...aRestApi(), restMethod('GET', 'elsewhere')], silentLogger)).toThrow(
      InvalidHttpApiError,
    );
  });
});
