import { Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrdersHandler } from './orders-functions';
import { IDEMPOTENCY_ACTIONS } from './table-access';
import { definitionOf } from './testing/asl';
import { ordersStage } from './testing/orders-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import {
  actionsOf,
  logicalIdOf,
  type Statement,
  statementsAllowing,
  statementsOf,
  wildcardActionsOf,
} from './testing/template-queries';
import { LOG_DELIVERY_ACTIONS, TRACING_ACTIONS } from './workflow-role';

const BASELINE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const SQS_CONSUME = [
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
];
const OBSERVABILITY = [...LOG_DELIVERY_ACTIONS, ...TRACING_ACTIONS];
const sorted = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();

/** The IAM action each task resource of a definition calls. */
function actionOfTask(resource: string): string {
  const integration = /:states:::(.+?)(\.waitForTaskToken|\.sync(:2)?)?$/.exec(resource)?.[1];
  if (integration === undefined) return 'lambda:InvokeFunction';
  const [service, action] = integration.replace(/^aws-sdk:sfn:/, 'states:').split(':') as [string, string];
  if (integration === 'http:invoke') return 'states:InvokeHTTPEndpoint';
  return `${service}:${action.charAt(0).toUpperCase()}${action.slice(1)}`;
}

describe('OrdersService permissions', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let stage: ReturnType<typeof ordersStage>;
  let template: Template;
  const role = (handler: OrdersHandler) => stage.service.functions[handler].role as iam.IRole;
  const resources = (statements: Statement[]) => JSON.stringify(statements.map((s) => s.Resource));

  beforeAll(() => {
    stage = ordersStage();
    template = Template.fromStack(stage.stateless);
  }, SYNTH_TIMEOUT_MS);

  it('lets the carts function get, put, delete and batch-get items of the orders table, and nothing else', () => {
    const [items] = statementsAllowing(template, role('carts'), 'dynamodb:GetItem');

    expect(actionsOf(template, role('carts'))).toEqual(
      sorted(BASELINE, ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']),
    );
    expect(JSON.stringify(items?.Resource)).toMatch(/OrdersTable/);
  });

  it('lets the orders function get an order and query the byCustomer index, by name', () => {
    const [query] = statementsAllowing(template, role('orders'), 'dynamodb:Query');

    expect(actionsOf(template, role('orders'))).toEqual(sorted(BASELINE, ['dynamodb:GetItem', 'dynamodb:Query']));
    expect(JSON.stringify(query?.Resource)).toMatch(/OrdersTable.*"\/index\/byCustomer"/);
    expect(statementsAllowing(template, role('orders'), 'dynamodb:GetItem')[0]?.Action).toBe('dynamodb:GetItem');
  });

  it('lets the catalog copy put items, keep idempotency records and consume its own queue only', () => {
    const queueArn = { 'Fn::GetAtt': [logicalIdOf(stage.service.inboxes.productChanged.inbox.queue), 'Arn'] };

    expect(actionsOf(template, role('productChanged'))).toEqual(
      sorted(BASELINE, ['dynamodb:PutItem'], IDEMPOTENCY_ACTIONS, SQS_CONSUME),
    );
    expect(statementsAllowing(template, role('productChanged'), 'sqs:ReceiveMessage').map((s) => s.Resource)).toEqual([
      queueArn,
    ]);
    expect(resources(statementsAllowing(template, role('productChanged'), 'dynamodb:UpdateItem'))).toMatch(
      /IdempotencyTable/,
    );
    expect(resources(statementsAllowing(template, role('productChanged'), 'dynamodb:UpdateItem'))).not.toMatch(
      /OrdersTable/,
    );
  });

  it('lets the stock-answer consumer complete the Checkout’s tasks, and read no table but its idempotency records', () => {
    const tasks = statementsAllowing(template, role('stockAnswer'), 'states:SendTaskSuccess');

    expect(actionsOf(template, role('stockAnswer'))).toEqual(
      sorted(BASELINE, IDEMPOTENCY_ACTIONS, SQS_CONSUME, ['states:SendTaskFailure', 'states:SendTaskSuccess']),
    );
    expect(tasks.map((s) => s.Resource)).toEqual([{ Ref: logicalIdOf(stage.service.checkout.stateMachine) }]);
  });

  it('lets the invoice consumer update orders, keep idempotency records and consume its own queue only', () => {
    const queueArn = { 'Fn::GetAtt': [logicalIdOf(stage.service.inboxes.invoiceIssued.inbox.queue), 'Arn'] };
    const updates = statementsAllowing(template, role('invoiceIssued'), 'dynamodb:UpdateItem');

    expect(actionsOf(template, role('invoiceIssued'))).toEqual(
      sorted(BASELINE, ['dynamodb:UpdateItem'], IDEMPOTENCY_ACTIONS, SQS_CONSUME),
    );
    expect(statementsAllowing(template, role('invoiceIssued'), 'sqs:ReceiveMessage').map((s) => s.Resource)).toEqual([
      queueArn,
    ]);
    expect(resources(updates)).toMatch(/OrdersTable/);
    expect(resources(updates)).toMatch(/IdempotencyTable/);
  });

  it('lets the customer copy put items and keep idempotency records, and nothing else', () => {
    const puts = statementsAllowing(template, role('customerChanged'), 'dynamodb:PutItem');

    expect(actionsOf(template, role('customerChanged'))).toEqual(
      sorted(BASELINE, ['dynamodb:PutItem'], IDEMPOTENCY_ACTIONS, SQS_CONSUME),
    );
    expect(resources(statementsAllowing(template, role('customerChanged'), 'dynamodb:UpdateItem'))).not.toMatch(
      /OrdersTable/,
    );
    expect(resources(puts)).toMatch(/OrdersTable/);
  });

  it('lets the customer erasure query the byCustomer index by name and change items, with no idempotency table', () => {
    const fn = role('customerDeleted');
    const [query] = statementsAllowing(template, fn, 'dynamodb:Query');

    expect(actionsOf(template, fn)).toEqual(
      sorted(
        BASELINE,
        ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        SQS_CONSUME,
      ),
    );
    expect(JSON.stringify(query?.Resource)).toMatch(/OrdersTable.*"\/index\/byCustomer"/);
    expect(resources(statementsOf(template, fn))).not.toMatch(/IdempotencyTable/);
  });

  it('lets PriceCheckout read carts and products, the payments API key and the feature flags, and nothing else', () => {
    const fn = role('priceCheckout');
    const [flags] = statementsAllowing(template, fn, 'appconfig:GetLatestConfiguration');

    expect(actionsOf(template, fn)).toEqual(
      sorted(BASELINE, [
        'appconfig:GetLatestConfiguration',
        'appconfig:StartConfigurationSession',
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'secretsmanager:GetSecretValue',
      ]),
    );
    expect(resources(statementsAllowing(template, fn, 'secretsmanager:GetSecretValue'))).toMatch(/ApiKeySecret/);
    expect(JSON.stringify(flags?.Resource)).toMatch(
      /:application\/.*FlagsApplication.*\/environment\/.*FlagsEnvironment.*\/configuration\/.*FlagsProfile/,
    );
  });

  it('allows a wildcard resource to no function but in X-Ray’s tracing statement', () => {
    for (const [name, fn] of Object.entries(stage.service.functions)) {
      expect(wildcardActionsOf(template, fn.role), name).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });

  it('grants each state machine’s role exactly the actions its definition calls, besides logging and tracing', () => {
    for (const workflow of [stage.service.checkout, stage.service.intake]) {
      const asl = definitionOf(template, logicalIdOf(workflow.stateMachine));
      const called = Object.values(asl.States).flatMap((state) =>
        state.Resource ? [actionOfTask(state.Resource)] : [],
      );
      const connection = called.includes('states:InvokeHTTPEndpoint')
        ? ['events:RetrieveConnectionCredentials', 'secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']
        : [];

      expect(actionsOf(template, workflow.workflowRole.role)).toEqual(sorted(OBSERVABILITY, called, connection));
    }
  });

  it('lets the Checkout write orders and put shop.orders events only', () => {
    const checkout = stage.service.checkout.workflowRole.role;
    const [write] = statementsAllowing(template, checkout, 'dynamodb:UpdateItem');

    expect(write?.Action).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
    expect(JSON.stringify(write?.Resource)).toMatch(/OrdersTable/);
    expect(statementsAllowing(template, checkout, 'events:PutEvents').map((s) => s.Condition)).toEqual([
      { 'ForAllValues:StringEquals': { 'events:source': ['shop.orders'] }, Null: { 'events:source': 'false' } },
    ]);
    expect(template.toJSON().Resources[logicalIdOf(checkout)].Properties.Tags).toContainEqual({
      Key: 'shop-service',
      Value: 'orders',
    });
  });

  it('lets the Checkout call the sandbox as AWS documents HTTP tasks: its connection, its secret, POST to its URL', () => {
    const checkout = stage.service.checkout.workflowRole.role;
    const connectionId = Object.keys(template.findResources('AWS::Events::Connection'))[0] as string;
    const [endpoint] = statementsAllowing(template, checkout, 'states:InvokeHTTPEndpoint');

    expect(statementsAllowing(template, checkout, 'events:RetrieveConnectionCredentials')[0]?.Resource).toEqual({
      'Fn::GetAtt': [connectionId, 'Arn'],
    });
    expect(statementsAllowing(template, checkout, 'secretsmanager:GetSecretValue')[0]?.Resource).toEqual({
      'Fn::GetAtt': [connectionId, 'SecretArn'],
    });
    expect(endpoint?.Resource).toEqual({ Ref: logicalIdOf(stage.service.checkout.stateMachine) });
    expect(endpoint?.Condition?.StringEquals).toEqual({ 'states:HTTPMethod': 'POST' });
    expect(JSON.stringify(endpoint?.Condition?.StringLike)).toMatch(/PaymentsApi.*\/v1\/authorizations\*"/);
  });

  it('lets the intake invoke PriceCheckout’s live alias, start Checkouts through theirs and describe their executions, and nothing else', () => {
    const intake = stage.service.intake.workflowRole.role;
    const checkoutId = logicalIdOf(stage.service.checkout.stateMachine);

    expect(statementsAllowing(template, intake, 'lambda:InvokeFunction')[0]?.Resource).toEqual({
      Ref: logicalIdOf(stage.service.live.aliasOf('priceCheckout')),
    });
    // AWS authorizes starting an alias on the state machine's ARN; the alias's own is named too.
    const startable = statementsAllowing(template, intake, 'states:StartExecution')[0]?.Resource;
    expect(startable).toHaveLength(2);
    expect(startable).toEqual(
      expect.arrayContaining([
        { Ref: checkoutId },
        { 'Fn::GetAtt': [logicalIdOf(stage.service.checkoutLive.alias), 'Arn'] },
      ]),
    );
    expect(JSON.stringify(statementsAllowing(template, intake, 'states:DescribeExecution')[0]?.Resource)).toMatch(
      new RegExp(`:execution:",\\{"Fn::GetAtt":\\["${checkoutId}","Name"\\]\\},":\\*"`),
    );
  });

  it('allows wildcards to the state machines only for logging, tracing, and the Checkout executions the intake describes', () => {
    expect(wildcardActionsOf(template, stage.service.checkout.workflowRole.role)).toEqual(sorted(OBSERVABILITY));
    expect(wildcardActionsOf(template, stage.service.intake.workflowRole.role)).toEqual(
      sorted(OBSERVABILITY, ['states:DescribeExecution']),
    );
    expect(statementsOf(template, stage.service.checkout.workflowRole.role).every((s) => s.Effect === 'Allow')).toBe(
      true,
    );
  });
});
