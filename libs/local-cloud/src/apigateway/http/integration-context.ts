import type { Stage } from '../model/http-api';
import type { RouteMatch } from '../routing/select-route';
import type { ApiRequest } from './api-request';

/** What a JWT authorizer passes on: the token's claims (as strings) and, when the route asks for scopes, its scopes. */
export interface JwtAuthorization {
  readonly claims: Readonly<Record<string, string>>;
  readonly scopes: readonly string[] | null;
}

/** Everything an integration may read about the request it serves. */
export interface IntegrationContext {
  readonly request: ApiRequest;
  readonly match: RouteMatch;
  readonly stage: Stage;
  readonly accountId: string;
  readonly authorization?: JwtAuthorization;
}

const TEXT_TYPES = /^(text\/[^;]*|application\/(json|xml|javascript))\s*(;.*)?$/i;

/**
 * The request body as API Gateway hands it to Lambda: text for `text/*`, `application/json`, `application/xml`
 * and `application/javascript`; base64 for anything else, a missing content type and form posts included.
 * @internal
 */
export function encodedBody(request: ApiRequest): { text: string; base64: boolean } | undefined {
  if (request.body.length === 0) return undefined;
  const text = TEXT_TYPES.test(request.headers['content-type'] ?? '');
  return text ? { text: request.body.toString('utf8'), base64: false } : { text: request.body.toString('base64'), base64: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A time as `requestContext.time` shows it: `12/Mar/2020:19:03:58 +0000`.
 * @internal
 */
export function clfTime(time: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}:${pad(time.getUTCSeconds())}`;
  return `${pad(time.getUTCDate())}/${MONTHS[time.getUTCMonth()]}/${time.getUTCFullYear()}:${clock} +0000`;
}
