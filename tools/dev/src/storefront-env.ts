import type { ShopEndpoints } from './shop-endpoints';

export interface StorefrontEnvInput {
  readonly endpoints: ShopEndpoints;
  /** The payment sandbox's API key (read from its secret). */
  readonly paymentsApiKey: string;
  /** Where the product images are served: `<imagesUrl>/<key>`. */
  readonly imagesUrl: string;
  /** The local cloud's `environment()`: AWS_ENDPOINT_URL_*, region and the credentials it accepts. */
  readonly cloudEnvironment: Readonly<Record<string, string>>;
}

/**
 * The environment the storefront runs with (see apps/storefront/README.md): its `SHOP_*` variables, and the AWS
 * SDK's endpoints, region and credentials for the local cloud.
 *
 * @example
 * const env = storefrontEnvironment({ endpoints, paymentsApiKey, imagesUrl: images.url, cloudEnvironment: cloud.environment() });
 * spawn('next', ['dev'], { env: { ...process.env, ...env } });
 */
export function storefrontEnvironment(input: StorefrontEnvInput): Record<string, string> {
  const { endpoints } = input;
  return {
    SHOP_API_URL: endpoints.apiUrl,
    SHOP_CHECKOUT_API_URL: endpoints.checkoutApiUrl,
    SHOP_PAYMENTS_URL: endpoints.paymentsUrl,
    SHOP_PAYMENTS_API_KEY: input.paymentsApiKey,
    SHOP_USER_POOL_ID: endpoints.userPoolId,
    SHOP_USER_POOL_CLIENT_ID: endpoints.storefrontClientId,
    SHOP_IMAGES_URL: input.imagesUrl.replace(/\/+$/, ''),
    SHOP_FLAGS_APPLICATION: endpoints.flags.application,
    SHOP_FLAGS_ENVIRONMENT: endpoints.flags.environment,
    SHOP_FLAGS_PROFILE: endpoints.flags.profile,
    // A flag flipped in the local console shows on the next request, even with --prod (whose default reuses flags for
    // 15 s, AppConfig's minimum poll interval; the local AppConfig does not enforce it).
    SHOP_FLAGS_MAX_AGE_SECONDS: '0',
    ...input.cloudEnvironment,
  };
}

/**
 * `export` lines for a POSIX shell, values quoted when they need it.
 *
 * @example
 * exportLines({ SHOP_API_URL: 'http://127.0.0.1:4566/x' }); // "export SHOP_API_URL=http://127.0.0.1:4566/x\n"
 */
export function exportLines(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([key, value]) => `export ${key}=${shellQuote(value)}\n`)
    .join('');
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
