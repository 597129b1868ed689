import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CognitoEngine } from '../engine/cognito-engine';
import type { UserPool } from '../engine/user-pool';

const WELL_KNOWN = /^\/([\w-]+_[0-9A-Za-z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/**
 * Serves each pool's `/<userPoolId>/.well-known/jwks.json` and `/.well-known/openid-configuration` over
 * plain GET (no SigV4), as Cognito serves them at its issuer URL: what a JWT authorizer or a token
 * verifier fetches. Resolves false for any other request, so a caller can try it first.
 *
 * @example
 * server.on('request', async (req, res) => { if (!(await serveWellKnown(engine, req, res))) next(req, res); });
 */
export async function serveWellKnown(engine: CognitoEngine, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const match = WELL_KNOWN.exec(new URL(req.url ?? '/', 'http://local').pathname);
  if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const pool = engine.listPools().find((candidate) => candidate.id === match[1]);
  if (!pool) {
    send(res, 404, { message: `User pool ${match[1]} does not exist.` });
    return true;
  }
  send(res, 200, match[2] === 'jwks.json' ? await pool.signingKey.jwks() : openIdConfiguration(pool));
  return true;
}

/** The paths the gateway must send here without a signature: one prefix per pool. */
export function wellKnownPrefixes(engine: CognitoEngine): string[] {
  return engine.listPools().map((pool) => `/${pool.id}/.well-known/`);
}

/** Cognito's discovery document, less the hosted-UI endpoints: the local cloud has no user pool domain. */
function openIdConfiguration(pool: UserPool) {
  return {
    issuer: pool.issuer,
    jwks_uri: `${pool.issuer}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    claims_supported: ['sub', 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'cognito:username', 'cognito:groups'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
  res.end(JSON.stringify(body));
}
