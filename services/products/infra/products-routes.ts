import { Validations } from 'aws-cdk-lib';
import { httpGetSmokeEvent } from '@shop/cdk-constructs';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** Which function serves a route. */
export type RouteHandler = 'listProducts' | 'getProduct' | 'adminProducts';

/** The service's routes: reads are public, every change needs the admin authorizer (the handler checks the group). */
export const PRODUCTS_ROUTES = [
  { id: 'ListProductsRoute', method: 'GET', path: '/products', handler: 'listProducts', admin: false },
  { id: 'GetProductRoute', method: 'GET', path: '/products/{id}', handler: 'getProduct', admin: false },
  { id: 'CreateProductRoute', method: 'POST', path: '/admin/products', handler: 'adminProducts', admin: true },
  { id: 'UpdateProductRoute', method: 'PATCH', path: '/admin/products/{id}', handler: 'adminProducts', admin: true },
  {
    id: 'RestockProductRoute',
    method: 'POST',
    path: '/admin/products/{id}/restock',
    handler: 'adminProducts',
    admin: true,
  },
] as const satisfies readonly {
  id: string;
  method: `${apigwv2.HttpMethod}`;
  path: string;
  handler: RouteHandler;
  admin: boolean;
}[];

export interface ProductsRoutesProps {
  /** HttpRoute takes an API reference, so the API may be defined in this stack or another one. */
  readonly httpApi: apigwv2.IHttpApi;
  readonly adminAuthorizer: apigwv2.IHttpRouteAuthorizer;
  readonly handlers: Record<RouteHandler, lambda.IFunction>;
}

/**
 * Adds the products routes to the HTTP API as Lambda proxy integrations (payload 2.0), one integration per
 * function. Public routes say so with HttpNoneAuthorizer, so a default authorizer on the API cannot capture them.
 */
export function addProductsRoutes(scope: Construct, props: ProductsRoutesProps): apigwv2.HttpRoute[] {
  const integrations = new Map<RouteHandler, HttpLambdaIntegration>();
  const integrationFor = (handler: RouteHandler) => {
    const integration =
      integrations.get(handler) ??
      new HttpLambdaIntegration(`${handler}Integration`, props.handlers[handler], {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      });
    integrations.set(handler, integration);
    return integration;
  };
  const publicAccess = new apigwv2.HttpNoneAuthorizer();
  return PRODUCTS_ROUTES.map((route) => {
    const httpRoute = new apigwv2.HttpRoute(scope, route.id, {
      httpApi: props.httpApi,
      routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
      integration: integrationFor(route.handler),
      authorizer: route.admin ? props.adminAuthorizer : publicAccess,
    });
    if (!route.admin) {
      Validations.of(httpRoute.node.defaultChild as apigwv2.CfnRoute).acknowledge({
        id: 'AwsSolutions::AwsSolutions-APIG4',
        reason:
          'A public catalog read (GET): anyone may browse products without signing in. Every change is an ' +
          '/admin route behind the JWT authorizer.',
      });
    }
    return httpRoute;
  });
}

/** The id of a product no catalog holds: products are ULIDs, so this one can never exist. */
export const SMOKE_TEST_PRODUCT_ID = 'smoke-test';

/**
 * `GET /products/smoke-test` as the HTTP API sends it (payload 2.0): the pre-traffic hook's smoke event for
 * GetProduct. A read of a product that cannot exist answers 404 with no side effect.
 */
export function missingProductRequest() {
  return httpGetSmokeEvent('GET /products/{id}', { id: SMOKE_TEST_PRODUCT_ID });
}
