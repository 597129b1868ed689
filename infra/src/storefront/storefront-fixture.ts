import { type App, Validations } from 'aws-cdk-lib';
import { loadStageConfig } from '../config';
import { ShopStage } from '../shop-stage';
import { testApp } from '../testing/test-app';
import { ImagesCdn } from './images-cdn';
import { StorefrontStack } from './storefront-stack';

const RESOURCE_LIMIT_ELSEWHERE =
  "Checked by shop-stage.test.ts for the stage's own stacks: the storefront's tests must not fail on their size.";

export interface StorefrontFixture {
  readonly app: App;
  readonly stage: ShopStage;
  readonly images: ImagesCdn;
  readonly storefront: StorefrontStack;
}

/**
 * A ShopStage (dev, in an account and region) with the storefront wired in as README.md tells shop-stage.ts to:
 * the real stateful, stateless and payments stacks supply every value. Synthesized without bundling (as every
 * infra test), so the storefront stack takes the construct's documented unbundled path (storefront-build.ts).
 */
export function storefrontStage(appDir?: string): StorefrontFixture {
  const app = testApp({
    stage: 'dev',
    account: '123456789012',
    region: 'eu-west-2',
    // These tests are about the storefront's stacks; shop-stage.test.ts holds the stage's stacks to CloudFormation's
    // 500 resources, and another stack's count must not fail them.
    '@aws-cdk/core:stackResourceLimit': 0,
  });
  const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  const stage = new ShopStage(app, 'ShopDev', { config });
  for (const stack of [stage.stateful, stage.stateless, stage.payments]) {
    Validations.of(stack).acknowledge({ id: 'CloudFormation-Validate::F0007', reason: RESOURCE_LIMIT_ELSEWHERE });
  }
  // The body of README.md's `if (config.hostStorefront)` block for ShopStage (`this` there is the stage). The
  // stage's settings do not change these stacks; dev keeps the rest of the synth smallest.
  const images = new ImagesCdn(stage.stateful, 'ImagesCdn', { bucket: stage.stateful.products.imagesBucket });
  const storefront = new StorefrontStack(stage, 'Storefront', {
    api: { url: stage.stateless.api.url, checkoutApiUrl: stage.stateless.orders.checkoutApiUrl },
    identity: { userPool: stage.stateful.identity.userPool, client: stage.stateful.identity.storefrontClient },
    payments: { url: stage.payments.url, apiKeySecret: stage.payments.apiKeySecret },
    flags: stage.stateless.flags,
    imagesUrl: images.url,
    ...(appDir && { appDir }),
  });
  return { app, stage, images, storefront };
}
