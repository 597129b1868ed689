import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { httpGetSmokeEvent } from '@shop/cdk-constructs';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/** The service's one route: a signed-in customer's (or an admin's) invoice of an order. */
export const INVOICES_ROUTES = [{ id: 'GetInvoiceRoute', method: 'GET', path: '/orders/{orderId}/invoice' }] as const;

export interface InvoicesRoutesProps {
  /** HttpRoute takes an API reference, so the API may be defined in this stack or another one. */
  readonly httpApi: apigwv2.IHttpApi;
  /** The shop's Cognito JWT authorizer; the handler also checks the caller is the customer or an admin. */
  readonly jwtAuthorizer: apigwv2.IHttpRouteAuthorizer;
  readonly getInvoice: lambda.IFunction;
}

/** Adds the route as a Lambda proxy integration (payload 2.0) behind the JWT authorizer. */
export function addInvoicesRoutes(scope: Construct, props: InvoicesRoutesProps): apigwv2.HttpRoute[] {
  const integration = new HttpLambdaIntegration('GetInvoiceIntegration', props.getInvoice, {
    payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
  });
  return INVOICES_ROUTES.map(
    (route) =>
      new apigwv2.HttpRoute(scope, route.id, {
        httpApi: props.httpApi,
        routeKey: apigwv2.HttpRouteKey.with(route.path, apigwv2.HttpMethod[route.method]),
        integration,
        authorizer: props.jwtAuthorizer,
      }),
  );
}

/**
 * `GET /orders/smoke-test/invoice` as the HTTP API sends it (payload 2.0) but with no JWT claims: the
 * pre-traffic hook's smoke event for GetInvoice. Nobody signed in may see an invoice, so the handler answers
 * 404 without reading anything.
 */
export function unsignedInvoiceRequest() {
  return httpGetSmokeEvent('GET /orders/{orderId}/invoice', { orderId: 'smoke-test' });
}
