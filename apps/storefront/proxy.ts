import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from './lib/config';
import { COOKIES, CORRELATION_HEADER } from './lib/constants';
import { needsRefresh, readClaims } from './lib/session/claims';
import { clearTokens, storeTokens } from './lib/session/cookies';
import { apiFor } from './lib/shop-api/server';
import type { Tokens } from './lib/shop-api/types';

/**
 * Runs before every page: gives the request a correlation id (passed to the APIs, so one id follows the
 * request through logs, events and workflows), and refreshes an expired ID token here, because only a
 * proxy, a server action or a route handler may set cookies; server components only read them.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refreshToken = request.cookies.get(COOKIES.refreshToken)?.value;
  const claims = readClaims(request.cookies.get(COOKIES.idToken)?.value);
  if (!refreshToken || !needsRefresh(claims, Date.now() / 1000)) return NextResponse.next({ request: { headers: upstreamHeaders(request) } });

  let tokens: Tokens | undefined;
  try {
    tokens = await apiFor(undefined).refresh(refreshToken);
  } catch (error) {
    console.warn('session refresh failed; signing out', error);
  }
  if (tokens) {
    request.cookies.set(COOKIES.idToken, tokens.idToken);
  } else {
    request.cookies.delete(COOKIES.idToken);
    request.cookies.delete(COOKIES.refreshToken);
  }
  const response = NextResponse.next({ request: { headers: upstreamHeaders(request) } });
  if (tokens) storeTokens(response.cookies, tokens, getConfig().secureCookies);
  else clearTokens(response.cookies);
  return response;
}

/** The request's headers as the page will see them: its (changed) cookies and a correlation id. */
function upstreamHeaders(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  if (!headers.has(CORRELATION_HEADER)) headers.set(CORRELATION_HEADER, crypto.randomUUID());
  headers.set('cookie', request.cookies.toString());
  return headers;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
