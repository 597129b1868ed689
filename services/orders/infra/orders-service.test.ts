import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetStaging } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_ENTRIES, type OrdersHandler } from './orders-functions';
import { INBOX_HANDLERS } from './orders-service';
import { ORDERS_ROUTES } from './orders-routes';
import { ordersStage } from './testing/orders-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

type Synth = ReturnType<typeof ordersStage> & { template: Template };

function synth(options: Parameters<typeof ordersStage>[0] = {}): Synth {
  const stage = ordersStage(options);
  return { ...stage, template: Template.fromStack(stage.stateless) };
}

/** The variables each handler reads through src/handlers/config.ts (see the service README). */
const HANDLER_ENVIRONMENT: Record<OrdersHandler, string[]> = {
  carts: ['TABLE_NAME'],
  orders: ['TABLE_NAME'],
  productChanged: ['IDEMPOTENCY_TABLE_NAME', 'TABLE_NAME'],
  stockAnswer: ['IDEMPOTENCY_TABLE_NAME'],
  invoiceIssued: ['IDEMPOTENCY_TABLE_NAME', 'TABLE_NAME'],
  customerChanged: ['IDEMPOTENCY_TABLE_NAME', 'TABLE_NAME'],
  customerDeleted: ['TABLE_NAME'],
  orderOutcome: ['IDEMPOTENCY_TABLE_NAME', 'TABLE_NAME'],
  priceCheckout: [
    'APPCONFIG_APPLICATION',
    'APPCONFIG_ENVIRONMENT',
    'APPCONFIG_FLAGS_PROFILE',
    'PAYMENTS_API_KEY_SECRET_ARN',
    'PAYMENTS_URL',
    'TABLE_NAME',
  ],
};
const POWERTOOLS_ENVIRONMENT = [
  'NODE_OPTIONS',
  'POWERTOOLS_LOG_LEVEL',
  'POWERTOOLS_METRICS_NAMESPACE',
  'POWERTOOLS_SERVICE_NAME',
];

/** The route keys a handler file dispatches on (its routeTable's keys; the handlers do not export them). */
function dispatchedRouteKeys(handler: OrdersHandler): string[] {
  const source = readFileSync(
    fileURLToPath(new URL(`../src/handlers/${HANDLER_ENTRIES[handler]}`, import.meta.url)),
    'utf8',
  );
  return [...source.matchAll(/^\s+'((?:GET|POST|PUT|PATCH|DELETE) \/[^']*)':/gm)].map((match) => match[1] as string);
}

describe('OrdersService', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;
  const variables = (handler: OrdersHandler) =>
    s.template.toJSON().Resources[logicalIdOf(s.service.functions[handler])].Properties.Environment.Variables;

  beforeAll(() => {
    s = synth({ withAlarmTopic: true, logLevel: 'DEBUG', bundle: true });
  }, SYNTH_TIMEOUT_MS);

  it('runs every handler on nodejs24.x and arm64 with the Powertools service name orders', () => {
    const hookIds = new Set(
      s.service.live.all.flatMap((live) => (live.preTrafficHook ? [logicalIdOf(live.preTrafficHook)] : [])),
    );
    const functions = Object.entries(s.template.findResources('AWS::Lambda::Function'))
      .filter(([id]) => !hookIds.has(id))
      .map(([, fn]) => fn);

    expect(hookIds.size).toBe(1);
    expect(functions).toHaveLength(Object.keys(HANDLER_ENTRIES).length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'orders',
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
      });
    }
  });

  it('bundles every handler entry into an ESM asset with esbuild', () => {
    for (const [name, fn] of Object.entries(s.service.functions)) {
      const staging = fn.node.findAll().find((child): child is AssetStaging => child instanceof AssetStaging);

      expect(existsSync(join(staging?.absoluteStagedPath ?? '', 'index.mjs')), name).toBe(true);
    }
  });

  it('gives each handler exactly the environment variables its config reads', () => {
    for (const [handler, expected] of Object.entries(HANDLER_ENVIRONMENT)) {
      const names = Object.keys(variables(handler as OrdersHandler)).sort();

      expect(names, handler).toEqual([...expected, ...POWERTOOLS_ENVIRONMENT].sort());
    }
  });

  it('gives the customer deletion a minute, and the other functions the paved path’s 10 s', () => {
    const timeouts = Object.fromEntries(
      Object.entries(s.service.functions).map(([handler, fn]) => [
        handler,
        s.template.toJSON().Resources[logicalIdOf(fn)].Properties.Timeout,
      ]),
    );

    expect(timeouts).toEqual({
      carts: 10,
      orders: 10,
      productChanged: 10,
      stockAnswer: 10,
      invoiceIssued: 10,
      customerChanged: 10,
      customerDeleted: 60,
      orderOutcome: 10,
      priceCheckout: 10,
    });
  });

  it('passes the tables from the stateful stack, and the sandbox’s URL and key secret from its stack', () => {
    const output = (value: unknown) => JSON.stringify(value);
    const priceCheckout = variables('priceCheckout');

    expect(output(variables('productChanged').TABLE_NAME)).toMatch(/Test-Stateful.*OrdersTable/);
    expect(output(variables('stockAnswer').IDEMPOTENCY_TABLE_NAME)).toMatch(/Test-Stateful.*IdempotencyTable/);
    expect(output(priceCheckout.PAYMENTS_URL)).toMatch(/Test-Payments.*PaymentsApi/);
    expect(output(priceCheckout.PAYMENTS_API_KEY_SECRET_ARN)).toMatch(/Test-Payments.*ApiKeySecret/);
    expect(output(priceCheckout.APPCONFIG_FLAGS_PROFILE)).toMatch(/FlagsProfile/);
  });

  it('declares exactly the route keys the cart and order handlers dispatch on', () => {
    const declared = Object.values(s.template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );

    for (const handler of ['carts', 'orders'] as const) {
      const routes = ORDERS_ROUTES.filter((route) => route.handler === handler).map((r) => `${r.method} ${r.path}`);
      expect(routes.sort(), handler).toEqual(dispatchedRouteKeys(handler).sort());
    }
    expect(declared.sort()).toEqual([...dispatchedRouteKeys('carts'), ...dispatchedRouteKeys('orders')].sort());
  });

  it('puts the JWT authorizer on /me and /orders, and none on the guest cart routes', () => {
    const authorizerId = Object.keys(s.template.findResources('AWS::ApiGatewayV2::Authorizer'))[0];
    const routes = Object.values(s.template.findResources('AWS::ApiGatewayV2::Route'));

    for (const route of routes) {
      const key = route.Properties.RouteKey as string;
      const jwt = / \/(me|orders)\b/.test(key);
      expect(route.Properties.AuthorizationType, key).toBe(jwt ? 'JWT' : 'NONE');
      expect(route.Properties.AuthorizerId, key).toEqual(jwt ? { Ref: authorizerId } : undefined);
    }
    // Issue 8: a customer's cart changes only through /me; the public routes are the guest cart's four.
    const publicKeys = routes
      .filter((r) => r.Properties.AuthorizationType === 'NONE')
      .map((r) => r.Properties.RouteKey);
    expect(publicKeys.sort()).toEqual([
      'DELETE /carts/{cartId}/lines/{productId}',
      'GET /carts/{cartId}',
      'POST /carts',
      'PUT /carts/{cartId}/lines/{productId}',
    ]);
    expect(routes.map((r) => r.Properties.RouteKey)).toEqual(
      expect.arrayContaining(['PUT /me/cart/lines/{productId}', 'DELETE /me/cart/lines/{productId}']),
    );
    s.template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('alarms on every function, both workflows, the checkout API and every DLQ, all notifying the alarm topic', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm'));
    const topicId = Object.keys(s.template.findResources('AWS::SNS::Topic'))[0];
    const metric = (name: string, dimension: string, construct: Parameters<typeof logicalIdOf>[0]) =>
      s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: name,
        Dimensions: [{ Name: dimension, Value: { Ref: logicalIdOf(construct) } }],
      });

    for (const handler of ['carts', 'orders', ...INBOX_HANDLERS] as const) {
      for (const name of ['Errors', 'Throttles', 'Duration'])
        metric(name, 'FunctionName', s.service.functions[handler]);
    }
    metric('ExecutionsFailed', 'StateMachineArn', s.service.checkout.stateMachine);
    metric('ExecutionsTimedOut', 'StateMachineArn', s.service.checkout.stateMachine);
    metric('ExecutionsTimedOut', 'StateMachineArn', s.service.intake.stateMachine);
    metric('Throttles', 'FunctionName', s.service.functions.priceCheckout);
    metric('Duration', 'FunctionName', s.service.functions.priceCheckout);
    // The errors and duration of every function's live alias, the Checkout canary's failed and timed out.
    const rollbackAlarms = Object.keys(HANDLER_ENTRIES).length * 2 + 2;
    expect(alarms).toHaveLength((2 + INBOX_HANDLERS.length) * 3 + 7 + INBOX_HANDLERS.length * 2 + rollbackAlarms);
    expect(s.service.alarms).toHaveLength(alarms.length - rollbackAlarms);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('counts PriceCheckout’s faults as its errors minus the checkouts it refused on purpose', () => {
    const faults = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).find((alarm) =>
      (alarm.Properties.Metrics as { Expression?: string }[] | undefined)?.some((m) => m.Expression),
    );

    expect(faults?.Properties.Metrics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Expression: 'errors - FILL(refused, 0)' }),
        expect.objectContaining({
          Id: 'refused',
          MetricStat: expect.objectContaining({
            Metric: {
              Namespace: 'Shop',
              MetricName: 'CheckoutRefused',
              Dimensions: [{ Name: 'service', Value: 'orders' }],
            },
          }),
        }),
      ]),
    );
  });

  it('names none of its functions, roles, queues, rules, state machines, APIs or alarms', () => {
    const nameProperties = {
      'AWS::Lambda::Function': 'FunctionName',
      'AWS::IAM::Role': 'RoleName',
      'AWS::SQS::Queue': 'QueueName',
      'AWS::Events::Rule': 'Name',
      'AWS::Events::Connection': 'Name',
      'AWS::StepFunctions::StateMachine': 'StateMachineName',
      'AWS::CloudWatch::Alarm': 'AlarmName',
    };

    for (const [type, property] of Object.entries(nameProperties)) {
      for (const resource of Object.values(s.template.findResources(type))) {
        expect(resource.Properties[property], type).toBeUndefined();
      }
    }
  });

  it('names the checkout API after its stack, as a REST API must have a name', () => {
    s.template.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'Test-Stateless-checkout' });
  });

  it('names only the state machines’ log groups, under /aws/vendedlogs/ and by the construct’s path in the stage', () => {
    const named = Object.values(s.template.findResources('AWS::Logs::LogGroup'))
      .map((group) => group.Properties.LogGroupName as string | undefined)
      .filter((name) => name !== undefined);

    expect(named).toEqual([
      expect.stringMatching(/^\/aws\/vendedlogs\/states\/TestStatelessOrdersCheckoutExecution[0-9A-F]{8}$/),
      expect.stringMatching(/^\/aws\/vendedlogs\/states\/TestStatelessOrdersCheckoutIntakeExecution[0-9A-F]{8}$/),
    ]);
    s.template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });
});
