import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** Which function serves a route. */
export type RouteHandler = 'getProfile' | 'updateProfile' | 'deleteProfile';

/** The service's routes: every one is the caller's own profile, so every one needs a signed-in caller. */
export const USERS_ROUTES = [
  { id: 'GetProfileRoute', method: 'GET', path: '/me', handler: 'getProfile' },
  { id: 'UpdateProfileRoute', method: 'PUT', path: '/me', handler: 'updateProfile' },
  { id: 'DeleteProfileRoute', method: 'DELETE', path: '/me', handler: 'deleteProfile' },
] as const satisfies readonly { id: string; method: `${apigwv2.HttpMethod}`; path: string; handler: RouteHandler }[];

export interface UsersRoutesProps {
  /** HttpRoute takes an API reference, so the API may be defined in this stack or another one. */
  readonly httpApi: apigwv2.IHttpApi;
  readonly jwtAuthorizer: apigwv2.IHttpRouteAuthorizer;
  readonly handlers: Record<RouteHandler, lambda.IFunction>;
}

/**
 * Adds the /me routes to the HTTP API as Lambda proxy integrations (payload 2.0), each behind the JWT authorizer:
 * the handlers trust the verified `sub` claim as the caller's user id.
 */
export function addUsersRoutes(scope: Construct, props: UsersRoutesProps): apigwv2.HttpRoute[] {
  return USERS_ROUTES.map(
    (route) =>
      new apigwv2.HttpRoute(scope, route.id, {
        httpApi: props.httpApi,
        routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${route.handler}Integration`, props.handlers[route.handler], {
          payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
        }),
        authorizer: props.jwtAuthorizer,
      }),
  );
}
