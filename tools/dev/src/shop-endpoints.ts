import type { Json, ResolvedResource } from '@shop/local-cloud';

/** Where the running shop answers and what the storefront needs to reach it, read from the synthesized stacks. */
export interface ShopEndpoints {
  /** The HTTP API (products, carts, orders, /me, invoices), without a trailing slash. */
  readonly apiUrl: string;
  /** The checkout REST API's base, ending in `/` (POST `<base>checkout`). */
  readonly checkoutApiUrl: string;
  readonly paymentsUrl: string;
  readonly paymentsApiKeySecretArn: string;
  readonly userPoolId: string;
  readonly storefrontClientId: string;
  readonly imagesBucket: string;
  readonly flags: { readonly application: string; readonly environment: string; readonly profile: string };
}

/** The stacks lack a value the shop needs: the app changed, or a stack is missing. */
export class MissingEndpointError extends Error {
  override readonly name = 'MissingEndpointError';
  readonly code = 'DEV.MISSING_ENDPOINT';
}

type Outputs = Readonly<Record<string, Readonly<Record<string, Json>>>>;

/**
 * The shop's endpoints from its stack outputs (any stack; each output name is the shop's own). The images bucket and
 * the feature-flag ids are read from outputs of those names when the stacks have them, otherwise from the resources
 * themselves (the local cloud knows every physical id), so the storefront gets them either way.
 *
 * @throws MissingEndpointError naming what is missing.
 * @example
 * const endpoints = shopEndpoints(cloud.outputs(), cloud.resolved.resources);
 */
export function shopEndpoints(outputs: Outputs, resources: readonly ResolvedResource[]): ShopEndpoints {
  const required = (name: string) => outputOf(outputs, name) ?? missing(`the stack output ${name}`);
  return {
    apiUrl: required('ApiUrl').replace(/\/+$/, ''),
    checkoutApiUrl: required('CheckoutApiUrl').replace(/\/*$/, '/'),
    paymentsUrl: required('PaymentsUrl').replace(/\/+$/, ''),
    paymentsApiKeySecretArn: required('PaymentsApiKeySecretArn'),
    userPoolId: required('UserPoolId'),
    storefrontClientId: required('StorefrontClientId'),
    imagesBucket:
      outputOf(outputs, 'ImagesBucketName') ??
      resourceRef(resources, (r) => r.type === 'AWS::S3::Bucket' && r.logicalId.includes('ImagesBucket'), 'the images bucket'),
    flags: {
      application:
        outputOf(outputs, 'FeatureFlagsApplicationId') ??
        resourceRef(resources, (r) => r.type === 'AWS::AppConfig::Application', 'the AppConfig application'),
      environment:
        outputOf(outputs, 'FeatureFlagsEnvironmentId') ??
        resourceRef(resources, (r) => r.type === 'AWS::AppConfig::Environment', 'the AppConfig environment'),
      profile:
        outputOf(outputs, 'FeatureFlagsProfileId') ??
        resourceRef(resources, isFeatureFlagsProfile, 'the AppConfig feature-flags profile'),
    },
  };
}

function outputOf(outputs: Outputs, name: string): string | undefined {
  for (const stack of Object.values(outputs)) {
    const value = stack[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function resourceRef(resources: readonly ResolvedResource[], matches: (r: ResolvedResource) => boolean, what: string): string {
  const found = resources.filter(matches);
  const [only] = found;
  if (found.length !== 1 || !only) missing(`${what} (found ${found.length}, expected one)`);
  return only.ref;
}

function isFeatureFlagsProfile(resource: ResolvedResource): boolean {
  return resource.type === 'AWS::AppConfig::ConfigurationProfile' && resource.properties.Type === 'AWS.AppConfig.FeatureFlags';
}

function missing(what: string): never {
  throw new MissingEndpointError(`The synthesized shop has no ${what}`);
}
