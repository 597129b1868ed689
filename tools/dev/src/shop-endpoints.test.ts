import type { ResolvedResource } from '@shop/local-cloud';
import { describe, expect, it } from 'vitest';
import { MissingEndpointError, shopEndpoints } from './shop-endpoints';

const GATEWAY = 'http://127.0.0.1:4566';

/** The outputs the dev stage's stacks answer on the local cloud (names as in infra/ and services/payments/infra). */
const OUTPUTS = {
  'ShopDev-Stateful': {
    EventBusName: 'ShopDevStatefulEventBus13134BDA',
    UserPoolId: 'us-east-1_DcZr6NbnN',
    StorefrontClientId: 'dyxj1ve20wby0htp08vqvlztym',
  },
  'ShopDev-Payments': {
    PaymentsUrl: `${GATEWAY}/_aws/execute-api/dtvfhvkq6t`,
    PaymentsApiKeySecretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:ShopDev-Payments-Key-7ui7lN',
  },
  'ShopDev-Stateless': {
    ApiUrl: `${GATEWAY}/_aws/execute-api/3aaalv81so/`,
    CheckoutApiUrl: `${GATEWAY}/_aws/execute-api/v7ys45dsfv/v1/`,
  },
};

function aResource(type: string, logicalId: string, ref: string, properties: Record<string, string> = {}): ResolvedResource {
  return { stackName: 'ShopDev-Stateless', logicalId, type, ref, physicalName: ref, attributes: {}, properties };
}

const RESOURCES = [
  aResource('AWS::S3::Bucket', 'ProductsImagesBucketAE78E499', 'shopdev-stateful-productsimagesbucket-phohca'),
  aResource('AWS::S3::Bucket', 'InvoicesBucket1234', 'shopdev-stateful-invoicesbucket-abc'),
  aResource('AWS::AppConfig::Application', 'FeatureFlagsApplication5F1BB13D', 'avvujy2'),
  aResource('AWS::AppConfig::Environment', 'FeatureFlagsEnvironment6234CD53', 'wdon5z1'),
  aResource('AWS::AppConfig::ConfigurationProfile', 'OtherProfile', 'zzzzzzz', { Type: 'AWS.Freeform' }),
  aResource('AWS::AppConfig::ConfigurationProfile', 'FeatureFlagsConfigurationProfile651AA283', 'my9c7ix', {
    Type: 'AWS.AppConfig.FeatureFlags',
  }),
];

describe('shopEndpoints', () => {
  it('reads the URLs and ids from the stacks outputs and the flags and images bucket from the resources', () => {
    const endpoints = shopEndpoints(OUTPUTS, RESOURCES);

    expect(endpoints).toEqual({
      apiUrl: `${GATEWAY}/_aws/execute-api/3aaalv81so`,
      checkoutApiUrl: `${GATEWAY}/_aws/execute-api/v7ys45dsfv/v1/`,
      paymentsUrl: `${GATEWAY}/_aws/execute-api/dtvfhvkq6t`,
      paymentsApiKeySecretArn: OUTPUTS['ShopDev-Payments'].PaymentsApiKeySecretArn,
      userPoolId: 'us-east-1_DcZr6NbnN',
      storefrontClientId: 'dyxj1ve20wby0htp08vqvlztym',
      imagesBucket: 'shopdev-stateful-productsimagesbucket-phohca',
      flags: { application: 'avvujy2', environment: 'wdon5z1', profile: 'my9c7ix' },
    });
  });

  it('prefers outputs for the images bucket and the flags when the stacks have them', () => {
    const outputs = {
      ...OUTPUTS,
      'ShopDev-Flags': {
        ImagesBucketName: 'images-from-output',
        FeatureFlagsApplicationId: 'app0001',
        FeatureFlagsEnvironmentId: 'env0001',
        FeatureFlagsProfileId: 'prf0001',
      },
    };

    const endpoints = shopEndpoints(outputs, []);

    expect(endpoints.imagesBucket).toBe('images-from-output');
    expect(endpoints.flags).toEqual({ application: 'app0001', environment: 'env0001', profile: 'prf0001' });
  });

  it('ends the checkout base with one slash, as POST <base>checkout needs', () => {
    const outputs = { ...OUTPUTS, 'ShopDev-Stateless': { ...OUTPUTS['ShopDev-Stateless'], CheckoutApiUrl: 'http://x/v1' } };

    expect(shopEndpoints(outputs, RESOURCES).checkoutApiUrl).toBe('http://x/v1/');
  });

  it('names the output that is missing', () => {
    const { PaymentsUrl: _gone, ...payments } = OUTPUTS['ShopDev-Payments'];

    const read = () => shopEndpoints({ ...OUTPUTS, 'ShopDev-Payments': payments }, RESOURCES);

    expect(read).toThrow(new MissingEndpointError('The synthesized shop has no the stack output PaymentsUrl'));
  });

  it('refuses to guess between two feature-flag applications', () => {
    const resources = [...RESOURCES, aResource('AWS::AppConfig::Application', 'AnotherApp', 'bbbbbbb')];

    expect(() => shopEndpoints(OUTPUTS, resources)).toThrow(/the AppConfig application \(found 2, expected one\)/);
  });
});
