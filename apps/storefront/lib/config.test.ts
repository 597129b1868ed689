import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const ENV = {
  SHOP_API_URL: 'http://127.0.0.1:4566/api/',
  SHOP_CHECKOUT_API_URL: 'http://127.0.0.1:4566/restapis/abc/prod',
  SHOP_PAYMENTS_URL: 'http://127.0.0.1:4566/payments',
  SHOP_PAYMENTS_API_KEY: 'key',
  SHOP_USER_POOL_ID: 'eu-west-2_abc',
  SHOP_USER_POOL_CLIENT_ID: 'client',
  SHOP_IMAGES_URL: 'http://127.0.0.1:4566/images/',
  SHOP_FLAGS_APPLICATION: 'shop',
  SHOP_FLAGS_ENVIRONMENT: 'dev',
  SHOP_FLAGS_PROFILE: 'feature-flags',
  AWS_REGION: 'eu-west-2',
};

describe('parseConfig', () => {
  it('normalises the URLs: no trailing slash, except the checkout base that `checkout` is appended to', () => {
    const config = parseConfig(ENV);

    expect(config.apiUrl).toBe('http://127.0.0.1:4566/api');
    expect(config.checkoutApiUrl).toBe('http://127.0.0.1:4566/restapis/abc/prod/');
    expect(config.imagesUrl).toBe('http://127.0.0.1:4566/images');
    expect(config.currency).toBe('GBP');
  });

  it('reads flags on every request in development and reuses them for 15 s in production', () => {
    expect(parseConfig(ENV).flags.maxAgeSeconds).toBe(0);
    expect(parseConfig({ ...ENV, NODE_ENV: 'production' }).flags.maxAgeSeconds).toBe(15);
    expect(parseConfig({ ...ENV, SHOP_FLAGS_MAX_AGE_SECONDS: '30' }).flags.maxAgeSeconds).toBe(30);
  });

  it('marks session cookies secure in production unless told otherwise', () => {
    expect(parseConfig(ENV).secureCookies).toBe(false);
    expect(parseConfig({ ...ENV, NODE_ENV: 'production' }).secureCookies).toBe(true);
    expect(parseConfig({ ...ENV, NODE_ENV: 'production', SHOP_SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
  });

  it('names every missing or invalid variable in one message', () => {
    const { SHOP_API_URL: _api, SHOP_USER_POOL_ID: _pool, ...rest } = ENV;

    const error = (() => {
      try {
        parseConfig({ ...rest, SHOP_IMAGES_URL: 'not a url' });
      } catch (e) {
        return e;
      }
    })();

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('STOREFRONT.CONFIG_INVALID');
    expect((error as Error).message).toContain('SHOP_API_URL: missing');
    expect((error as Error).message).toContain('SHOP_USER_POOL_ID: missing');
    expect((error as Error).message).toMatch(/SHOP_IMAGES_URL: .*URL/i);
  });
});
