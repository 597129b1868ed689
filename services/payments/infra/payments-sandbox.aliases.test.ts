import { liveAliasWiringProblems } from '@shop/cdk-constructs/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAYMENTS_ROUTES } from './payments-routes';
import { paymentsStage } from './testing/payments-fixture';

type Synth = ReturnType<typeof paymentsStage> & { template: Template };
const SYNTH_TIMEOUT_MS = 120_000;

function synth(rollout?: 'canary' | 'all-at-once'): Synth {
  const stage = paymentsStage(rollout ? { rollout } : {});
  return { ...stage, template: Template.fromStack(stage.stack) };
}

const resourcesOf = (template: Template, type: string) => Object.values(template.findResources(type));
const logicalIdOf = (s: Synth, construct: { node: { defaultChild?: unknown } } | undefined) =>
  s.stack.getLogicalId((construct?.node.defaultChild ?? construct) as Parameters<typeof s.stack.getLogicalId>[0]);

describe('PaymentsSandbox live aliases', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    s = synth('canary');
  }, SYNTH_TIMEOUT_MS);

  it('integrates every route with its function’s live alias, never an unqualified function', () => {
    const aliasIds = s.sandbox.liveAliases.map((live) => logicalIdOf(s, live.alias));
    const integrations = resourcesOf(s.template, 'AWS::ApiGatewayV2::Integration');

    expect(integrations).toHaveLength(PAYMENTS_ROUTES.length);
    expect(integrations.map((i) => (i.Properties.IntegrationUri as { Ref: string }).Ref).sort()).toEqual(
      [...aliasIds].sort(),
    );
  });

  it('points each live alias at a version of its own function, rolled back on its own errors and duration', () => {
    expect(liveAliasWiringProblems(s.template, s.sandbox.liveAliases)).toEqual([]);
  });

  it('shifts every alias by a 10% canary for five minutes, in one CodeDeploy application', () => {
    const groups = resourcesOf(s.template, 'AWS::CodeDeploy::DeploymentGroup');

    expect(groups).toHaveLength(PAYMENTS_ROUTES.length);
    for (const group of groups) {
      expect(group.Properties).toMatchObject({
        ApplicationName: { Ref: logicalIdOf(s, s.sandbox.deployments) },
        DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      });
    }
  });

  it('rolls authorize back on duration only past the timeout card’s deliberate wait', () => {
    const authorize = s.sandbox.liveAliases.find((live) => live.alias.version.lambda === s.sandbox.functions.authorize);
    const alarm = s.template.toJSON().Resources[logicalIdOf(s, authorize?.duration)];

    // The 35 s wait plus half the 10 s headroom.
    expect(alarm.Properties.Threshold).toBe(40_000);
  });

  it('smoke-tests GetToken with a request without the API key, and no other function', () => {
    const hooked = s.sandbox.liveAliases.filter((live) => live.preTrafficHook !== undefined);
    const hook = s.template.toJSON().Resources[logicalIdOf(s, hooked[0]?.preTrafficHook)];

    expect(hooked.map((live) => live.alias.version.lambda)).toEqual([s.sandbox.functions.getToken]);
    const event = JSON.parse(hook.Properties.Environment.Variables.SMOKE_EVENT as string);
    expect(event).toMatchObject({ routeKey: 'GET /v1/tokens/{id}', requestContext: { http: { method: 'GET' } } });
    expect(event.headers['x-api-key']).toBeUndefined();
  });
});

describe('PaymentsSandbox live aliases by default', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('shifts every alias at once unless the stage asks for a canary', () => {
    const { template } = synth();

    for (const group of resourcesOf(template, 'AWS::CodeDeploy::DeploymentGroup')) {
      expect(group.Properties.DeploymentConfigName).toBe('CodeDeployDefault.LambdaAllAtOnce');
    }
  });
});
