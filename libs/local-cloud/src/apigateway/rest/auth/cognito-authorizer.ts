import type { JWTPayload } from 'jose';
import type { JwtVerifier } from '../../auth/jwt-authorizer';
import { flattenClaims, scopesOf } from '../../auth/jwt-claims';
import type { RestAuthorization } from '../http/method-context';
import { headerOf, type RestRequest } from '../http/rest-request';
import type { CognitoAuthorizer } from '../model/rest-api';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A REST API's COGNITO_USER_POOLS authorizer: the token from its header (with or without `Bearer `), matching
 * `IdentityValidationExpression` when there is one, signed by one of the authorizer's user pools (verified as
 * the HTTP API's JWT authorizer does, local issuers included) and not expired. A method without OAuth scopes
 * takes an ID token; one with scopes takes an access token holding one of them. Undefined: API Gateway
 * answers 401 Unauthorized. Claims are strings, `exp` and `iat` as dates the way REST APIs show them.
 *
 * @example
 * const authorization = await authorizeWithCognito(authorizer, [], request, verifier);
 * authorization?.claims.sub; // 'c0a8...'
 */
export async function authorizeWithCognito(
  authorizer: CognitoAuthorizer,
  scopes: readonly string[],
  request: RestRequest,
  verifier: JwtVerifier,
): Promise<RestAuthorization | undefined> {
  const token = headerOf(request, authorizer.headerName)
    ?.trim()
    .replace(/^Bearer\s+/i, '');
  if (!token) return undefined;
  if (authorizer.validationExpression && !new RegExp(`^(?:${authorizer.validationExpression})$`).test(token))
    return undefined;
  const payload = await firstVerified(token, authorizer, verifier);
  if (!payload || !acceptedFor(payload, scopes)) return undefined;
  return { claims: restClaims(payload) };
}

async function firstVerified(
  token: string,
  authorizer: CognitoAuthorizer,
  verifier: JwtVerifier,
): Promise<JWTPayload | undefined> {
  for (const issuer of authorizer.issuers) {
    const payload = await verifier.verify(token, issuer, authorizer.name);
    if (payload) return payload;
  }
  return undefined;
}

function acceptedFor(payload: JWTPayload, scopes: readonly string[]): boolean {
  if (scopes.length === 0) return payload.token_use === 'id';
  const granted = scopesOf(payload);
  return payload.token_use === 'access' && scopes.some((scope) => granted.includes(scope));
}

/** REST APIs pass `exp` and `iat` as Java dates (`Tue Jul 14 17:36:28 UTC 2020`), every other claim as text. */
function restClaims(payload: JWTPayload): Record<string, string> {
  const claims = flattenClaims(payload);
  for (const name of ['exp', 'iat'] as const) {
    const seconds = payload[name];
    if (typeof seconds === 'number') claims[name] = javaDate(new Date(seconds * 1000));
  }
  return claims;
}

function javaDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}
