import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger';
import { InvalidHttpApiError } from '../errors';
import { API_ID, anHttpApi, apiResource, functionArn, lambdaRoute } from '../test-support';
import { loadHttpApis } from './load-http-apis';

describe('loadHttpApis', () => {
  it('builds the API with its routes, integrations, stage throttles and CORS', () => {
    const stageSettings = { DefaultRouteSettings: { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 }, RouteSettings: { 'POST /checkout': { ThrottlingRateLimit: 1 } } };
    const resources = [...anHttpApi({ CorsConfiguration: { AllowOrigins: ['*'], MaxAge: 300 } }, stageSettings), ...lambdaRoute('GET /products', 'products')];

    const [api] = loadHttpApis(resources, silentLogger);

    expect(api?.id).toBe(API_ID);
    expect(api?.routes[0]?.integration).toMatchObject({ type: 'lambda', functionArn: functionArn('products'), payloadFormatVersion: '2.0', timeoutMs: 30_000 });
    expect(api?.stages.get('$default')?.defaultThrottle).toEqual({ burstLimit: 10, rateLimit: 5 });
    // An unset limit stands for the account-level default.
    expect(api?.stages.get('$default')?.routeThrottles.get('POST /checkout')).toEqual({ burstLimit: 5_000, rateLimit: 1 });
    expect(api?.cors).toMatchObject({ allowOrigins: ['*'], maxAge: 300, allowCredentials: false });
  });

  it('reads the function ARN out of an apigateway invocation URI', () => {
    const uri = `arn:aws:apigateway:eu-west-2:lambda:path/2015-03-31/functions/${functionArn('products')}:live/invocations`;

    const [api] = loadHttpApis([...anHttpApi(), ...lambdaRoute('GET /products', 'products', {}, { IntegrationUri: uri })], silentLogger);

    expect(api?.routes[0]?.integration).toMatchObject({ functionArn: `${functionArn('products')}:live` });
  });

  it('wires a JWT route to its authorizer and scopes', () => {
    const authorizer = apiResource('Authorizer', 'Auth', { AuthorizerType: 'JWT', Name: 'Auth', JwtConfiguration: { Issuer: 'https://issuer.example', Audience: ['web'] } });
    const resources = [...anHttpApi(), authorizer, ...lambdaRoute('POST /checkout', 'orders', { AuthorizationType: 'JWT', AuthorizerId: 'Auth', AuthorizationScopes: ['orders/write'] })];

    const [api] = loadHttpApis(resources, silentLogger);

    expect(api?.routes[0]?.authorization).toEqual({
      type: 'JWT',
      scopes: ['orders/write'],
      authorizer: { id: 'Auth', name: 'Auth', issuer: 'https://issuer.example', audience: ['web'], identitySource: '$request.header.Authorization' },
    });
  });

  it('marks a route with a Lambda authorizer as not emulated rather than leaving it open', () => {
    const authorizer = apiResource('Authorizer', 'Custom', { AuthorizerType: 'REQUEST', Name: 'Custom', AuthorizerUri: 'arn:fn' });
    const resources = [...anHttpApi(), authorizer, ...lambdaRoute('GET /admin', 'admin', { AuthorizationType: 'CUSTOM', AuthorizerId: 'Custom' })];

    const [api] = loadHttpApis(resources, silentLogger);

    expect(api?.routes[0]?.authorization.type).toBe('UNSUPPORTED');
  });

  it('gives a quick-create API its $default stage and route', () => {
    const [api] = loadHttpApis([apiResource('Api', API_ID, { Name: 'Quick', ProtocolType: 'HTTP', Target: functionArn('all') })], silentLogger);

    expect([...(api?.stages.keys() ?? [])]).toEqual(['$default']);
    expect(api?.routes[0]).toMatchObject({ key: { text: '$default' }, integration: { type: 'lambda', functionArn: functionArn('all') } });
  });

  it('skips WebSocket APIs', () => {
    const apis = loadHttpApis([apiResource('Api', 'ws1', { Name: 'Chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' })], silentLogger);

    expect(apis).toEqual([]);
  });

  it('rejects a route key API Gateway would reject', () => {
    expect(() => loadHttpApis([...anHttpApi(), ...lambdaRoute('GET /files/{path+}/meta', 'files')], silentLogger)).toThrow(InvalidHttpApiError);
  });
});
