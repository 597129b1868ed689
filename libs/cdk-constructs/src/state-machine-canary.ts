import { CfnDeletionPolicy, Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { LIVE_ALIAS_NAME } from './live-alias';
import { CANARY, type Rollout } from './rollout';

/** A CloudFormation deployment preference of a state machine alias, in the units CloudFormation takes. */
export type StateMachineDeployment =
  | { readonly type: 'ALL_AT_ONCE' }
  | { readonly type: 'CANARY' | 'LINEAR'; readonly percentage: number; readonly interval: Duration };

/** A traffic share outside the 1–99% CloudFormation accepts, or an interval that is not whole minutes. */
export class InvalidStateMachineDeploymentError extends Error {
  override readonly name = 'InvalidStateMachineDeploymentError';
  readonly code = 'CDK.INVALID_STATE_MACHINE_DEPLOYMENT';
}

/**
 * The deployment preference of a rollout: 10% of executions for five minutes, or all at once.
 *
 * @example
 * new StateMachineCanary(this, 'CheckoutLive', { stateMachine, deployment: stateMachineDeployment('canary') });
 */
export function stateMachineDeployment(rollout: Rollout): StateMachineDeployment {
  return rollout === 'canary'
    ? { type: 'CANARY', percentage: CANARY.percentage, interval: Duration.minutes(CANARY.minutes) }
    : { type: 'ALL_AT_ONCE' };
}

export interface StateMachineCanaryProps {
  readonly stateMachine: sfn.StateMachine;
  readonly deployment: StateMachineDeployment;
  /** More alarms that roll back (e.g. a workflow's own business alarms). @default - failed and timed-out executions */
  readonly extraAlarms?: cloudwatch.IAlarm[];
}

/**
 * Publishes a version of the state machine for each revision of its definition, behind the `live` alias, and
 * lets CloudFormation shift the alias to each new version by the deployment preference, rolling back when an
 * alarm fires. Start executions through `aliasArn` (and `grantStartExecution`), or the traffic never shifts.
 *
 * @example
 * const live = new StateMachineCanary(this, 'CheckoutLive', {
 *   stateMachine: checkout,
 *   deployment: stateMachineDeployment('canary'),
 * });
 * live.grantStartExecution(apiRole);
 */
export class StateMachineCanary extends Construct {
  readonly version: sfn.CfnStateMachineVersion;
  readonly alias: sfn.CfnStateMachineAlias;
  /** The ARN to start executions with: `arn:…:stateMachine:<name>:live`. */
  readonly aliasArn: string;
  /** The unqualified state machine: what IAM authorizes a start through the alias against. */
  readonly stateMachineArn: string;
  readonly failed: cloudwatch.Alarm;
  readonly timedOut: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: StateMachineCanaryProps) {
    super(scope, id);
    const { stateMachine, deployment } = props;
    this.version = new sfn.CfnStateMachineVersion(this, 'Version', {
      stateMachineArn: stateMachine.stateMachineArn,
      // A new revision id replaces this resource, which publishes a version: one per definition change.
      stateMachineRevisionId: (stateMachine.node.defaultChild as sfn.CfnStateMachine).attrStateMachineRevisionId,
      description: 'Published by StateMachineCanary on a change of definition',
    });
    // Keep the replaced version: executions still running on it, and a rollback, need it.
    this.version.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
    const anyOf = (alarmId: string, alarmDescription: string, metric: cloudwatch.IMetric) =>
      new cloudwatch.Alarm(this, alarmId, {
        alarmDescription,
        metric,
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    const everyMinute = { period: Duration.minutes(1), statistic: cloudwatch.Stats.SUM };
    this.failed = anyOf(
      'Failed',
      'An execution FAILED: a release in progress rolls back.',
      stateMachine.metricFailed(everyMinute),
    );
    this.timedOut = anyOf(
      'TimedOut',
      'An execution timed out: a release in progress rolls back.',
      stateMachine.metricTimedOut(everyMinute),
    );
    const alarms = [this.failed, this.timedOut, ...(props.extraAlarms ?? [])];
    this.alias = new sfn.CfnStateMachineAlias(this, 'Alias', {
      name: LIVE_ALIAS_NAME,
      description: 'What callers start: shifted to each new version by the deployment preference',
      deploymentPreference: {
        stateMachineVersionArn: this.version.attrArn,
        // Names, not ARNs: CloudWatch treats an unknown alarm as OK, so an ARN here would never roll back.
        alarms: alarms.map((alarm) => alarm.alarmName),
        ...renderDeployment(deployment),
      },
    });
    this.aliasArn = this.alias.attrArn;
    this.stateMachineArn = stateMachine.stateMachineArn;
  }

  /**
   * Lets `grantee` start executions of the live alias (and so of whichever version it routes to). Step Functions
   * authorizes a start through a version or alias against the state machine's own ARN ("Authorization for
   * versions and aliases"), so the statement names it beside the alias ARN, which scopes it down.
   *
   * @example
   * live.grantStartExecution(intakeRole);
   */
  grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['states:StartExecution'],
      resourceArns: [this.stateMachineArn, this.aliasArn],
    });
  }
}

function renderDeployment(deployment: StateMachineDeployment) {
  if (deployment.type === 'ALL_AT_ONCE') return { type: deployment.type };
  const { type, percentage, interval } = deployment;
  if (!Number.isInteger(percentage) || percentage < 1 || percentage > 99) {
    throw new InvalidStateMachineDeploymentError(`A ${type} deployment shifts 1 to 99 percent, not ${percentage}`);
  }
  const minutes = interval.toMinutes({ integral: false });
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 2100) {
    throw new InvalidStateMachineDeploymentError(`A ${type} interval is 1 to 2100 whole minutes, not ${minutes}`);
  }
  return { type, percentage, interval: minutes };
}
