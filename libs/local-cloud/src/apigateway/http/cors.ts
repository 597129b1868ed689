import type { CorsConfiguration } from '../model/http-api';
import type { ApiRequest } from './api-request';
import type { ApiResponse } from './api-response';

/**
 * A browser's CORS preflight: OPTIONS with `Origin` and `Access-Control-Request-Method`.
 * @internal
 */
export function isPreflight(request: ApiRequest): boolean {
  return request.method === 'OPTIONS' && request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;
}

/**
 * API Gateway's own answer to a preflight: 204, with the configured CORS headers when the origin and
 * method are allowed (without them otherwise, so the browser refuses the call).
 *
 * @example
 * preflightResponse(cors, request); // 204 with access-control-allow-origin: https://shop.example
 */
export function preflightResponse(cors: CorsConfiguration, request: ApiRequest): ApiResponse {
  const empty: ApiResponse = { statusCode: 204, headers: {}, body: Buffer.alloc(0) };
  const origin = allowedOrigin(cors, request.headers.origin);
  const method = request.headers['access-control-request-method'] ?? '';
  const methods = cors.allowMethods.map((m) => m.toUpperCase());
  if (!origin || !(methods.includes('*') || methods.includes(method.toUpperCase()))) return empty;
  const requestedHeaders = request.headers['access-control-request-headers'];
  const headers: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': methods.includes('*') ? method : methods.join(','),
    ...credentialHeader(cors),
  };
  const allowHeaders = cors.allowHeaders.includes('*') ? requestedHeaders : cors.allowHeaders.join(',');
  if (allowHeaders) headers['access-control-allow-headers'] = allowHeaders;
  if (cors.maxAge !== undefined) headers['access-control-max-age'] = String(cors.maxAge);
  return { ...empty, headers };
}

/**
 * The integration's response with the API's CORS headers instead of its own: API Gateway ignores the CORS
 * headers a backend returns once CORS is configured.
 *
 * @example
 * withCorsHeaders(response, cors, request).headers['access-control-allow-origin']; // 'https://shop.example'
 */
export function withCorsHeaders(response: ApiResponse, cors: CorsConfiguration, request: ApiRequest): ApiResponse {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !name.startsWith('access-control-')));
  const origin = allowedOrigin(cors, request.headers.origin);
  if (origin) {
    headers['access-control-allow-origin'] = origin;
    if (cors.exposeHeaders.length > 0) headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
    Object.assign(headers, credentialHeader(cors));
  }
  return { ...response, headers };
}

/** The `Access-Control-Allow-Origin` value for this origin, or undefined when it is not allowed. */
function allowedOrigin(cors: CorsConfiguration, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  const allowed = cors.allowOrigins.some((pattern) => globToRegExp(pattern).test(origin));
  return allowed ? origin : undefined;
}

function credentialHeader(cors: CorsConfiguration): Record<string, string> {
  return cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {};
}

/** Allowed origins may use `*` for a subdomain (`https://*.example.com`). */
function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`, 'i');
}
