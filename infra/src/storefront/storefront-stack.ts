import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Nextjs } from 'cdk-nextjs-standalone';
import type { Construct } from 'constructs';
import type { ShopFeatureFlags } from '../platform/feature-flags';
import { acknowledgeNextjsFindings } from './nextjs-acknowledgments';
import { nextjsOverrides } from './nextjs-overrides';
import { openNextAppDir, STOREFRONT_APP_DIR } from './storefront-build';

export interface StorefrontStackProps extends StackProps {
  /** From the stateless stack: the HTTP API (`ApiUrl`) and the checkout REST API's stage URL (`CheckoutApiUrl`). */
  readonly api: { readonly url: string; readonly checkoutApiUrl: string };
  /** From the stateful stack: the user pool and the storefront's app client (USER_PASSWORD_AUTH). */
  readonly identity: { readonly userPool: cognito.IUserPool; readonly client: cognito.IUserPoolClient };
  /** From the payments stack: the sandbox's URL, and the secret holding its API key (read, never copied). */
  readonly payments: { readonly url: string; readonly apiKeySecret: secretsmanager.ISecret };
  /** From the stateless stack: the feature flags the storefront evaluates. */
  readonly flags: Pick<ShopFeatureFlags, 'applicationId' | 'environmentId' | 'configurationProfileId' | 'grantRead'>;
  /** The images CDN's URL (`ImagesCdn.url`). */
  readonly imagesUrl: string;
  /** The storefront app, holding `.open-next/` from `npm run build:aws`. @default apps/storefront */
  readonly appDir?: string;
}

/**
 * apps/storefront on AWS, with cdk-nextjs-standalone (OpenNext, ADR 0026): the Next.js server (server components,
 * server actions) in an arm64 Lambda function behind CloudFront, static assets in S3, image optimization and
 * ISR revalidation functions. The server reads its configuration (apps/storefront/lib/config.ts) from variables
 * set here from the other stacks' resources; the payment API key stays in Secrets Manager (only its ARN is
 * passed, and the server may read that one secret). Outputs `StorefrontUrl`.
 *
 * Synth never builds Next.js: deploy after `npm run build:aws -w apps/storefront` (see storefront-build.ts).
 *
 * @example
 * new StorefrontStack(stage, 'Storefront', { api, identity, payments, flags: stateless.flags, imagesUrl });
 */
export class StorefrontStack extends Stack {
  readonly nextjs: Nextjs;
  /** The Next.js server function (SSR, route handlers, server actions). */
  readonly server: lambda.IFunction;
  /** `https://<distribution domain>`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: StorefrontStackProps) {
    const { api, identity, payments, flags, imagesUrl, appDir, ...stackProps } = props;
    super(scope, id, {
      description: 'The Shop storefront (Next.js on Lambda behind CloudFront)',
      ...stackProps,
    });
    const environment = {
      SHOP_API_URL: api.url,
      SHOP_CHECKOUT_API_URL: api.checkoutApiUrl,
      SHOP_PAYMENTS_URL: payments.url,
      SHOP_PAYMENTS_API_KEY_SECRET_ARN: payments.apiKeySecret.secretArn,
      SHOP_USER_POOL_ID: identity.userPool.userPoolId,
      SHOP_USER_POOL_CLIENT_ID: identity.client.userPoolClientId,
      SHOP_IMAGES_URL: imagesUrl,
      SHOP_FLAGS_APPLICATION: flags.applicationId,
      SHOP_FLAGS_ENVIRONMENT: flags.environmentId,
      SHOP_FLAGS_PROFILE: flags.configurationProfileId,
    };
    this.nextjs = new Nextjs(this, 'Nextjs', {
      nextjsPath: openNextAppDir(this, appDir ?? STOREFRONT_APP_DIR),
      skipBuild: true,
      overrides: nextjsOverrides(this, environment),
    });
    this.server = this.nextjs.serverFunction.lambdaFunction;
    flags.grantRead(this.server);
    grantSecretValue(this.server, payments.apiKeySecret);
    acknowledgeNextjsFindings(this.nextjs);

    this.url = this.nextjs.url;
    new CfnOutput(this, 'StorefrontUrl', { value: this.url, description: 'The storefront (CloudFront)' });
  }
}

/** GetSecretValue only, on this secret only (not `secret.grantRead`, which adds DescribeSecret). */
function grantSecretValue(grantee: iam.IGrantable, secret: secretsmanager.ISecret): iam.Grant {
  // A partial ARN (a secret imported by name) needs the six-character suffix Secrets Manager adds.
  const arn = secret.secretFullArn ?? `${secret.secretArn}-??????`;
  return iam.Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [arn] });
}
