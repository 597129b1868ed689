import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AssetStaging } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTS_ROUTES } from './products-routes';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { productsStage } from './testing/products-fixture';
import { definedFunctions, logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof productsStage> & { template: Template };

function synth(options: Parameters<typeof productsStage>[0] = {}): Synth {
  const stage = productsStage(options);
  return { ...stage, template: Template.fromStack(stage.stateless) };
}

const HANDLER_ENVIRONMENT = {
  listProducts: ['TABLE_NAME'],
  getProduct: ['TABLE_NAME'],
  adminProducts: ['TABLE_NAME'],
  orderPlaced: ['IDEMPOTENCY_TABLE_NAME', 'TABLE_NAME'],
  orderCancelled: ['IDEMPOTENCY_TABLE_NAME', 'TABLE_NAME'],
  orderConfirmed: ['IDEMPOTENCY_TABLE_NAME', 'TABLE_NAME'],
  publishOutbox: ['EVENT_BUS_NAME', 'STAGE_NAME'],
  seedCatalog: ['IMAGES_BUCKET_NAME', 'TABLE_NAME'],
} as const;
const POWERTOOLS_ENVIRONMENT = [
  'NODE_OPTIONS',
  'POWERTOOLS_LOG_LEVEL',
  'POWERTOOLS_METRICS_NAMESPACE',
  'POWERTOOLS_SERVICE_NAME',
];

describe('ProductsService', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    s = synth({ seedCatalog: true, withAlarmTopic: true, logLevel: 'DEBUG', bundle: true });
  }, SYNTH_TIMEOUT_MS);

  it('runs every handler on nodejs24.x and arm64 with the Powertools service name products', () => {
    const hooks = s.service.liveAliases.flatMap((live) => (live.preTrafficHook ? [live.preTrafficHook] : []));
    const hookIds = new Set(hooks.map((hook) => logicalIdOf(hook)));
    const functions = Object.entries(s.template.findResources('AWS::Lambda::Function'))
      .filter(([id]) => !hookIds.has(id))
      .map(([, fn]) => fn);

    expect(functions).toHaveLength(8);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'products',
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
      });
    }
  });

  it('bundles every handler entry into an ESM asset with esbuild', () => {
    for (const [name, fn] of definedFunctions(s.service.functions)) {
      const staging = fn.node.findAll().find((child): child is AssetStaging => child instanceof AssetStaging);

      expect(existsSync(join(staging?.absoluteStagedPath ?? '', 'index.mjs')), name).toBe(true);
    }
  });

  it('gives each handler exactly the environment variables the spec lists', () => {
    const functions = s.service.functions;

    for (const [name, expected] of Object.entries(HANDLER_ENVIRONMENT)) {
      const fn = functions[name as keyof typeof functions];
      const variables = s.template.toJSON().Resources[logicalIdOf(fn)].Properties.Environment.Variables;
      expect(Object.keys(variables).sort(), name).toEqual([...expected, ...POWERTOOLS_ENVIRONMENT].sort());
    }
  });

  it('passes the table, idempotency table, bucket and bus names from the stateful stack', () => {
    const variables = (name: 'orderPlaced' | 'publishOutbox' | 'seedCatalog') =>
      s.template.toJSON().Resources[logicalIdOf(s.service.functions[name])].Properties.Environment.Variables;
    const output = (value: unknown) =>
      (value as { 'Fn::GetStackOutput': { OutputName: string } })['Fn::GetStackOutput'];

    expect(output(variables('orderPlaced').TABLE_NAME).OutputName).toMatch(/ProductsTable/);
    expect(output(variables('orderPlaced').IDEMPOTENCY_TABLE_NAME).OutputName).toMatch(/IdempotencyTable/);
    expect(output(variables('publishOutbox').EVENT_BUS_NAME).OutputName).toMatch(/EventBus/);
    expect(output(variables('seedCatalog').IMAGES_BUCKET_NAME).OutputName).toMatch(/ImagesBucket/);
  });

  it('routes the five endpoints to their functions as Lambda proxy integrations with payload 2.0', () => {
    const routes = Object.values(s.template.findResources('AWS::ApiGatewayV2::Route'));

    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
      PRODUCTS_ROUTES.map((route) => `${route.method} ${route.path}`).sort(),
    );
    s.template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
    s.template.resourceCountIs('AWS::ApiGatewayV2::Integration', 3);
  });

  it('puts the JWT authorizer on the admin routes and no authorizer on the public ones', () => {
    const authorizerId = Object.keys(s.template.findResources('AWS::ApiGatewayV2::Authorizer'))[0];
    const routes = Object.values(s.template.findResources('AWS::ApiGatewayV2::Route'));

    for (const route of routes) {
      const admin = (route.Properties.RouteKey as string).includes(' /admin/');
      expect(route.Properties.AuthorizationType, route.Properties.RouteKey).toBe(admin ? 'JWT' : 'NONE');
      expect(route.Properties.AuthorizerId, route.Properties.RouteKey).toEqual(
        admin ? { Ref: authorizerId } : undefined,
      );
    }
  });

  it('alarms on errors, throttles and duration of every function, all notifying the alarm topic', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm'));
    const topicId = Object.keys(s.template.findResources('AWS::SNS::Topic'))[0];

    for (const [, fn] of definedFunctions(s.service.functions)) {
      for (const metric of ['Errors', 'Throttles', 'Duration']) {
        s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(fn) } }],
        });
      }
    }
    // 8 functions × 3, 7 dead-letter queues, and errors and duration of the 7 live aliases.
    expect(alarms).toHaveLength(8 * 3 + 7 + 7 * 2);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('names none of its functions, roles, queues, rules, log groups or alarms', () => {
    const nameProperties = {
      'AWS::Lambda::Function': 'FunctionName',
      'AWS::IAM::Role': 'RoleName',
      'AWS::SQS::Queue': 'QueueName',
      'AWS::Events::Rule': 'Name',
      'AWS::Logs::LogGroup': 'LogGroupName',
      'AWS::CloudWatch::Alarm': 'AlarmName',
    };

    for (const [type, property] of Object.entries(nameProperties)) {
      for (const resource of Object.values(s.template.findResources(type))) {
        expect(resource.Properties[property], type).toBeUndefined();
      }
    }
  });

  it('seeds the catalog through a Custom::SeedCatalog once the outbox stream mapping exists', () => {
    const seeds = Object.values(s.template.findResources('Custom::SeedCatalog'));

    expect(seeds).toHaveLength(1);
    expect(seeds[0]?.Properties.ServiceToken).toEqual({
      'Fn::GetAtt': [logicalIdOf(s.service.functions.seedCatalog), 'Arn'],
    });
    expect(seeds[0]?.Properties.CatalogHash).toMatch(/^[0-9a-f]{64}$/);
    expect(seeds[0]?.DependsOn).toContain(logicalIdOf(s.service.outbox.mapping));
  });
});

describe('ProductsService without the seed', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    s = synth({ seedCatalog: false });
  }, SYNTH_TIMEOUT_MS);

  it('creates neither the seed custom resource nor the seed function', () => {
    s.template.resourceCountIs('Custom::SeedCatalog', 0);
    // 7 handlers and GetProduct's pre-traffic hook.
    s.template.resourceCountIs('AWS::Lambda::Function', 8);
    expect(s.service.functions.seedCatalog).toBeUndefined();
  });

  it('leaves alarms without actions when no alarm topic is given', () => {
    s.template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
    expect(s.service.alarms).toHaveLength(7 * 3 + 7);
  });
});
