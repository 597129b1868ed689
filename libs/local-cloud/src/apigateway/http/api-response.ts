import type { ServerResponse } from 'node:http';

/** A response on its way to the client. Header names are lower-case; `set-cookie` may repeat. */
export interface ApiResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

/**
 * API Gateway's own JSON answer: `{"message":"Not Found"}` and the like.
 * @internal
 */
export function gatewayMessage(statusCode: number, message: string, headers: Record<string, string> = {}): ApiResponse {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify({ message })) };
}

/** The answers API Gateway gives on its own, with the messages it documents. */
export const GatewayResponses = {
  notFound: () => gatewayMessage(404, 'Not Found'),
  tooLarge: () => gatewayMessage(413, 'Request Entity Too Large'),
  tooManyRequests: () => gatewayMessage(429, 'Too Many Requests'),
  internalError: () => gatewayMessage(500, 'Internal Server Error'),
  serviceUnavailable: () => gatewayMessage(503, 'Service Unavailable'),
} as const;

/**
 * Writes a response; a HEAD request gets the headers only.
 * @internal
 */
export function writeApiResponse(res: ServerResponse, response: ApiResponse, method: string): void {
  res.writeHead(response.statusCode, response.headers);
  res.end(method === 'HEAD' ? undefined : response.body);
}
