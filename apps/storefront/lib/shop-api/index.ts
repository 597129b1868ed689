import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { authApi } from './auth';
import { cartsApi } from './carts';
import { catalogApi } from './catalog';
import { makeApiContext, type ApiSettings } from './context';
import { ordersApi } from './orders';

export interface ShopApiDeps extends ApiSettings {
  readonly cognito: CognitoIdentityProviderClient;
  readonly userPoolClientId: string;
}

/**
 * The storefront's one door to the backend: typed functions over the HTTP API, the checkout REST API, the
 * payment sandbox and Cognito. Every answer is parsed into `./types`; every refusal is a ShopApiError with
 * the API's code. Pages get one bound to the request from `getShopApi()` (lib/shop-api/server.ts).
 */
export function makeShopApi(deps: ShopApiDeps) {
  const ctx = makeApiContext(deps);
  return {
    ...catalogApi(ctx),
    ...cartsApi(ctx),
    ...ordersApi(ctx),
    ...authApi(deps.cognito, deps.userPoolClientId),
  };
}

export type ShopApi = ReturnType<typeof makeShopApi>;
export type { CartRef } from './carts';
export type { ProductQuery } from './catalog';
export { ShopApiError, FACADE_CODES, hasCode } from './errors';
export type * from './types';
