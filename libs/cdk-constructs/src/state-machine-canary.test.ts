import { App, Duration, Stack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { describe, expect, it } from 'vitest';
import {
  InvalidStateMachineDeploymentError,
  StateMachineCanary,
  type StateMachineCanaryProps,
  type StateMachineDeployment,
  stateMachineDeployment,
} from './state-machine-canary';

function aCheckout(deployment: StateMachineDeployment = stateMachineDeployment('canary')) {
  const app = new App();
  const stage = new Stage(app, 'Dev');
  const stack = new Stack(stage, 'Orders');
  const stateMachine = new sfn.StateMachine(stack, 'Checkout', {
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'ConfirmOrder')),
    tracingEnabled: true,
    logs: { destination: new logs.LogGroup(stack, 'CheckoutLogs'), level: sfn.LogLevel.ALL },
  });
  const make = (extra: Partial<StateMachineCanaryProps> = {}) =>
    new StateMachineCanary(stack, 'CheckoutLive', { stateMachine, deployment, ...extra });
  return { stack, stateMachine, make };
}

describe('StateMachineCanary', () => {
  it('publishes a version of the current revision, replaced (and so republished) when the definition changes', () => {
    const { stack, make } = aCheckout();
    make();

    const template = Template.fromStack(stack);

    const versions = Object.values(template.findResources('AWS::StepFunctions::StateMachineVersion'));
    expect(versions).toHaveLength(1);
    expect(versions[0]?.Properties).toEqual({
      StateMachineArn: { Ref: expect.stringMatching(/^Checkout/) },
      StateMachineRevisionId: { 'Fn::GetAtt': [expect.stringMatching(/^Checkout/), 'StateMachineRevisionId'] },
      Description: expect.any(String),
    });
    expect(versions[0]?.UpdateReplacePolicy).toBe('Retain');
  });

  it('routes the live alias to the new version by a 10% canary for five minutes, watched by alarms', () => {
    const { stack, make } = aCheckout();
    const live = make();

    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::StepFunctions::StateMachineAlias', {
      Name: 'live',
      DeploymentPreference: {
        StateMachineVersionArn: { 'Fn::GetAtt': [stack.getLogicalId(live.version), 'Arn'] },
        Type: 'CANARY',
        Percentage: 10,
        Interval: 5,
        Alarms: [stack.resolve(live.failed.alarmName), stack.resolve(live.timedOut.alarmName)],
      },
    });
  });

  it('shifts all at once when the stage does not roll out gradually, still watched by alarms', () => {
    const { stack, make } = aCheckout(stateMachineDeployment('all-at-once'));
    const live = make();

    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::StepFunctions::StateMachineAlias', {
      DeploymentPreference: {
        Type: 'ALL_AT_ONCE',
        Percentage: Match.absent(),
        Interval: Match.absent(),
        Alarms: [stack.resolve(live.failed.alarmName), stack.resolve(live.timedOut.alarmName)],
      },
    });
  });

  it('rolls back on failed and timed-out executions, and on any extra alarm, by name', () => {
    const { stack, make } = aCheckout();
    const paymentsDown = new cloudwatch.Alarm(stack, 'PaymentsDown', {
      metric: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'PaymentsFailed' }),
      threshold: 0,
      evaluationPeriods: 1,
    });
    const live = make({ extraAlarms: [paymentsDown] });

    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ExecutionsTimedOut', Threshold: 0 });
    const alias = Object.values(template.findResources('AWS::StepFunctions::StateMachineAlias'))[0];
    expect(alias?.Properties.DeploymentPreference.Alarms).toEqual([
      stack.resolve(live.failed.alarmName),
      stack.resolve(live.timedOut.alarmName),
      stack.resolve(paymentsDown.alarmName),
    ]);
  });

  it('grants starting executions through the alias, authorized on the state machine as Step Functions requires', () => {
    const { stack, make } = aCheckout();
    const live = make();
    const caller = new iam.Role(stack, 'ApiRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });

    live.grantStartExecution(caller);

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'states:StartExecution',
            Effect: 'Allow',
            Resource: [stack.resolve(live.stateMachineArn), { 'Fn::GetAtt': [stack.getLogicalId(live.alias), 'Arn'] }],
          },
        ],
      },
    });
  });

  it.each<[string, StateMachineDeployment]>([
    ['0%', { type: 'CANARY', percentage: 0, interval: Duration.minutes(5) }],
    ['100%', { type: 'LINEAR', percentage: 100, interval: Duration.minutes(5) }],
    ['30 seconds', { type: 'CANARY', percentage: 10, interval: Duration.seconds(30) }],
  ])('refuses a deployment CloudFormation would reject (%s)', (_, deployment) => {
    const { make } = aCheckout(deployment);

    expect(() => make()).toThrow(InvalidStateMachineDeploymentError);
  });
});
