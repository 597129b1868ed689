import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** A REST API Lambda proxy method: answers with what the event told it (path parameter, caller, resource). */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    orderId: event.pathParameters?.orderId ?? null,
    customerId: (event.requestContext.authorizer?.claims as Record<string, string> | undefined)?.sub ?? null,
    resource: event.resource,
    path: event.path,
    stage: event.requestContext.stage,
  }),
});
