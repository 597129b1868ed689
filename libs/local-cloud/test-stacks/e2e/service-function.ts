import { App, Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

/**
 * An app that synthesizes into `outdir`. CDK's built-in template validation is off: it lints templates
 * (cdk-nag and the infra tests do that for the real stacks) and takes most of a test stack's synth time.
 */
export const newE2eApp = (outdir: string): App => new App({ outdir, builtinCloudFormationValidation: false });

/** A handler of test-stacks/e2e/handlers by file name. */
export const handlerEntry = (name: string): string => fileURLToPath(new URL(`./handlers/${name}.ts`, import.meta.url));

export interface E2eFunctionProps {
  readonly entry: string;
  readonly serviceName: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
}

/**
 * What libs/cdk-constructs' ServiceFunction deploys, in the parts the local cloud runs: Node.js 24 on arm64,
 * an ESM bundle with the AWS SDK v3 clients bundled in (so they read `AWS_ENDPOINT_URL_*`), JSON logs and
 * the Powertools environment. A copy, because a tool may not depend on a CDK library (nx boundaries).
 */
export class E2eFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: E2eFunctionProps) {
    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 256,
      timeout: props.timeout ?? Duration.seconds(10),
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'Shop',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
        minify: true,
        sourceMap: true,
        externalModules: [],
        forceDockerBundling: false,
      },
    });
  }
}
