import { z } from 'zod';

/** The environment is incomplete or wrong: the message lists every variable to fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'STOREFRONT.CONFIG_INVALID';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const url = z.url({ protocol: /^https?$/ });
const name = z.string().trim().min(1);

const Env = z.object({
  SHOP_API_URL: url,
  SHOP_CHECKOUT_API_URL: url,
  SHOP_PAYMENTS_URL: url,
  SHOP_PAYMENTS_API_KEY: name,
  SHOP_USER_POOL_ID: name,
  SHOP_USER_POOL_CLIENT_ID: name,
  SHOP_IMAGES_URL: url,
  SHOP_FLAGS_APPLICATION: name,
  SHOP_FLAGS_ENVIRONMENT: name,
  SHOP_FLAGS_PROFILE: name,
  SHOP_FLAGS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  SHOP_CURRENCY: z.string().regex(/^[A-Z]{3}$/).default('GBP'),
  SHOP_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  AWS_REGION: name,
  NODE_ENV: z.string().optional(),
});

export interface ShopConfig {
  /** The HTTP API, no trailing slash: products, carts, orders, /me, invoices. */
  readonly apiUrl: string;
  /** The REST API's stage URL, with its trailing slash: `${checkoutApiUrl}checkout`. */
  readonly checkoutApiUrl: string;
  readonly paymentsUrl: string;
  readonly paymentsApiKey: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly imagesUrl: string;
  readonly flags: { readonly application: string; readonly environment: string; readonly profile: string; readonly maxAgeSeconds: number };
  readonly currency: string;
  readonly region: string;
  readonly production: boolean;
  /** Session cookies only over HTTPS: on in production unless SHOP_SECURE_COOKIES=false (a plain-HTTP demo host). */
  readonly secureCookies: boolean;
}

const trimSlash = (value: string) => value.replace(/\/+$/, '');

/**
 * Validates the storefront's environment. In development flags are read on every request (a flip in the
 * local cloud shows at once); in production they are reused for 15 s, AppConfig Data's minimum poll interval.
 */
export function parseConfig(env: Record<string, string | undefined>): ShopConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${env[String(issue.path[0])] === undefined ? 'missing' : issue.message}`);
    throw new ConfigError(`The storefront cannot start; set these environment variables (see apps/storefront/README.md):\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    apiUrl: trimSlash(e.SHOP_API_URL),
    checkoutApiUrl: `${trimSlash(e.SHOP_CHECKOUT_API_URL)}/`,
    paymentsUrl: trimSlash(e.SHOP_PAYMENTS_URL),
    paymentsApiKey: e.SHOP_PAYMENTS_API_KEY,
    userPoolId: e.SHOP_USER_POOL_ID,
    userPoolClientId: e.SHOP_USER_POOL_CLIENT_ID,
    imagesUrl: trimSlash(e.SHOP_IMAGES_URL),
    flags: {
      application: e.SHOP_FLAGS_APPLICATION,
      environment: e.SHOP_FLAGS_ENVIRONMENT,
      profile: e.SHOP_FLAGS_PROFILE,
      maxAgeSeconds: e.SHOP_FLAGS_MAX_AGE_SECONDS ?? (production ? 15 : 0),
    },
    currency: e.SHOP_CURRENCY,
    region: e.AWS_REGION,
    production,
    secureCookies: e.SHOP_SECURE_COOKIES === undefined ? production : e.SHOP_SECURE_COOKIES === 'true',
  };
}

let config: ShopConfig | undefined;

/** The configuration, read from `process.env` on first use (not at import: `next build` has no backend). */
export function getConfig(): ShopConfig {
  config ??= parseConfig(process.env);
  return config;
}
