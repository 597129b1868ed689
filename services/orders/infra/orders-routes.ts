import { Validations } from 'aws-cdk-lib';
import { httpGetSmokeEvent } from '@shop/cdk-constructs';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

type RouteHandler = 'carts' | 'orders';

/**
 * The HTTP API routes of the orders service. The keys are exactly the `event.routeKey` the handlers dispatch
 * on (src/handlers/http/*.ts), so a route added here without its handler answers 404 ORDERS.ROUTE_NOT_FOUND.
 * A guest's cart is reached by its unguessable id alone (public); a customer's cart only through `/me/cart...`,
 * which, like the orders, needs a signed-in customer (JWT, `sub` = customer id): the public routes answer
 * 404 for it, so its id is worth nothing to anyone else (issue 8).
 */
export const ORDERS_ROUTES = [
  { id: 'CreateCartRoute', method: 'POST', path: '/carts', handler: 'carts', jwt: false },
  { id: 'GetCartRoute', method: 'GET', path: '/carts/{cartId}', handler: 'carts', jwt: false },
  { id: 'SetCartLineRoute', method: 'PUT', path: '/carts/{cartId}/lines/{productId}', handler: 'carts', jwt: false },
  {
    id: 'RemoveCartLineRoute',
    method: 'DELETE',
    path: '/carts/{cartId}/lines/{productId}',
    handler: 'carts',
    jwt: false,
  },
  { id: 'GetMyCartRoute', method: 'GET', path: '/me/cart', handler: 'carts', jwt: true },
  { id: 'SetMyCartLineRoute', method: 'PUT', path: '/me/cart/lines/{productId}', handler: 'carts', jwt: true },
  { id: 'RemoveMyCartLineRoute', method: 'DELETE', path: '/me/cart/lines/{productId}', handler: 'carts', jwt: true },
  { id: 'MergeIntoMyCartRoute', method: 'POST', path: '/me/cart/merge', handler: 'carts', jwt: true },
  { id: 'ListOrdersRoute', method: 'GET', path: '/orders', handler: 'orders', jwt: true },
  { id: 'GetOrderRoute', method: 'GET', path: '/orders/{orderId}', handler: 'orders', jwt: true },
] as const satisfies readonly {
  id: string;
  method: `${apigwv2.HttpMethod}`;
  path: string;
  handler: RouteHandler;
  jwt: boolean;
}[];

export interface OrdersRoutesProps {
  /** HttpRoute takes an API reference, so the API may be defined in this stack or another one. */
  readonly httpApi: apigwv2.IHttpApi;
  readonly jwtAuthorizer: apigwv2.IHttpRouteAuthorizer;
  readonly handlers: Record<RouteHandler, lambda.IFunction>;
}

/**
 * Adds the routes as Lambda proxy integrations (payload 2.0), one integration per function. Public routes
 * say so with HttpNoneAuthorizer, so a default authorizer on the API cannot capture them.
 */
export function addOrdersRoutes(scope: Construct, props: OrdersRoutesProps): apigwv2.HttpRoute[] {
  const payloadFormatVersion = apigwv2.PayloadFormatVersion.VERSION_2_0;
  const integrations: Record<RouteHandler, HttpLambdaIntegration> = {
    carts: new HttpLambdaIntegration('CartsIntegration', props.handlers.carts, { payloadFormatVersion }),
    orders: new HttpLambdaIntegration('OrdersIntegration', props.handlers.orders, { payloadFormatVersion }),
  };
  const publicAccess = new apigwv2.HttpNoneAuthorizer();
  return ORDERS_ROUTES.map((route) => {
    const httpRoute = new apigwv2.HttpRoute(scope, route.id, {
      httpApi: props.httpApi,
      routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
      integration: integrations[route.handler],
      authorizer: route.jwt ? props.jwtAuthorizer : publicAccess,
    });
    if (!route.jwt) {
      Validations.of(httpRoute.node.defaultChild as apigwv2.CfnRoute).acknowledge({
        id: 'AwsSolutions::AwsSolutions-APIG4',
        reason:
          'A guest cart route: shoppers fill a cart before signing in. The cart id (128 random bits) is the ' +
          'credential and reaches guest carts only; the customer’s cart, checkout and orders are behind the JWT authorizer.',
      });
    }
    return httpRoute;
  });
}

/**
 * `GET /carts/smoke-test` as the HTTP API sends it (payload 2.0): the pre-traffic hook's smoke event for the
 * carts function. Cart ids are 128 random bits, so this one never exists: a read that answers 404.
 */
export function missingCartRequest() {
  return httpGetSmokeEvent('GET /carts/{cartId}', { cartId: 'smoke-test' });
}
