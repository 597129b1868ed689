import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/** One pool's RS256 key pair, made on first use (each start has new keys: tokens do not outlive it). */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: JWK;
}

/**
 * A user pool's token signing key, as Cognito keeps one per pool and publishes it in the pool's JWKS.
 *
 * @example
 * const key = new PoolSigningKey();
 * const { keys } = await key.jwks(); // [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid, n, e }]
 */
export class PoolSigningKey {
  private pending: Promise<SigningKey> | undefined;

  get(): Promise<SigningKey> {
    this.pending ??= makeKey();
    return this.pending;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    return { keys: [(await this.get()).jwk] };
  }
}

async function makeKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(32).toString('base64');
  const { n, e, kty } = await exportJWK(publicKey);
  return { kid, privateKey, publicKey, jwk: { alg: 'RS256', e, kid, kty, n, use: 'sig' } };
}
