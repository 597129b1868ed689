import { describe, expect, it } from 'vitest';
import type { ShopEndpoints } from './shop-endpoints';
import { exportLines, storefrontEnvironment } from './storefront-env';

const ENDPOINTS: ShopEndpoints = {
  apiUrl: 'http://127.0.0.1:4566/_aws/execute-api/api1',
  checkoutApiUrl: 'http://127.0.0.1:4566/_aws/execute-api/rest1/v1/',
  paymentsUrl: 'http://127.0.0.1:4566/_aws/execute-api/pay1',
  paymentsApiKeySecretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:key',
  userPoolId: 'us-east-1_pool',
  storefrontClientId: 'client1',
  imagesBucket: 'images-bucket',
  flags: { application: 'app1', environment: 'env1', profile: 'prf1' },
};

describe('storefrontEnvironment', () => {
  it('gives the storefront every SHOP_ variable and the SDK settings of the local cloud', () => {
    const cloudEnvironment = {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_APPCONFIGDATA: 'http://127.0.0.1:4566',
      AWS_REGION: 'us-east-1',
    };

    const env = storefrontEnvironment({
      endpoints: ENDPOINTS,
      paymentsApiKey: 'sandbox-key',
      imagesUrl: 'http://127.0.0.1:4567/',
      cloudEnvironment,
    });

    expect(env).toEqual({
      SHOP_API_URL: ENDPOINTS.apiUrl,
      SHOP_CHECKOUT_API_URL: ENDPOINTS.checkoutApiUrl,
      SHOP_PAYMENTS_URL: ENDPOINTS.paymentsUrl,
      SHOP_PAYMENTS_API_KEY: 'sandbox-key',
      SHOP_USER_POOL_ID: 'us-east-1_pool',
      SHOP_USER_POOL_CLIENT_ID: 'client1',
      SHOP_IMAGES_URL: 'http://127.0.0.1:4567',
      SHOP_FLAGS_APPLICATION: 'app1',
      SHOP_FLAGS_ENVIRONMENT: 'env1',
      SHOP_FLAGS_PROFILE: 'prf1',
      SHOP_FLAGS_MAX_AGE_SECONDS: '0',
      ...cloudEnvironment,
    });
  });
});

describe('exportLines', () => {
  it('writes one export per variable and quotes only values a shell would split or expand', () => {
    const lines = exportLines({ SHOP_API_URL: 'http://127.0.0.1:4566/x', KEY: "it's $secret" });

    expect(lines).toBe("export SHOP_API_URL=http://127.0.0.1:4566/x\nexport KEY='it'\\''s $secret'\n");
  });
});
