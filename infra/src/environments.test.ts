import { INVOICE_CONSUMER_MAX_CONCURRENCY } from '@shop/invoices/infra';
import { CHECKOUT_API_THROTTLE } from '@shop/orders/infra';
import { ORDER_PLACED_MAX_CONCURRENCY } from '@shop/products/infra';
import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStageConfig } from './config';
import { ShopStage, stageId } from './shop-stage';
import { testApp } from './testing/test-app';

// Issue 10, item 5: what differs between environments, and what must hold in every one of them.

type Resource = { Type: string; DeletionPolicy?: string; Properties?: Record<string, unknown> };

function aStage(stage: 'dev' | 'prod'): ShopStage {
  const app = testApp(stage === 'prod' ? { stage, account: '123456789012', region: 'eu-west-1' } : { stage });
  const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  return new ShopStage(app, stageId(config.stageName), { config });
}

const stacksOf = (stage: ShopStage): Stack[] => [
  stage.stateful,
  stage.payments,
  stage.stateless,
  stage.invoices,
  stage.users,
  stage.observability,
];
const resourcesOf = (stack: Stack) =>
  Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, Resource>);

/** What holds data or identity: lost for good if CloudFormation deletes it. */
const DATA_TYPES = [
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::Events::EventBus',
  'AWS::Events::Archive',
  'AWS::Cognito::UserPool',
];

/** Optional physical-name properties: set one and two stages in one account collide, and replacements fail. */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::DynamoDB::GlobalTable': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::Events::EventBus': 'Name',
  'AWS::Events::Rule': 'Name',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::Cognito::UserPool': 'UserPoolName',
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::SSM::Parameter': 'Name',
};

describe.each(['dev', 'prod'] as const)('the %s stage', (name) => {
  let stage: ShopStage;
  beforeAll(() => {
    stage = aStage(name);
  });
  const prod = name === 'prod';

  it(`${prod ? 'retains' : 'deletes'} every table, bucket, bus, archive and user pool of the stateful stacks with them`, () => {
    const data = [stage.stateful, stage.payments].flatMap(resourcesOf).filter((r) => DATA_TYPES.includes(r.Type));

    expect(new Set(data.map((r) => r.Type))).toEqual(new Set(DATA_TYPES));
    expect(new Set(data.map((r) => r.DeletionPolicy))).toEqual(new Set([prod ? 'Retain' : 'Delete']));
  });

  it(`${prod ? 'protects' : 'does not protect'} the stateful stacks from deletion, and never the stateless ones`, () => {
    const protectedStacks = stacksOf(stage)
      .filter((s) => s.terminationProtection)
      .map((s) => s.stackName);

    expect(protectedStacks).toEqual(prod ? [`${stage.stageName}-Stateful`, `${stage.stageName}-Payments`] : []);
  });

  it('runs every function on arm64 and Node.js 24', () => {
    const functions = stacksOf(stage)
      .flatMap(resourcesOf)
      .filter((r) => r.Type === 'AWS::Lambda::Function');

    expect(functions.length).toBeGreaterThan(25);
    expect(new Set(functions.map((f) => JSON.stringify([f.Properties?.Architectures, f.Properties?.Runtime])))).toEqual(
      new Set([JSON.stringify([['arm64'], 'nodejs24.x'])]),
    );
  });

  it("sets no physical name of its own but the SSM parameters, each under the stage's path", () => {
    const named = stacksOf(stage)
      .flatMap(resourcesOf)
      .flatMap((r) => {
        const property = NAME_PROPERTIES[r.Type];
        const value = property && r.Properties?.[property];
        return value === undefined || value === '' || !property ? [] : [{ type: r.Type, value }];
      });

    // Names CDK must set (the bus, Step Functions' /aws/vendedlogs/ log groups) it derives from the construct
    // path, which starts with the stage; a function's own log group is Lambda's `/aws/lambda/<its generated name>`;
    // the SSM parameters are named on purpose, under the stage's path.
    const lambdaLogGroup = (value: unknown) =>
      /^\{"Fn::Join":\["",\["\/aws\/lambda\/",\{"Ref":"[A-Za-z0-9]+"\}\]\]\}$/.test(JSON.stringify(value));
    const other = named.filter(
      ({ type, value }) =>
        !(type === 'AWS::SSM::Parameter' && String(value).startsWith(`/shop/${name}/`)) &&
        !(type === 'AWS::Logs::LogGroup' && lambdaLogGroup(value)) &&
        !String(value).includes(stage.stageName),
    );

    expect(other).toEqual([]);
    expect(named.filter((n) => n.type === 'AWS::SSM::Parameter').length).toBeGreaterThan(0);
  });

  it('caps how fast the shop calls the downstreams that cannot scale with it', () => {
    const stateless = Template.fromStack(stage.stateless);
    const mappings = [stateless, Template.fromStack(stage.invoices)].flatMap((t) =>
      Object.values(t.findResources('AWS::Lambda::EventSourceMapping')),
    );
    const concurrency = mappings
      .map((m) => m.Properties.ScalingConfig?.MaximumConcurrency as number | undefined)
      .filter((c) => c !== undefined);

    // Reservations hold rows (products) and invoice numbers are one counter per year (invoices): a few at a time.
    expect(concurrency).toContain(ORDER_PLACED_MAX_CONCURRENCY);
    expect(concurrency.filter((c) => c === INVOICE_CONSUMER_MAX_CONCURRENCY).length).toBeGreaterThanOrEqual(2);
    // Every checkout reaches the payment provider: the checkout API's stage throttle bounds the rate.
    stateless.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [
        Match.objectLike({
          ThrottlingRateLimit: CHECKOUT_API_THROTTLE.rateLimit,
          ThrottlingBurstLimit: CHECKOUT_API_THROTTLE.burstLimit,
        }),
      ],
    });
  });
});
