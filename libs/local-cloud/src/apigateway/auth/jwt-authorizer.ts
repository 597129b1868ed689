import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { Logger } from '../../core/contracts';
import { gatewayMessage, type ApiResponse } from '../http/api-response';
import type { IntegrationContext, JwtAuthorization } from '../http/integration-context';
import { mapValue } from '../integrations/mapping-values';
import type { JwtAuthorizer } from '../model/http-api';
import { audienceMatches, flattenClaims, scopesOf } from './jwt-claims';

/** API Gateway verifies RSA signatures only. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
/** API Gateway's quota for fetching an issuer's JSON Web Key Set. */
const JWKS_TIMEOUT_MS = 1_500;

export type AuthorizationOutcome = { readonly allowed: true; readonly authorization: JwtAuthorization } | { readonly allowed: false; readonly response: ApiResponse };

export interface JwtVerifierOptions {
  readonly logger: Logger;
  /**
   * The issuer that stands locally for a configured one (the local Cognito's `<gateway>/<poolId>` for
   * `https://cognito-idp.<region>.amazonaws.com/<poolId>`): tokens must carry it as `iss` and its keys are
   * fetched from `<issuer>/.well-known/jwks.json`. Undefined keeps the configured issuer.
   */
  readonly issuerFor?: (issuer: string) => string | undefined;
}

/**
 * JWT authorizers as API Gateway runs them: the token from the identity source (with or without `Bearer `),
 * an RSA signature checked against the issuer's JWKS (fetched over HTTP, cached per issuer), `iss`, `exp`,
 * `nbf`, `aud` or `client_id`, then the route's scopes. 401 `{"message":"Unauthorized"}` for a missing or
 * invalid token, 403 `{"message":"Forbidden"}` when it lacks every scope the route accepts.
 *
 * @example
 * const outcome = await verifier.authorize(authorizer, ['orders/write'], ctx);
 * if (!outcome.allowed) return outcome.response;
 */
export class JwtVerifier {
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  constructor(private readonly options: JwtVerifierOptions) {}

  async authorize(authorizer: JwtAuthorizer, routeScopes: readonly string[], ctx: IntegrationContext): Promise<AuthorizationOutcome> {
    const source = mapValue(authorizer.identitySource, ctx)?.trim();
    if (!source) return deny(401, 'Unauthorized', 'Bearer');
    const token = source.replace(/^Bearer\s+/i, '');
    const payload = await this.verify(token, authorizer.issuer, authorizer.name);
    if (!payload) return deny(401, 'Unauthorized', 'Bearer error="invalid_token"');
    if (!audienceMatches(payload, authorizer.audience)) return deny(401, 'Unauthorized', 'Bearer error="invalid_token"');
    const scopes = scopesOf(payload);
    if (routeScopes.length > 0 && !routeScopes.some((scope) => scopes.includes(scope))) {
      return deny(403, 'Forbidden', `Bearer error="insufficient_scope" scope="${routeScopes.join(' ')}"`);
    }
    return { allowed: true, authorization: { claims: flattenClaims(payload), scopes: routeScopes.length > 0 ? scopes : null } };
  }

  /**
   * Verifies a token's RSA signature against its issuer's keys (the local issuer standing for a configured one),
   * `iss`, `exp` and `nbf`: the payload, or undefined when the token is not valid. REST APIs' Cognito
   * authorizers verify with it too.
   *
   * @example
   * const payload = await verifier.verify(token, 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz', 'ShopAuthorizer');
   */
  async verify(token: string, configuredIssuer: string, authorizerName: string): Promise<JWTPayload | undefined> {
    const issuer = this.options.issuerFor?.(configuredIssuer) ?? configuredIssuer;
    try {
      const { payload } = await jwtVerify(token, this.keySet(issuer), { issuer, algorithms: ALGORITHMS });
      return payload;
    } catch (err) {
      this.logRejection(authorizerName, configuredIssuer, err);
      return undefined;
    }
  }

  private keySet(issuer: string): ReturnType<typeof createRemoteJWKSet> {
    const uri = `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
    let keySet = this.keySets.get(uri);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(uri), { timeoutDuration: JWKS_TIMEOUT_MS });
      this.keySets.set(uri, keySet);
    }
    return keySet;
  }

  /** A key set that cannot be fetched is a set-up problem worth a warning; a bad token is the client's. */
  private logRejection(authorizer: string, issuer: string, err: unknown): void {
    const code = (err as { code?: unknown }).code;
    const setUp = typeof code !== 'string' || code === 'ERR_JOSE_GENERIC' || (code.startsWith('ERR_JWKS_') && code !== 'ERR_JWKS_NO_MATCHING_KEY');
    const fields = { authorizer, issuer, err };
    if (setUp) this.options.logger.warn('JWT authorizer could not read the issuer keys', fields);
    else this.options.logger.debug('JWT rejected', fields);
  }
}

function deny(statusCode: 401 | 403, message: string, challenge: string): AuthorizationOutcome {
  return { allowed: false, response: gatewayMessage(statusCode, message, { 'www-authenticate': challenge }) };
}
