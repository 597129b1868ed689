import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { FLAG_REGISTRY, toAppConfigFeatureFlags } from '@shop/feature-flags';
import { ShopFeatureFlags } from './feature-flags';

function synth(gradualRollout: boolean) {
  const stack = new Stack(new App(), 'Flags');
  const flags = new ShopFeatureFlags(stack, 'FeatureFlags', { environmentName: 'dev', gradualRollout });
  const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  flags.grantRead(role);
  return Template.fromStack(stack);
}

describe('ShopFeatureFlags', () => {
  it('hosts the registry as an AppConfig feature-flags profile deployed to the stage', () => {
    const template = synth(false);

    template.hasResourceProperties('AWS::AppConfig::ConfigurationProfile', {
      Type: 'AWS.AppConfig.FeatureFlags',
      LocationUri: 'hosted',
    });
    template.hasResourceProperties('AWS::AppConfig::HostedConfigurationVersion', {
      ContentType: 'application/json',
      Content: JSON.stringify(toAppConfigFeatureFlags()),
    });
    template.resourceCountIs('AWS::AppConfig::Deployment', 1);
  });

  it('deploys every registry flag at its default, with its attributes constrained', () => {
    const template = synth(false);

    const version = Object.values(template.findResources('AWS::AppConfig::HostedConfigurationVersion'))[0];
    const document = JSON.parse(version?.Properties.Content as string);
    expect(Object.keys(document.flags)).toEqual(Object.keys(FLAG_REGISTRY));
    expect(document.values['amex-payments']).toEqual({ enabled: false });
    expect(document.values['free-shipping']).toEqual({ enabled: true, thresholdMinor: 5000 });
    expect(document.flags['free-shipping'].attributes.thresholdMinor.constraints).toMatchObject({ type: 'number', minimum: 0 });
  });

  it('deploys at once in a dev stage and by canary where a rollout must be watched', () => {
    const strategy = (template: Template) =>
      Object.values(template.findResources('AWS::AppConfig::Deployment'))[0]?.Properties.DeploymentStrategyId;

    expect(strategy(synth(false))).toBe('AppConfig.AllAtOnce');
    expect(strategy(synth(true))).toBe('AppConfig.Canary10Percent20Minutes');
  });

  it('grants reading this configuration through AppConfig Data, and nothing else', () => {
    const template = synth(false);

    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
            Effect: 'Allow',
            Resource: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
          },
        ],
      },
    });
  });
});
