import { acknowledgments, awsSolutionsFindings, dashboardWidgets } from '@shop/cdk-constructs/testing';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStageConfig } from './config';
import { ObservabilityStack } from './observability-stack';
import { CANARY_RUNTIME_REASON } from './observability/storefront-canary';
import { ShopStage } from './shop-stage';
import { testApp } from './testing/test-app';

function aStage() {
  const app = testApp({ stage: 'dev' });
  const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  const stage = new ShopStage(app, 'ShopDev', { config });
  return { app, config, stage };
}

/** The stage plus an observability stack given a hosted storefront, as the storefront's hosting will wire it. */
function aStageWithAStorefront() {
  const { app, config, stage } = aStage();
  const observability = new ObservabilityStack(stage, 'ObservabilityWithCanary', {
    config,
    stateful: stage.stateful,
    services: { ...stage.stateless, invoices: stage.invoices.service, users: stage.users.service },
    storefront: { url: 'https://shop.example.com' },
  });
  return { app, stage, observability };
}

const titleOf = (widgets: { properties: { markdown?: string } }[]) => widgets[0]?.properties.markdown;

describe('ObservabilityStack', () => {
  let stage: ShopStage;
  let template: Template;
  beforeAll(() => {
    ({ stage } = aStage());
    template = Template.fromStack(stage.observability);
  });

  it('has the business dashboard, one dashboard per service and one for the HTTP API', () => {
    const titles = dashboardWidgets(template).map(titleOf);

    expect(titles.sort()).toEqual(
      ['# HTTP API', '# Shop (dev): business', '# invoices', '# orders', '# products', '# users'].sort(),
    );
  });

  it("charts each service's functions, and the orders service's workflows, inboxes and checkout API", () => {
    const orders = dashboardWidgets(template).find((widgets) => titleOf(widgets) === '# orders') ?? [];
    const titles = orders.map((w) => w.properties.title);

    for (const fn of Object.values(stage.stateless.orders.functions)) {
      expect(titles).toContain(`${fn.node.id}: invocations, errors, throttles`);
    }
    expect(titles).toEqual(
      expect.arrayContaining([
        'StateMachine: executions',
        'Checkout API: requests and errors',
        'Checkout API: p99 latency (ms)',
        'Alarms',
      ]),
    );
    expect(titles.filter((t) => t?.endsWith(': backlog'))).toHaveLength(
      Object.keys(stage.stateless.orders.inboxes).length,
    );
  });

  it('alarms on any 5xx the HTTP API answers, and on its p99 latency above 2 s for 3 of 5 minutes', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: Match.anyValue() }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Dimensions: [{ Name: 'ApiId', Value: Match.anyValue() }],
      Threshold: 2000,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
    });
  });

  it("alarms on the checkout API's p99 latency; its 5xx alarm stays with the orders service", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Dimensions: [{ Name: 'ApiName', Value: Match.anyValue() }],
      Threshold: 5000,
    });
    Template.fromStack(stage.stateless).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5XXError',
      Dimensions: [{ Name: 'ApiName', Value: Match.anyValue() }],
      Threshold: 0,
    });
  });

  it("publishes the stage's endpoints and identifiers under /shop/dev/ in Parameter Store", () => {
    const names = Object.values(template.findResources('AWS::SSM::Parameter')).map((p) => p.Properties.Name);

    expect(names.sort()).toEqual(
      [
        '/shop/dev/api/url',
        '/shop/dev/checkout-api/url',
        '/shop/dev/event-bus/name',
        '/shop/dev/feature-flags/application-id',
        '/shop/dev/feature-flags/environment-id',
        '/shop/dev/feature-flags/profile-id',
        '/shop/dev/identity/storefront-client-id',
        '/shop/dev/identity/user-pool-id',
      ].sort(),
    );
  });

  it('deploys after the stateless stack and runs no canary until a storefront is hosted', () => {
    expect(stage.observability.dependencies).toContain(stage.stateless);
    template.resourceCountIs('AWS::Synthetics::Canary', 0);
  });

  it('reads the stateless stack through fewer outputs than CloudFormation allows a template (200)', () => {
    const outputs = Object.keys(Template.fromStack(stage.stateless).toJSON().Outputs ?? {});

    // Each metric, alarm and log group charted here is a weak reference: one output of the stateless stack.
    expect(outputs.length).toBeLessThanOrEqual(200);
  });

  it('holds no IAM policy at all without the canary', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.resourceCountIs('AWS::IAM::Role', 0);
  });
});

describe('ObservabilityStack with a hosted storefront', () => {
  it("creates the canary's customer in the pool with a generated password the template never holds", () => {
    const { observability } = aStageWithAStorefront();
    const template = Template.fromStack(observability);

    const calls = Object.values(template.findResources('Custom::AWS')).map((r) => ({
      create: JSON.stringify(r.Properties.Create),
    }));

    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'password' }),
    });
    // Create is the SDK call as JSON inside an Fn::Join: `action\":\"adminCreateUser`.
    expect(calls.map((c) => /action\W+(\w+)/.exec(c.create)?.[1])).toEqual(['adminCreateUser', 'adminSetUserPassword']);
    const setPassword = calls[1]?.create ?? '';
    expect(setPassword).toContain('{{resolve:secretsmanager:');
    expect(setPassword).toContain('SecretString:password');
  });

  it('runs the checkout canary against it and shows its alarm on the business dashboard', () => {
    const { observability } = aStageWithAStorefront();
    const template = Template.fromStack(observability);
    const canaryAlarm = observability.shop.canary?.failed;

    const business = dashboardWidgets(template).find((widgets) => titleOf(widgets)?.includes('business')) ?? [];

    template.hasResourceProperties('AWS::Synthetics::Canary', {
      RunConfig: Match.objectLike({
        EnvironmentVariables: Match.objectLike({ STOREFRONT_URL: 'https://shop.example.com' }),
      }),
    });
    expect(canaryAlarm).toBeDefined();
    expect(business.find((w) => w.type === 'alarm')?.properties.alarms).toHaveLength(
      1 + observability.httpApiAlarms.alarms.length + observability.checkoutApiAlarms.alarms.length,
    );
  });

  // cdk-nag over a whole stage plus a second observability stack: minutes on a busy 2-core machine.
  it(
    'passes the AWS Solutions checks, with a wildcard only where Synthetics documents one',
    { timeout: 240_000 },
    () => {
      const { app, stage, observability } = aStageWithAStorefront();

      const findings = awsSolutionsFindings(app, stage);

      expect(findings).toEqual([]);
      const wildcards = acknowledgments(observability).filter((a) => a.id.includes('IAM5'));
      expect(wildcards.length).toBeGreaterThan(0);
      expect(wildcards.every((a) => a.reason === CANARY_RUNTIME_REASON)).toBe(true);
      const statements = Object.values(Template.fromStack(observability).findResources('AWS::IAM::Policy')).flatMap(
        (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
      expect(statements.filter((s) => s.Resource === '*').map((s) => s.Action)).toEqual([
        's3:ListAllMyBuckets',
        'cloudwatch:PutMetricData',
      ]);
    },
  );
});
