import { fileURLToPath } from 'node:url';
import { Duration, Names, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as synthetics from 'aws-cdk-lib/aws-synthetics';
import { Construct } from 'constructs';
import { acknowledgeWildcardGrants } from '../pipeline/pipeline-acknowledgments';

export interface StorefrontCanaryProps {
  /** The storefront's https origin, e.g. `https://shop.example.com`. */
  readonly storefrontUrl: string;
  /** A secret holding `{"email","password"}` of a customer kept for the canary (its orders are test orders). */
  readonly customerSecret: secretsmanager.ISecret;
  /** @default Duration.minutes(5) */
  readonly every?: Duration;
}

const SCRIPT_DIR = fileURLToPath(new URL('./canary', import.meta.url));

/**
 * A CloudWatch Synthetics canary that does what a customer does (sign in, add a product to the cart, check out
 * with the sandbox's approving test card, see the order confirmed) every five minutes, and an alarm when a run
 * fails. Its script is `canary/storefront-checkout.js`.
 *
 * @example
 * new StorefrontCanary(this, 'StorefrontCanary', { storefrontUrl, customerSecret });
 */
export class StorefrontCanary extends Construct {
  readonly canary: synthetics.Canary;
  /** Any failed run in the last 10 minutes (two runs): the storefront or the checkout is broken for customers. */
  readonly failed: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: StorefrontCanaryProps) {
    super(scope, id);
    const artifacts = this.artifactsBucket();
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'The storefront canary: reads its customer secret, writes its artifacts, logs and metrics',
    });
    // Generated from the construct path (so unique per stage), and known at synth: the role's log permission
    // names it without referencing the canary, so the role is complete before the canary's first run.
    const canaryName = Names.uniqueResourceName(this, { maxLength: 21, separator: '' }).toLowerCase();
    this.canary = new synthetics.Canary(this, 'Canary', {
      canaryName,
      runtime: synthetics.Runtime.SYNTHETICS_NODEJS_PUPPETEER_13_0,
      test: synthetics.Test.custom({
        code: synthetics.Code.fromAsset(SCRIPT_DIR),
        handler: 'storefront-checkout.handler',
      }),
      schedule: synthetics.Schedule.rate(props.every ?? Duration.minutes(5)),
      environmentVariables: {
        STOREFRONT_URL: props.storefrontUrl.replace(/\/$/, ''),
        CUSTOMER_SECRET_ARN: props.customerSecret.secretArn,
      },
      timeout: Duration.minutes(3),
      artifactsBucketLocation: { bucket: artifacts, prefix: 'storefront-checkout' },
      role,
      startAfterCreation: true,
    });
    props.customerSecret.grantRead(role);
    grantCanaryRuntime(role, artifacts, canaryName);
    this.failed = new cloudwatch.Alarm(this, 'Failed', {
      alarmDescription: 'The storefront canary could not browse and check out: customers likely cannot either.',
      metric: this.canary.metricSuccessPercent({ period: Duration.minutes(10), statistic: cloudwatch.Stats.MINIMUM }),
      threshold: 100,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // No data means the canary did not run at all, which is as bad as a failed run.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }

  private artifactsBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'Artifacts', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // Screenshots and HAR files are for debugging a recent failure, not for keeping.
      lifecycleRules: [{ expiration: Duration.days(30) }],
      // RETAIN: a non-empty bucket would make the stateless stack fail to delete; the lifecycle empties it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(bucket.node.defaultChild as s3.CfnBucket).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        "The canary's own artifacts (screenshots, HAR files, logs), written only by its role and expired after 30 " +
        'days; CloudTrail records the API calls on it. Access logs would add a bucket with nothing to audit.',
    });
    return bucket;
  }
}

/**
 * What the Synthetics runtime needs, and no more: CloudWatch Synthetics documents these permissions for a
 * canary's role. Three have no resource-level scoping (ListAllMyBuckets, PutMetricData restricted by namespace
 * instead), and two name resources the runtime creates per run (`<bucket>/<prefix>/*`, `cwsyn-<name>-*` logs).
 */
function grantCanaryRuntime(role: iam.Role, artifacts: s3.Bucket, canaryName: string): void {
  const { partition, region, account } = Stack.of(role);
  const statements = [
    new iam.PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [artifacts.arnForObjects('storefront-checkout/*')],
    }),
    new iam.PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [artifacts.bucketArn] }),
    new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] }),
    new iam.PolicyStatement({
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': 'CloudWatchSynthetics' } },
    }),
    new iam.PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`arn:${partition}:logs:${region}:${account}:log-group:/aws/lambda/cwsyn-${canaryName}-*`],
    }),
  ];
  const policy = new iam.Policy(role, 'Runtime', { statements, roles: [role] });
  acknowledgeWildcardGrants(policy, CANARY_RUNTIME_REASON);
}

export const CANARY_RUNTIME_REASON =
  'The permissions CloudWatch Synthetics documents for a canary role: s3:ListAllMyBuckets and ' +
  'cloudwatch:PutMetricData support no resource scoping (the latter is limited to the CloudWatchSynthetics ' +
  "namespace by condition); the run's artifacts (`<bucket>/storefront-checkout/*`) and log groups " +
  '(`/aws/lambda/cwsyn-<canary>-*`) are named per run by the runtime.';
