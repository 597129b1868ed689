import type { LocalRoute } from '../core/contracts';
import { serverSentEvents } from '../core/server-sent-events';
import type { ApiRequest } from './http/api-request';
import type { ApiResponse } from './http/api-response';

/** One message of `GET /_local/apigateway-activity`: an HTTP or REST API request, sent when it is answered. */
export interface RequestActivity {
  readonly type: 'request';
  readonly apiId: string;
  /** The route that took the request, `-` when none did (404, a preflight API Gateway answered), as access logs say. */
  readonly routeKey: string;
  readonly method: string;
  /** The path the client called, with a named stage's prefix. */
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  /** When the request arrived (ISO 8601, milliseconds). */
  readonly startedAt: string;
  /** The request's `x-correlation-id` header or, without one, the response's (the Shop's handlers answer with it). */
  readonly correlationId?: string;
  /** Whether the route's JWT (or the method's Cognito) authorizer let the request through; absent without one. */
  readonly authorized?: boolean;
}

/** What the engine knows of a request once answered. */
export interface AnsweredRequest {
  /** Header names lower-cased. */
  readonly request: Pick<ApiRequest, 'apiId' | 'method' | 'rawPath' | 'time' | 'headers'>;
  readonly response: ApiResponse;
  readonly routeKey?: string;
  readonly authorized?: boolean;
  readonly durationMs: number;
}

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * The activity message of one answered request.
 * @example requestActivity({ request, response, routeKey: 'POST /orders', authorized: true, durationMs: 41.2 });
 */
export function requestActivity({
  request,
  response,
  routeKey,
  authorized,
  durationMs,
}: AnsweredRequest): RequestActivity {
  const answered = response.headers[CORRELATION_HEADER];
  const correlationId = request.headers[CORRELATION_HEADER] || (Array.isArray(answered) ? answered[0] : answered);
  return {
    type: 'request',
    apiId: request.apiId,
    routeKey: routeKey ?? '-',
    method: request.method,
    path: request.rawPath,
    status: response.statusCode,
    durationMs: Math.round(durationMs * 100) / 100,
    startedAt: request.time.toISOString(),
    ...(correlationId && { correlationId }),
    ...(authorized !== undefined && { authorized }),
  };
}

/**
 * `GET /_local/apigateway-activity`: every HTTP API request as a server-sent event once answered
 * (`event: request`, `data:` a `RequestActivity`), for the web console's timeline. Live only, no replay.
 *
 * @example
 * gateway.route('apigateway-activity', makeActivityRoute((listener) => engine.subscribe(listener)));
 */
export function makeActivityRoute(
  subscribe: (listener: (activity: RequestActivity) => void) => () => void,
): LocalRoute {
  return serverSentEvents(subscribe);
}
