import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STOREFRONT_APP_DIR } from './storefront-build';
import { storefrontStage } from './storefront-fixture';

/** The variables apps/storefront/lib/config.ts requires, less the API key (by reference) and AWS_REGION (Lambda's). */
const SHOP_VARIABLES = [
  'SHOP_API_URL',
  'SHOP_CHECKOUT_API_URL',
  'SHOP_PAYMENTS_URL',
  'SHOP_PAYMENTS_API_KEY_SECRET_ARN',
  'SHOP_USER_POOL_ID',
  'SHOP_USER_POOL_CLIENT_ID',
  'SHOP_IMAGES_URL',
  'SHOP_FLAGS_APPLICATION',
  'SHOP_FLAGS_ENVIRONMENT',
  'SHOP_FLAGS_PROFILE',
];

// An app directory as a fresh clone has it (package.json, no build), to see that synth leaves it untouched.
const appDir = mkdtempSync(join(tmpdir(), 'storefront-app-'));
copyFileSync(join(STOREFRONT_APP_DIR, 'package.json'), join(appDir, 'package.json'));
const { stage, storefront } = storefrontStage(appDir);
const template = Template.fromStack(storefront);
const serverId = storefront.getLogicalId(storefront.server.node.defaultChild as never);
const server = template.toJSON().Resources[serverId].Properties;
const variables = server.Environment.Variables as Record<string, unknown>;

/** Where a cross-stack value comes from: `<stack>/<output of the producing stack>`. */
function producerOf(value: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(value, (key, node) => {
    if (key === 'Fn::GetStackOutput') found.push(node.StackName);
    return node;
  });
  return found;
}

describe('StorefrontStack', () => {
  it('runs the Next.js server on arm64 Lambda with Node.js 24', () => {
    expect(server).toMatchObject({ Architectures: ['arm64'], Runtime: 'nodejs24.x', Handler: 'index.handler' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Next.js Image Optimization Function',
      Architectures: ['arm64'],
      Runtime: 'nodejs24.x',
    });
  });

  it("configures the server with every value it reads, each taken from the other stacks' resources", () => {
    expect(
      Object.keys(variables)
        .filter((name) => name.startsWith('SHOP_'))
        .sort(),
    ).toEqual([...SHOP_VARIABLES].sort());

    const producers = Object.fromEntries(SHOP_VARIABLES.map((name) => [name, producerOf(variables[name])]));

    expect(producers).toEqual({
      SHOP_API_URL: ['ShopDev-Stateless'],
      SHOP_CHECKOUT_API_URL: ['ShopDev-Stateless', 'ShopDev-Stateless'],
      SHOP_PAYMENTS_URL: ['ShopDev-Payments'],
      SHOP_PAYMENTS_API_KEY_SECRET_ARN: ['ShopDev-Payments'],
      SHOP_USER_POOL_ID: ['ShopDev-Stateful'],
      SHOP_USER_POOL_CLIENT_ID: ['ShopDev-Stateful'],
      SHOP_IMAGES_URL: ['ShopDev-Stateful'],
      SHOP_FLAGS_APPLICATION: ['ShopDev-Stateless'],
      SHOP_FLAGS_ENVIRONMENT: ['ShopDev-Stateless'],
      SHOP_FLAGS_PROFILE: ['ShopDev-Stateless'],
    });
    expect(JSON.stringify(variables.SHOP_PAYMENTS_API_KEY_SECRET_ARN)).toContain('PaymentsApiKeySecret');
    expect(JSON.stringify(variables.SHOP_IMAGES_URL)).toContain('ImagesCdnDistribution');
  });

  it('passes the payment API key by reference, and grants reading only that secret and the flags profile', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes('NextjsServerFnServiceRole'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const secretStatements = statements.filter((s) => JSON.stringify(s.Action).includes('secretsmanager'));
    const appConfigStatements = statements.filter((s) => JSON.stringify(s.Action).includes('appconfig'));

    expect(variables).not.toHaveProperty('SHOP_PAYMENTS_API_KEY');
    expect(secretStatements).toEqual([
      {
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: variables.SHOP_PAYMENTS_API_KEY_SECRET_ARN,
      },
    ]);
    expect(appConfigStatements).toHaveLength(1);
    expect([...appConfigStatements[0].Action].sort()).toEqual([
      'appconfig:GetLatestConfiguration',
      'appconfig:StartConfigurationSession',
    ]);
    const resource = JSON.stringify(appConfigStatements[0].Resource);
    for (const id of ['Application', 'Environment', 'ConfigurationProfile'])
      expect(resource).toContain(`FeatureFlags${id}`);
    expect(resource).not.toContain('*');
  });

  it('serves the storefront through CloudFront and outputs its URL', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.hasOutput('StorefrontUrl', {
      Value: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^NextjsDistribution'), 'DomainName'] }]],
      },
    });
    expect(stage.node.tryFindChild('Storefront')).toBe(storefront);
  });

  it('synthesizes without building Next.js or writing empty .open-next folders into the app', () => {
    expect(existsSync(join(appDir, '.open-next'))).toBe(false);
    expect(existsSync(join(appDir, '.next'))).toBe(false);
  });
});
