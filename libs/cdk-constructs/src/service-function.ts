import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Log levels a service may choose; each is both a Powertools level and a Lambda application log level. */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The paved-path defaults, exported so docs and tests quote one source.
 * - 256 MB: Lambda allocates CPU in proportion to memory, and 128 MB makes the cold start (module init, SDK
 *   client creation) noticeably slower for I/O-bound handlers; 256 MB is the usual sweet spot. Tune per
 *   function with measurements (e.g. Lambda Power Tuning), not by guessing.
 * - 10 s: our handlers make a few DynamoDB/EventBridge calls that take milliseconds; 10 s leaves room for a
 *   cold start plus SDK retries, yet fails fast, stays well under API Gateway's 30 s integration limit and
 *   keeps a consuming queue's visibility timeout (6x) at one minute.
 */
export const SERVICE_FUNCTION_DEFAULTS = {
  memorySize: 256,
  timeout: Duration.seconds(10),
  logRetention: logs.RetentionDays.ONE_MONTH,
  logRemovalPolicy: RemovalPolicy.DESTROY,
  logLevel: 'INFO' as LogLevel,
  metricsNamespace: 'Shop',
} as const;

// Lets CommonJS dependencies that call require() work inside the ESM bundle (Powertools' own recommendation).
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

export interface ServiceFunctionProps {
  /** Path to the handler's TypeScript file. */
  readonly entry: string;
  /** Exported handler name. @default 'handler' */
  readonly handler?: string;
  /** The bounded context, e.g. 'orders': POWERTOOLS_SERVICE_NAME and the metrics' service dimension. */
  readonly serviceName: string;
  /** @default 'Shop' */
  readonly metricsNamespace?: string;
  /** Powertools and Lambda application log level, kept equal so neither drops what the other emits. @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** @default 256 */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** Caps this function's concurrency (and reserves it from the account pool). @default - unreserved */
  readonly reservedConcurrentExecutions?: number;
  /** Extra environment variables; the Powertools variables are set by the construct and win. */
  readonly environment?: Record<string, string>;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** What happens to the log group when the function is removed. @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
  readonly description?: string;
}

/**
 * A Node.js 24 Lambda function on the paved path: arm64, ESM bundle built locally by esbuild (minified,
 * tree-shaken, source maps on), the AWS SDK v3 clients it imports bundled in, active X-Ray tracing, JSON logs
 * into its own log group with a retention, and the Powertools environment.
 *
 * @example
 * const placeOrder = new ServiceFunction(this, 'PlaceOrderFunction', {
 *   entry: fileURLToPath(new URL('../src/handlers/place-order.ts', import.meta.url)),
 *   serviceName: 'orders',
 * });
 * table.grantReadWriteData(placeOrder);
 */
export class ServiceFunction extends NodejsFunction {
  /** The function's log group, created explicitly so retention and removal are ours to set. */
  readonly serviceLogGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    // The role and log group must exist before super(), so they are siblings named after the function.
    const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention ?? SERVICE_FUNCTION_DEFAULTS.logRetention,
      removalPolicy: props.logRemovalPolicy ?? SERVICE_FUNCTION_DEFAULTS.logRemovalPolicy,
    });
    const role = makeExecutionRole(scope, `${id}Role`);
    logGroup.grantWrite(role);
    const logLevel = props.logLevel ?? SERVICE_FUNCTION_DEFAULTS.logLevel;

    super(scope, id, {
      entry: props.entry,
      handler: props.handler ?? 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? SERVICE_FUNCTION_DEFAULTS.memorySize,
      timeout: props.timeout ?? SERVICE_FUNCTION_DEFAULTS.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // With JSON logs Lambda filters by this level (AWS_LAMBDA_LOG_LEVEL, which Powertools also obeys):
      // keeping it equal to POWERTOOLS_LOG_LEVEL stops Lambda silently dropping lines Powertools emits.
      applicationLogLevelV2: lambda.ApplicationLogLevel[logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace ?? SERVICE_FUNCTION_DEFAULTS.metricsNamespace,
        POWERTOOLS_LOG_LEVEL: logLevel,
      },
      bundling: serviceBundling(),
    });
    this.serviceLogGroup = logGroup;
    // Tracing is set on the L1 on purpose: the L2 `tracing` prop would add X-Ray's Resource "*" statement to
    // the role's DefaultPolicy, where acknowledging it would also hide any later wildcard grant. The role
    // carries that statement in its own inline policy instead (see makeExecutionRole).
    (this.node.defaultChild as lambda.CfnFunction).tracingConfig = { mode: lambda.Tracing.ACTIVE };
  }
}

function serviceBundling() {
  return {
    format: OutputFormat.ESM,
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: ESM_REQUIRE_BANNER,
    minify: true,
    sourceMap: true,
    sourceMapMode: SourceMapMode.DEFAULT,
    // Bundling (and so tree shaking) is esbuild's default; said explicitly because the small bundle relies on it.
    esbuildArgs: { '--tree-shaking': 'true' },
    // Bundle the AWS SDK v3 clients rather than use the runtime's copy: the version we test is the version
    // that runs (the runtime's SDK changes under us), and loading only the tree-shaken clients we import is
    // faster at cold start than resolving the runtime's full SDK from disk.
    externalModules: [],
    // esbuild is a workspace devDependency, so CDK bundles locally: synth works offline and without Docker.
    forceDockerBundling: false,
  };
}

function makeExecutionRole(scope: Construct, id: string): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'Lambda execution role (paved path): logs to its own log group, traces to X-Ray',
    inlinePolicies: {
      Tracing: new iam.PolicyDocument({
        statements: [
          new iam.PolicyStatement({
            actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
            resources: ['*'],
          }),
        ],
      }),
    },
  });
  // Acknowledged on the CfnRole only (not the Role, whose subtree holds the DefaultPolicy of later grants).
  Validations.of(role.node.defaultChild as iam.CfnRole).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason:
      'Only the inline Tracing policy is on this resource: xray:PutTraceSegments and xray:PutTelemetryRecords ' +
      'support no resource-level permissions, so AWS requires Resource "*" for active tracing.',
  });
  return role;
}
