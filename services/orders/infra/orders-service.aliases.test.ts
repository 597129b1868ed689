import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_ENTRIES } from './orders-functions';
import { INBOX_HANDLERS } from './orders-service';
import { definitionOf } from './testing/asl';
import { ordersStage } from './testing/orders-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof ordersStage> & { template: Template };

function synth(rollout: 'canary' | 'all-at-once'): Synth {
  const stage = ordersStage({ rollout });
  return { ...stage, template: Template.fromStack(stage.stateless) };
}

const resourcesOf = (template: Template, type: string) => Object.values(template.findResources(type));
/** How an event source mapping names an alias: `<function name>:live`, the name taken from the alias's ARN. */
const qualifiedName = (aliasId: string) => ({
  'Fn::Join': ['', [{ 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: aliasId }] }] }, ':live']],
});

describe('OrdersService live aliases', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    s = synth('canary');
  }, SYNTH_TIMEOUT_MS);

  it('integrates the cart and order routes with their functions’ live aliases', () => {
    const uris = resourcesOf(s.template, 'AWS::ApiGatewayV2::Integration').map((i) => i.Properties.IntegrationUri);

    expect(uris).toEqual([
      { Ref: logicalIdOf(s.service.live.aliasOf('carts')) },
      { Ref: logicalIdOf(s.service.live.aliasOf('orders')) },
    ]);
  });

  it('has every inbox queue invoke its consumer’s live alias', () => {
    const names = resourcesOf(s.template, 'AWS::Lambda::EventSourceMapping').map((m) => m.Properties.FunctionName);

    expect(names).toHaveLength(INBOX_HANDLERS.length);
    expect(names).toEqual(
      expect.arrayContaining(INBOX_HANDLERS.map((h) => qualifiedName(logicalIdOf(s.service.live.aliasOf(h))))),
    );
  });

  it('has the intake’s PriceCheckout task invoke PriceCheckout’s live alias', () => {
    const intake = definitionOf(s.template, logicalIdOf(s.service.intake.stateMachine));

    expect(intake.States.PriceCheckout?.Resource).toBe(`\${${logicalIdOf(s.service.live.aliasOf('priceCheckout'))}}`);
  });

  it('shifts every function’s alias by a 10% canary for five minutes, in one CodeDeploy application', () => {
    const groups = resourcesOf(s.template, 'AWS::CodeDeploy::DeploymentGroup');

    expect(groups).toHaveLength(Object.keys(HANDLER_ENTRIES).length);
    for (const group of groups) {
      expect(group.Properties).toMatchObject({
        ApplicationName: { Ref: logicalIdOf(s.service.live.deployments) },
        DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      });
    }
  });

  it('rolls each alias back on its own errors and duration, PriceCheckout only on faults, not refusals', () => {
    for (const live of s.service.live.all) {
      const group = s.template.toJSON().Resources[logicalIdOf(live.deploymentGroup)];

      expect(group.Properties.AlarmConfiguration.Alarms).toEqual([
        { Name: { Ref: logicalIdOf(live.errors) } },
        { Name: { Ref: logicalIdOf(live.duration) } },
      ]);
    }
    const priceCheckout = s.template.toJSON().Resources[logicalIdOf(s.service.live.byHandler.priceCheckout.errors)];
    expect(priceCheckout.Properties.Metrics).toContainEqual(
      expect.objectContaining({ Expression: 'errors - FILL(refused, 0)' }),
    );
  });

  it('smoke-tests the carts function with a GET of a cart that cannot exist', () => {
    const hook = s.service.live.byHandler.carts.preTrafficHook;
    const variables = s.template.toJSON().Resources[logicalIdOf(hook)].Properties.Environment.Variables;

    expect(JSON.parse(variables.SMOKE_EVENT as string)).toMatchObject({
      routeKey: 'GET /carts/{cartId}',
      pathParameters: { cartId: 'smoke-test' },
    });
  });

  it('publishes the Checkout’s versions behind its live alias, shifted by a 10% canary for five minutes', () => {
    const { checkoutLive } = s.service;
    const alias = s.template.toJSON().Resources[logicalIdOf(checkoutLive.alias)];

    expect(alias.Properties).toMatchObject({
      Name: 'live',
      DeploymentPreference: {
        StateMachineVersionArn: { 'Fn::GetAtt': [logicalIdOf(checkoutLive.version), 'Arn'] },
        Type: 'CANARY',
        Percentage: 10,
        Interval: 5,
        Alarms: [{ Ref: logicalIdOf(checkoutLive.failed) }, { Ref: logicalIdOf(checkoutLive.timedOut) }],
      },
    });
  });

  it('has the intake start the Checkout through its live alias', () => {
    const intake = definitionOf(s.template, logicalIdOf(s.service.intake.stateMachine));

    expect(intake.States.StartCheckout?.Parameters).toMatchObject({
      StateMachineArn: `\${${logicalIdOf(s.service.checkoutLive.alias)}.Arn}`,
    });
  });
});

describe('OrdersService live aliases, all at once', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('shifts every function and the Checkout at once when the rollout is all-at-once', () => {
    const { template, service } = synth('all-at-once');

    for (const group of resourcesOf(template, 'AWS::CodeDeploy::DeploymentGroup')) {
      expect(group.Properties.DeploymentConfigName).toBe('CodeDeployDefault.LambdaAllAtOnce');
    }
    expect(
      template.toJSON().Resources[logicalIdOf(service.checkoutLive.alias)].Properties.DeploymentPreference,
    ).toEqual(expect.objectContaining({ Type: 'ALL_AT_ONCE' }));
  });
});
