import { App, Duration, Stack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { LiveAlias, type LiveAliasProps, lambdaDeploymentConfig } from './live-alias';
import type { Rollout } from './rollout';
import { awsSolutionsFindings } from './testing';

type ExtraProps = (stack: Stack) => Partial<LiveAliasProps>;

// Bundling the hook is the ServiceFunction tests' business: these read templates.
function aLiveAlias(rollout: Rollout = 'canary', extra: ExtraProps = () => ({})) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stage = new Stage(app, 'Dev');
  const stack = new Stack(stage, 'Service');
  const fn = new lambda.Function(stack, 'PlaceOrderFunction', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 })'),
    timeout: Duration.seconds(10),
  });
  const live = new LiveAlias(stack, 'PlaceOrderLive', {
    fn,
    deploymentConfig: lambdaDeploymentConfig(rollout),
    ...extra(stack),
  });
  return { app, stage, stack, fn, live, template: Template.fromStack(stack) };
}

const withSmokeTest: ExtraProps = () => ({ smokeEvent: { rawPath: '/products/smoke-test' } });

function statementsOf(template: Template, roleLogicalId: string) {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleLogicalId }] } });
  return Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, unknown>[]);
}

describe('LiveAlias', () => {
  it('publishes the current version behind the live alias', () => {
    const { template } = aLiveAlias();

    template.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionVersion: { 'Fn::GetAtt': [Match.stringLikeRegexp('PlaceOrderFunctionCurrentVersion'), 'Version'] },
    });
  });

  it.each<[Rollout, string]>([
    ['canary', 'CodeDeployDefault.LambdaCanary10Percent5Minutes'],
    ['all-at-once', 'CodeDeployDefault.LambdaAllAtOnce'],
  ])('shifts traffic %s', (rollout, configName) => {
    const { template } = aLiveAlias(rollout);

    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', { DeploymentConfigName: configName });
  });

  it('leaves updating the alias to its deployment group', () => {
    const { live, template, stack } = aLiveAlias();

    const alias = Object.values(template.findResources('AWS::Lambda::Alias'))[0];

    expect(alias?.UpdatePolicy.CodeDeployLambdaAliasUpdate.DeploymentGroupName).toEqual(
      stack.resolve(live.deploymentGroup.deploymentGroupName),
    );
  });

  it('rolls back on a failed or stopped deployment and when an alarm fires', () => {
    const { template } = aLiveAlias();

    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AutoRollbackConfiguration: {
        Enabled: true,
        Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM'],
      },
    });
  });

  it("watches the alias's errors and p99 duration, and any extra alarm, during a deployment", () => {
    const { stack, live, template } = aLiveAlias('canary', (s) => ({
      extraAlarms: [
        new cloudwatch.Alarm(s, 'WorkflowFailed', {
          metric: new cloudwatch.Metric({ namespace: 'AWS/States', metricName: 'ExecutionsFailed' }),
          threshold: 0,
          evaluationPeriods: 1,
        }),
      ],
    }));

    const group = Object.values(template.findResources('AWS::CodeDeploy::DeploymentGroup'))[0];

    expect(group?.Properties.AlarmConfiguration.Alarms).toEqual([
      { Name: stack.resolve(live.errors.alarmName) },
      { Name: stack.resolve(live.duration.alarmName) },
      { Name: { Ref: expect.stringMatching(/^WorkflowFailed/) } },
    ]);
  });

  it('alarms on errors and on p99 duration near the timeout of the live alias, not of the whole function', () => {
    const { template } = aLiveAlias();

    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

    const aliasDimension = { Name: 'Resource', Value: { 'Fn::Join': ['', [expect.anything(), ':live']] } };
    expect(alarms).toEqual([
      expect.objectContaining({ MetricName: 'Errors', Statistic: 'Sum', Threshold: 0, Period: 60 }),
      expect.objectContaining({ MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: 8000 }),
    ]);
    for (const alarm of alarms) expect(alarm.Dimensions).toContainEqual(aliasDimension);
  });

  it('rolls back on the given faults instead of every error, for a function that throws on purpose', () => {
    const { template } = aLiveAlias('canary', () => ({
      faults: (alias) =>
        new cloudwatch.MathExpression({
          expression: 'errors - FILL(refused, 0)',
          usingMetrics: {
            errors: alias.metricErrors({ statistic: cloudwatch.Stats.SUM }),
            refused: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Refused', statistic: 'Sum' }),
          },
          period: Duration.minutes(1),
        }),
    }));

    const errors = Object.values(template.findResources('AWS::CloudWatch::Alarm'))[0]?.Properties;

    expect(errors.Threshold).toBe(0);
    expect(errors.Metrics).toContainEqual(expect.objectContaining({ Expression: 'errors - FILL(refused, 0)' }));
    expect(JSON.stringify(errors.Metrics)).toContain(':live');
  });

  it('adds its scoped statements to a shared deployment role instead of creating its own', () => {
    const { stack, fn, live, template } = aLiveAlias('canary', (scope) => ({
      deploymentRole: new iam.Role(scope, 'OrdersDeploymentRole', {
        assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      }),
    }));

    const sharedId = stack.getLogicalId(live.deploymentRole.node.defaultChild as iam.CfnRole);
    const roles = Object.keys(template.findResources('AWS::IAM::Role'));
    const statements = statementsOf(template, sharedId);

    // The function's own role, and the shared one: none of the alias's.
    expect(roles.sort()).toEqual([sharedId, stack.getLogicalId(fn.role?.node.defaultChild as iam.CfnRole)].sort());
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['lambda:GetAlias', 'lambda:UpdateAlias', 'lambda:GetProvisionedConcurrencyConfig'],
        Resource: [stack.resolve(fn.functionArn), stack.resolve(live.alias.functionArn)],
      }),
    );
  });

  it('has no smoke test unless given a smoke event', () => {
    const { live, template } = aLiveAlias();

    const alias = Object.values(template.findResources('AWS::Lambda::Alias'))[0];

    expect(live.preTrafficHook).toBeUndefined();
    expect(alias?.UpdatePolicy.CodeDeployLambdaAliasUpdate.BeforeAllowTrafficHook).toBeUndefined();
  });

  it('smoke-tests the new version with the smoke event before any traffic shifts', () => {
    const { live, stack, template } = aLiveAlias('canary', withSmokeTest);
    const hook = live.preTrafficHook;

    const alias = Object.values(template.findResources('AWS::Lambda::Alias'))[0];

    expect(alias?.UpdatePolicy.CodeDeployLambdaAliasUpdate.BeforeAllowTrafficHook).toEqual(
      stack.resolve(hook?.functionName),
    );
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TARGET_VERSION_ARN: { Ref: Match.stringLikeRegexp('PlaceOrderFunctionCurrentVersion') },
          SMOKE_EVENT: '{"rawPath":"/products/smoke-test"}',
        }),
      },
    });
  });

  it('lets the hook invoke only the version being deployed and report only to its deployment group', () => {
    const { live, stack, template } = aLiveAlias('canary', withSmokeTest);
    const role = stack.getLogicalId(live.preTrafficHook?.role?.node.defaultChild as never);

    const statements = statementsOf(template, role).filter((s) => !String(s.Action).startsWith('logs:'));

    expect(statements).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Resource: { Ref: expect.stringMatching(/PlaceOrderFunctionCurrentVersion/) },
      }),
      expect.objectContaining({
        Action: 'codedeploy:PutLifecycleEventHookExecutionStatus',
        Resource: { 'Fn::Join': ['', expect.arrayContaining([':deploymentgroup:'])] },
      }),
    ]);
  });

  it("scopes CodeDeploy's role to this function, its alias, its alarms and its hook", () => {
    const { live, stack, template } = aLiveAlias('canary', withSmokeTest);
    const role = stack.getLogicalId(live.deploymentRole.node.defaultChild as never);

    const statements = statementsOf(template, role);

    expect(statements.map((s) => s.Action)).toEqual([
      ['lambda:GetAlias', 'lambda:UpdateAlias', 'lambda:GetProvisionedConcurrencyConfig'],
      'cloudwatch:DescribeAlarms',
      'lambda:InvokeFunction',
    ]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'codedeploy.amazonaws.com' } })],
      }),
      ManagedPolicyArns: Match.absent(),
    });
  });

  it('passes the AWS Solutions checks, granting no wildcard resource or action', () => {
    const { app, stage, template } = aLiveAlias('canary', withSmokeTest);
    // Every grant lands in a DefaultPolicy; the role's inline Tracing policy holds X-Ray's required "*".
    const grants = JSON.stringify(template.findResources('AWS::IAM::Policy'));

    // The test's plain function uses Lambda's default role: not the construct's concern.
    const findings = awsSolutionsFindings(app, stage).filter((f) => !f.path.includes('PlaceOrderFunction/'));

    expect(findings).toEqual([]);
    expect(grants).not.toMatch(/\*/);
  });
});
