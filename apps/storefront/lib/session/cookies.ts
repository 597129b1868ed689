import { COOKIES } from '../constants';
import type { Tokens } from '../shop-api/types';

/** What `cookies()` and a NextResponse's `cookies` both offer. */
export interface CookieJar {
  set(name: string, value: string, options: CookieOptions): unknown;
  delete(name: string): unknown;
}

export interface CookieOptions {
  readonly httpOnly: true;
  readonly secure: boolean;
  readonly sameSite: 'lax';
  readonly path: '/';
  readonly maxAge: number;
}

/** Cognito's refresh token lives 30 days (infra/src/platform/identity.ts); the ID token cookie lives as long, so an expired ID token can be refreshed. */
const SESSION_SECONDS = 30 * 24 * 3600;
/** A guest cart lasts 7 days after its last change (orders service). */
const GUEST_CART_SECONDS = 7 * 24 * 3600;

export const cookieOptions = (secure: boolean, maxAge: number): CookieOptions => ({ httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge });

/** Stores the session's tokens: httpOnly (no script reads them), secure in production, sent on top-level navigations. */
export function storeTokens(jar: CookieJar, tokens: Tokens, secure: boolean): void {
  jar.set(COOKIES.idToken, tokens.idToken, cookieOptions(secure, SESSION_SECONDS));
  if (tokens.refreshToken) jar.set(COOKIES.refreshToken, tokens.refreshToken, cookieOptions(secure, SESSION_SECONDS));
}

export function clearTokens(jar: CookieJar): void {
  jar.delete(COOKIES.idToken);
  jar.delete(COOKIES.refreshToken);
}

export function storeGuestCart(jar: CookieJar, cartId: string, secure: boolean): void {
  jar.set(COOKIES.guestCart, cartId, cookieOptions(secure, GUEST_CART_SECONDS));
}
