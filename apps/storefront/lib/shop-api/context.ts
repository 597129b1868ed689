import type { z } from 'zod';
import { FACADE_CODES, ShopApiError } from './errors';
import { requestJson, type Fetch, type RequestOptions } from './http';

/** What one request's facade knows: where the APIs are, who is calling, and the request's correlation id. */
export interface ApiSettings {
  readonly apiUrl: string;
  readonly checkoutApiUrl: string;
  readonly paymentsUrl: string;
  readonly paymentsApiKey: string;
  readonly fetch?: Fetch;
  readonly idToken?: string;
  readonly correlationId?: string;
}

/** @internal The HTTP API calls every module of the facade shares. */
export interface ApiContext {
  readonly settings: ApiSettings;
  get<S extends z.ZodType>(path: string, schema: S, options?: Pick<RequestOptions, 'cache'> & { auth?: boolean }): Promise<z.infer<S>>;
  send<S extends z.ZodType>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, schema: S, body?: unknown, options?: { auth?: boolean }): Promise<z.infer<S>>;
  call<S extends z.ZodType>(url: string, schema: S, options: RequestOptions & { auth?: boolean }): Promise<z.infer<S>>;
}

/** @internal */
export function makeApiContext(settings: ApiSettings): ApiContext {
  const fetchFn = settings.fetch ?? fetch;
  const call: ApiContext['call'] = (url, schema, options) => {
    if (options.auth && !settings.idToken) {
      return Promise.reject(new ShopApiError(FACADE_CODES.signedOut, 'Sign in to continue', 401));
    }
    const idToken = options.auth ? settings.idToken : undefined;
    return requestJson(fetchFn, url, schema, { ...options, ...(idToken && { idToken }), ...(settings.correlationId && { correlationId: settings.correlationId }) });
  };
  return {
    settings,
    call,
    get: (path, schema, options = {}) => call(`${settings.apiUrl}${path}`, schema, options),
    send: (method, path, schema, body, options = {}) => call(`${settings.apiUrl}${path}`, schema, { ...options, method, body }),
  };
}
