import { App, type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { LiveAlias, lambdaDeploymentConfig } from '../live-alias';
import { liveAliasWiringProblems } from './live-alias-wiring';

function aLiveAlias() {
  const stack = new Stack(new App(), 'Service');
  const fn = new lambda.Function(stack, 'PlaceOrderFunction', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    timeout: Duration.seconds(10),
  });
  const live = new LiveAlias(stack, 'PlaceOrderLive', { fn, deploymentConfig: lambdaDeploymentConfig('canary') });
  return { stack, live, template: Template.fromStack(stack) };
}

describe('liveAliasWiringProblems', () => {
  it('finds nothing wrong with a LiveAlias as synthesized', () => {
    const { live, template } = aLiveAlias();

    expect(liveAliasWiringProblems(template, [live])).toEqual([]);
  });

  it('says so when a deployment group no longer rolls back on its alarms', () => {
    const { stack, live, template } = aLiveAlias();
    const json = template.toJSON();
    const groupId = stack.getLogicalId(live.deploymentGroup.node.defaultChild as CfnElement);
    delete json.Resources[groupId].Properties.AlarmConfiguration;
    json.Resources[groupId].Properties.AutoRollbackConfiguration = { Enabled: false };

    const problems = liveAliasWiringProblems(Template.fromJSON(json), [live]);

    expect(problems).toEqual([
      'Service/PlaceOrderLive: the deployment group watches no alarm',
      'Service/PlaceOrderLive: the deployment group does not roll back',
      "Service/PlaceOrderLive: the deployment group does not roll back on the alias's own errors and duration",
      'Service/PlaceOrderLive: the deployment group watches 0 alarms',
    ]);
  });
});
