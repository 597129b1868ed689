import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { NextjsOverrides } from 'cdk-nextjs-standalone';
import type { Construct } from 'constructs';

/** Every function of the storefront, the construct's own included, on the runtime and architecture of the shop's. */
const RUNTIME = { runtime: lambda.Runtime.NODEJS_24_X, architecture: lambda.Architecture.ARM_64 } as const;

/**
 * What the shop changes in cdk-nextjs-standalone's defaults: the server's configuration (`environment`), Node.js 24
 * on arm64 for every function (the construct defaults to Node.js 22), a dead-letter queue for ISR revalidation
 * messages that keep failing, and no LogRetention custom resource (its role needs `logs:*` on `*`).
 *
 * @example
 * new Nextjs(this, 'Nextjs', { nextjsPath, skipBuild: true, overrides: nextjsOverrides(this, environment) });
 */
export function nextjsOverrides(scope: Construct, environment: Record<string, string>): NextjsOverrides {
  const revalidationFailures = new sqs.Queue(scope, 'RevalidationDeadLetterQueue', {
    fifo: true,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const bucketDeployment = { overrides: { functionProps: RUNTIME } };
  return {
    nextjs: {
      nextjsServerProps: {
        lambda: { ...RUNTIME, description: 'Shop storefront: Next.js server', environment },
      },
      nextjsImageProps: { lambdaOptions: RUNTIME },
    },
    nextjsServer: { nextjsBucketDeploymentProps: bucketDeployment },
    nextjsStaticAssets: { nextjsBucketDeploymentProps: bucketDeployment },
    nextjsRevalidation: {
      queueFunctionProps: RUNTIME,
      insertFunctionProps: RUNTIME,
      queueProps: {
        fifo: true,
        receiveMessageWaitTime: Duration.seconds(20),
        enforceSSL: true,
        deadLetterQueue: { queue: revalidationFailures, maxReceiveCount: 5 },
      },
      insertProviderProps: { logRetention: undefined },
    },
  };
}
