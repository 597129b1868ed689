import { liveAliasWiringProblems } from '@shop/cdk-constructs/testing';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoicesStage } from './testing/invoices-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof invoicesStage> & { template: Template };

function synth(rollout: 'canary' | 'all-at-once'): Synth {
  const stage = invoicesStage({ rollout });
  return { ...stage, template: Template.fromStack(stage.stateless) };
}

const resourcesOf = (template: Template, type: string) => Object.values(template.findResources(type));

describe('InvoicesService live aliases', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    s = synth('canary');
  }, SYNTH_TIMEOUT_MS);

  it('integrates every route with a live alias, never an unqualified function', () => {
    const aliasIds = s.service.liveAliases.map((live) => logicalIdOf(live.alias));
    const integrations = resourcesOf(s.template, 'AWS::ApiGatewayV2::Integration');

    expect(integrations).toHaveLength(1);
    for (const integration of integrations) {
      expect(aliasIds).toContain((integration.Properties.IntegrationUri as { Ref: string }).Ref);
    }
  });

  it('has every queue invoke a live alias', () => {
    const { orderConfirmed, orderCancelled } = s.service.functions;
    const aliasOf = (fn: unknown) => s.service.liveAliases.find((live) => live.alias.version.lambda === fn)?.alias;
    const expected = [orderConfirmed, orderCancelled].map((fn) => ({
      'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: logicalIdOf(aliasOf(fn)) }] }] }, ':live']],
    }));
    const mappings = resourcesOf(s.template, 'AWS::Lambda::EventSourceMapping');

    expect(mappings.map((mapping) => mapping.Properties.FunctionName)).toEqual(expect.arrayContaining(expected));
    expect(mappings).toHaveLength(expected.length);
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

  it('smoke-tests GetInvoice with an unsigned GET, and no other function', () => {
    const hooked = s.service.liveAliases.filter((live) => live.preTrafficHook !== undefined);
    const smoke = hooked[0]?.preTrafficHook?.node.defaultChild;
    const variables = s.template.toJSON().Resources[logicalIdOf(smoke)].Properties.Environment.Variables;

    expect(hooked.map((live) => live.alias.version.lambda)).toEqual([s.service.functions.getInvoice]);
    expect(JSON.parse(variables.SMOKE_EVENT as string)).toMatchObject({
      routeKey: 'GET /orders/{orderId}/invoice',
      pathParameters: { orderId: 'smoke-test' },
      requestContext: { http: { method: 'GET' } },
    });
    expect(JSON.parse(variables.SMOKE_EVENT as string).requestContext.authorizer).toBeUndefined();
  });
});

describe('InvoicesService live aliases, all at once', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('shifts every alias at once when the rollout is all-at-once', () => {
    const { template } = synth('all-at-once');
    const groups = resourcesOf(template, 'AWS::CodeDeploy::DeploymentGroup');

    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group.Properties.DeploymentConfigName).toBe('CodeDeployDefault.LambdaAllAtOnce');
    }
  });
});
