import { liveAliasWiringProblems } from '@shop/cdk-constructs/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { usersStage } from './testing/users-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof usersStage> & { template: Template };

function synth(rollout: 'canary' | 'all-at-once'): Synth {
  const stage = usersStage({ rollout });
  return { ...stage, template: Template.fromStack(stage.stateless) };
}

const resourcesOf = (template: Template, type: string) => Object.values(template.findResources(type));

describe('UsersService live aliases', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    s = synth('canary');
  }, SYNTH_TIMEOUT_MS);

  it('integrates every route with a live alias, never an unqualified function', () => {
    const aliasIds = s.service.liveAliases.map((live) => logicalIdOf(live.alias));
    const integrations = resourcesOf(s.template, 'AWS::ApiGatewayV2::Integration');

    expect(integrations).toHaveLength(3);
    for (const integration of integrations) {
      expect(aliasIds).toContain((integration.Properties.IntegrationUri as { Ref: string }).Ref);
    }
  });

  it('points each live alias at a version of its own function, rolled back on its own errors and duration', () => {
    expect(liveAliasWiringProblems(s.template, s.service.liveAliases)).toEqual([]);
  });

  it('shifts every alias by a 10% canary for five minutes, in one CodeDeploy application', () => {
    const groups = resourcesOf(s.template, 'AWS::CodeDeploy::DeploymentGroup');
    const applicationId = logicalIdOf(s.service.deployments);

    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group.Properties).toMatchObject({
        ApplicationName: { Ref: applicationId },
        DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
        AutoRollbackConfiguration: { Enabled: true },
      });
    }
  });

  it('smoke-tests no route: even GET /me writes, creating a missing profile', () => {
    expect(s.service.liveAliases.map((live) => live.preTrafficHook)).toEqual([undefined, undefined, undefined]);
  });
});

describe('UsersService live aliases, all at once', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('shifts every alias at once when the rollout is all-at-once', () => {
    const { template } = synth('all-at-once');
    const groups = resourcesOf(template, 'AWS::CodeDeploy::DeploymentGroup');

    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group.Properties.DeploymentConfigName).toBe('CodeDeployDefault.LambdaAllAtOnce');
    }
  });
});
