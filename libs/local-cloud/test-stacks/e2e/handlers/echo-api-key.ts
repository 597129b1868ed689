import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

/** A payment provider's sandbox: answers with the API key it was called with, so a test can see the connection's. */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => ({
  statusCode: event.headers['x-api-key'] ? 200 : 401,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ apiKey: event.headers['x-api-key'] ?? null, path: event.rawPath }),
});
