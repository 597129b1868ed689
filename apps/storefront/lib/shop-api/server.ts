import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getConfig } from '../config';
import { COOKIES, CORRELATION_HEADER } from '../constants';
import { readClaims } from '../session/claims';
import { makeShopApi, type ShopApi } from './index';
import type { Viewer } from './types';

let cognito: CognitoIdentityProviderClient | undefined;

/** The Cognito client; its endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER when set. */
export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({ region: getConfig().region });
  return cognito;
}

export interface RequestSession {
  readonly api: ShopApi;
  readonly viewer: Viewer | undefined;
  readonly guestCartId: string | undefined;
}

/** The facade for a given ID token (a server action that just signed in has a newer one than its request). */
export function apiFor(idToken: string | undefined, correlationId?: string): ShopApi {
  const config = getConfig();
  return makeShopApi({
    apiUrl: config.apiUrl,
    checkoutApiUrl: config.checkoutApiUrl,
    paymentsUrl: config.paymentsUrl,
    paymentsApiKey: config.paymentsApiKey,
    cognito: cognitoClient(),
    userPoolClientId: config.userPoolClientId,
    ...(idToken && { idToken }),
    ...(correlationId && { correlationId }),
  });
}

/** The facade bound to this request: its ID token (refreshed by proxy.ts when due) and correlation id. */
export const getSession = cache(async (): Promise<RequestSession> => {
  const jar = await cookies();
  const idToken = jar.get(COOKIES.idToken)?.value;
  const correlationId = (await headers()).get(CORRELATION_HEADER) ?? undefined;
  return { api: apiFor(idToken, correlationId), viewer: readClaims(idToken)?.viewer, guestCartId: jar.get(COOKIES.guestCart)?.value };
});
