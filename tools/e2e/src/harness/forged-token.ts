import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * An ID token shaped like Cognito's (RS256, `kid`, `token_use: id`, the storefront client as audience, a future
 * `exp`) but signed by a key of its own and issued by a pool that is not the shop's: what an attacker, or another
 * user pool, would send. The shop's authorizers must refuse it.
 *
 * @example
 * const token = forgedIdToken({ audience: target.storefrontClientId, subject: customerSub });
 */
export function forgedIdToken(claims: { audience: string; subject?: string }): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: randomUUID() };
  const payload = {
    iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Forged0000',
    sub: claims.subject ?? randomUUID(),
    aud: claims.audience,
    token_use: 'id',
    email: 'mallory@example.com',
    iat: now,
    auth_time: now,
    exp: now + 3600,
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${unsigned}.${base64url(sign('sha256', Buffer.from(unsigned), privateKey))}`;
}
