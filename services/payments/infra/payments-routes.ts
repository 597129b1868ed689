import { Validations } from 'aws-cdk-lib';
import { httpGetSmokeEvent } from '@shop/cdk-constructs';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** Which function serves a route. */
export type PaymentsHandler =
  'tokenize' | 'getToken' | 'authorize' | 'capture' | 'void' | 'refund' | 'getAuthorization';

/** The sandbox's API, one function per route. */
export const PAYMENTS_ROUTES = [
  { id: 'TokenizeRoute', method: 'POST', path: '/v1/tokens', handler: 'tokenize' },
  { id: 'GetTokenRoute', method: 'GET', path: '/v1/tokens/{id}', handler: 'getToken' },
  { id: 'AuthorizeRoute', method: 'POST', path: '/v1/authorizations', handler: 'authorize' },
  { id: 'CaptureRoute', method: 'POST', path: '/v1/authorizations/{id}/capture', handler: 'capture' },
  { id: 'VoidRoute', method: 'POST', path: '/v1/authorizations/{id}/void', handler: 'void' },
  { id: 'RefundRoute', method: 'POST', path: '/v1/authorizations/{id}/refund', handler: 'refund' },
  { id: 'GetAuthorizationRoute', method: 'GET', path: '/v1/authorizations/{id}', handler: 'getAuthorization' },
] as const satisfies readonly { id: string; method: `${apigwv2.HttpMethod}`; path: string; handler: PaymentsHandler }[];

const API_KEY_REASON =
  'The payment provider authenticates its callers itself, with an API key in x-api-key that each function ' +
  'compares in constant time with the key in Secrets Manager, as card processors do. Its callers are machines ' +
  '(Step Functions through an EventBridge Connection holding the key, and the storefront server tokenizing ' +
  'cards), for which HTTP APIs offer no API-key authorizer and no Cognito identity fits.';

/**
 * Adds the routes to the sandbox's HTTP API as Lambda proxy integrations (payload 2.0). No route has an
 * API Gateway authorizer: the functions check the API key (see API_KEY_REASON).
 */
export function addPaymentsRoutes(
  scope: Construct,
  httpApi: apigwv2.IHttpApi,
  handlers: Record<PaymentsHandler, lambda.IFunction>,
): apigwv2.HttpRoute[] {
  return PAYMENTS_ROUTES.map((route) => {
    const httpRoute = new apigwv2.HttpRoute(scope, route.id, {
      httpApi,
      routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${route.handler}Integration`, handlers[route.handler], {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      }),
      authorizer: new apigwv2.HttpNoneAuthorizer(),
    });
    Validations.of(httpRoute.node.defaultChild as apigwv2.CfnRoute).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason: API_KEY_REASON,
    });
    return httpRoute;
  });
}

/**
 * `GET /v1/tokens/smoke-test` as the HTTP API sends it (payload 2.0), without the API key: the pre-traffic
 * hook's smoke event for GetToken. The handler refuses it before reading anything.
 */
export function unsignedTokenRequest() {
  return httpGetSmokeEvent('GET /v1/tokens/{id}', { id: 'smoke-test' });
}
