import { z } from 'zod';
import type { Viewer } from '../shop-api/types';

const Claims = z.object({
  sub: z.string(),
  email: z.string().default(''),
  exp: z.number(),
  'cognito:groups': z.union([z.array(z.string()), z.string()]).optional(),
});

/** What the storefront reads from an ID token: who, which groups, and until when. */
export interface SessionClaims {
  readonly viewer: Viewer;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/**
 * The claims of a Cognito ID token, without checking its signature: the APIs verify every token they get,
 * and the storefront uses these only to choose what to show (a forged cookie shows an admin form whose
 * requests the API then refuses). Undefined when the token is not a readable JWT.
 */
export function readClaims(idToken: string | undefined): SessionClaims | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = Claims.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    const groups = claims['cognito:groups'];
    return {
      viewer: { sub: claims.sub, email: claims.email, groups: typeof groups === 'string' ? groups.split(' ') : (groups ?? []) },
      expiresAt: claims.exp,
    };
  } catch {
    return undefined;
  }
}

/** Whether the token must be refreshed before use: expired, or within `skewSeconds` of it. */
export function needsRefresh(claims: SessionClaims | undefined, nowSeconds: number, skewSeconds = 60): boolean {
  return claims === undefined || claims.expiresAt - skewSeconds <= nowSeconds;
}

export const isAdmin = (viewer: Viewer | undefined): boolean => viewer?.groups.includes('admin') === true;
