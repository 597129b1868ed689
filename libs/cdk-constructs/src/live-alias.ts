import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { DEFAULT_DURATION_RATIO } from './function-alarms';
import type { Rollout } from './rollout';
import { ServiceFunction } from './service-function';

/** The alias every caller (route, rule, workflow task) invokes, so CodeDeploy can shift it between versions. */
export const LIVE_ALIAS_NAME = 'live';

/**
 * The CodeDeploy configuration of a rollout.
 *
 * @example
 * new LiveAlias(this, 'PlaceOrderLive', { fn, deploymentConfig: lambdaDeploymentConfig('canary') });
 */
export function lambdaDeploymentConfig(rollout: Rollout): codedeploy.ILambdaDeploymentConfig {
  return rollout === 'canary'
    ? codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES
    : codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE;
}

/** aws-cdk-lib no longer sets CodeDeploy's update policy on the alias, so the hook cannot be attached. */
export class MissingAliasUpdatePolicyError extends Error {
  override readonly name = 'MissingAliasUpdatePolicyError';
  readonly code = 'CDK.MISSING_ALIAS_UPDATE_POLICY';

  constructor(readonly aliasPath: string) {
    super(`${aliasPath} has no CodeDeployLambdaAliasUpdate policy: has LambdaDeploymentGroup changed?`);
  }
}

export interface LiveAliasProps {
  readonly fn: lambda.Function;
  /** `lambdaDeploymentConfig(config.rollout)`: canary in staging and prod, all at once in dev. */
  readonly deploymentConfig: codedeploy.ILambdaDeploymentConfig;
  /** Share one CodeDeploy application per service. @default - one per alias */
  readonly application?: codedeploy.ILambdaApplication;
  /**
   * Share one CodeDeploy role per service: each alias adds its own scoped statements to it, and a stack keeps
   * two resources (a role and its policy) per alias fewer, against CloudFormation's 500. @default - one per alias
   */
  readonly deploymentRole?: iam.Role;
  /** p99 duration, as a fraction of the timeout, that rolls back. @default 0.8 */
  readonly durationRatio?: number;
  /**
   * What counts as a fault of the alias, for a function that also throws on purpose (a task whose refusals
   * are errors the workflow catches): e.g. its Errors minus the refusals it counts. Summed per minute; any
   * fault rolls back. @default - every error of the alias
   */
  readonly faults?: (alias: lambda.Alias) => cloudwatch.IMetric;
  /** More alarms that roll back (e.g. a workflow's failures). @default - the alias's errors and duration */
  readonly extraAlarms?: cloudwatch.IAlarm[];
  /**
   * An event to invoke the new version with before any traffic reaches it (a pre-traffic hook). Choose one
   * with no side effects: a read, or a request the function rejects. @default - no smoke test
   */
  readonly smokeEvent?: unknown;
}

/**
 * Publishes the function's current version behind the `live` alias and lets CodeDeploy shift the alias to each
 * new version, rolling back on a failed deployment, on errors or p99 duration of the alias, or on a failed
 * smoke test. Callers must target `alias`, not the function, or the traffic never shifts.
 *
 * @example
 * const live = new LiveAlias(this, 'PlaceOrderLive', {
 *   fn: placeOrder,
 *   deploymentConfig: lambdaDeploymentConfig('canary'),
 *   smokeEvent: { rawPath: '/health' },
 * });
 * new HttpLambdaIntegration('PlaceOrder', live.alias);
 */
export class LiveAlias extends Construct {
  readonly alias: lambda.Alias;
  readonly deploymentGroup: codedeploy.LambdaDeploymentGroup;
  /** The role CodeDeploy deploys with, scoped to this function, its alias, alarms and hook (and, when shared, others'). */
  readonly deploymentRole: iam.Role;
  /** Errors of the alias (any, in a minute), or its `faults` when given. */
  readonly errors: cloudwatch.Alarm;
  /** p99 duration of the alias above `durationRatio` of the timeout, in 2 of 3 minutes. */
  readonly duration: cloudwatch.Alarm;
  readonly preTrafficHook: ServiceFunction | undefined;

  constructor(scope: Construct, id: string, props: LiveAliasProps) {
    super(scope, id);
    const { fn } = props;
    this.alias = new lambda.Alias(this, 'Alias', { aliasName: LIVE_ALIAS_NAME, version: fn.currentVersion });
    this.errors = this.errorsAlarm(props.faults);
    this.duration = this.durationAlarm(fn.timeout ?? Duration.seconds(3), props.durationRatio);
    const alarms = [this.errors, this.duration, ...(props.extraAlarms ?? [])];
    const role = this.codeDeployRole(fn, alarms, props.deploymentRole);
    this.deploymentRole = role;
    this.deploymentGroup = new codedeploy.LambdaDeploymentGroup(this, 'DeploymentGroup', {
      alias: this.alias,
      application: props.application,
      deploymentConfig: props.deploymentConfig,
      alarms,
      // Immutable to the L2, which would attach AWSCodeDeployRoleForLambdaLimited (Resource "*") to any role.
      role: role.withoutPolicyUpdates(),
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });
    if (props.smokeEvent !== undefined) {
      this.preTrafficHook = this.smokeTestHook(fn.currentVersion, props.smokeEvent);
      this.attachPreTrafficHook(this.preTrafficHook, role);
    }
  }

  /**
   * CodeDeploy's role, scoped to this function, its alias and its alarms (and, below, its hook). The actions are
   * those of AWSCodeDeployRoleForLambdaLimited, which grants them on "*", minus S3 (CloudFormation passes the
   * AppSpec inline) and SNS (no triggers).
   */
  private codeDeployRole(fn: lambda.Function, alarms: cloudwatch.IAlarm[], shared?: iam.Role): iam.Role {
    const role =
      shared ??
      new iam.Role(this, 'DeploymentRole', {
        assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
        description: 'CodeDeploy shifts the live alias of one function, watching its alarms',
      });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:GetAlias', 'lambda:UpdateAlias', 'lambda:GetProvisionedConcurrencyConfig'],
        resources: [fn.functionArn, this.alias.functionArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['cloudwatch:DescribeAlarms'], resources: alarms.map((a) => a.alarmArn) }),
    );
    return role;
  }

  private attachPreTrafficHook(hook: lambda.Function, role: iam.Role): void {
    // Not the L2's `preHook`: it grants invoking the hook's every qualifier (`:*`). CodeDeploy invokes the hook
    // unqualified, by name, so its ARN suffices.
    role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [hook.functionArn] }));
    this.deploymentGroup.grantPutLifecycleEventHookExecutionStatus(hook);
    const cfnAlias = this.alias.node.defaultChild as lambda.CfnAlias;
    const update = cfnAlias.cfnOptions.updatePolicy?.codeDeployLambdaAliasUpdate;
    if (!update) throw new MissingAliasUpdatePolicyError(this.alias.node.path);
    cfnAlias.cfnOptions.updatePolicy = {
      ...cfnAlias.cfnOptions.updatePolicy,
      codeDeployLambdaAliasUpdate: { ...update, beforeAllowTrafficHook: hook.functionName },
    };
  }

  private errorsAlarm(faults?: (alias: lambda.Alias) => cloudwatch.IMetric): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, 'Errors', {
      alarmDescription: faults
        ? 'The live alias failed for a reason other than an intended refusal: CodeDeploy rolls a deployment in progress back.'
        : 'The live alias threw or timed out: CodeDeploy rolls a deployment in progress back.',
      metric:
        faults?.(this.alias) ??
        this.alias.metricErrors({ period: Duration.minutes(1), statistic: cloudwatch.Stats.SUM }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  private durationAlarm(timeout: Duration, ratio = DEFAULT_DURATION_RATIO): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, 'Duration', {
      alarmDescription: 'p99 duration of the live alias is close to the timeout: a slow release rolls back.',
      metric: this.alias.metricDuration({ period: Duration.minutes(1), statistic: cloudwatch.Stats.p(99) }),
      threshold: Math.floor(timeout.toMilliseconds() * ratio),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      // A canary lasts 5 minutes: 2 slow minutes of 3 decide it, one cold start does not.
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  private smokeTestHook(version: lambda.IVersion, smokeEvent: unknown): ServiceFunction {
    const hook = new ServiceFunction(this, 'PreTrafficHook', {
      entry: fileURLToPath(new URL('./pre-traffic-hook/handler.ts', import.meta.url)),
      serviceName: 'deployment',
      description: 'Smoke-tests a new version before CodeDeploy shifts traffic to it',
      timeout: Duration.seconds(60),
      environment: { TARGET_VERSION_ARN: version.functionArn, SMOKE_EVENT: JSON.stringify(smokeEvent) },
    });
    // The exact version being deployed, not the function's every qualifier (`:*`).
    hook.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [version.functionArn] }),
    );
    return hook;
  }
}
