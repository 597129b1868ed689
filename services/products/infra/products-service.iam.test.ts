import { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_IMAGES } from '../seed/images';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from './table-access';
import { productsStage } from './testing/products-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import {
  actionsOf,
  definedFunctions,
  logicalIdOf,
  resolvedLength,
  statementsAllowing,
  statementsOf,
} from './testing/template-queries';

const BASELINE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const SQS_CONSUME = [
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
];
const sorted = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();
/** IAM's limit on the inline policies of one role, counted without whitespace. */
const ROLE_INLINE_POLICY_LIMIT = 10_240;

describe('ProductsService permissions', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let stage: ReturnType<typeof productsStage>;
  let template: Template;
  const fn = (name: keyof typeof stage.service.functions) => stage.service.functions[name] as lambda.Function;

  beforeAll(() => {
    stage = productsStage({ seedCatalog: true });
    template = Template.fromStack(stage.stateless);
  }, SYNTH_TIMEOUT_MS);

  it('lets the public read functions only read the products table', () => {
    for (const name of ['listProducts', 'getProduct'] as const) {
      const actions = actionsOf(template, fn(name));

      expect(actions, name).toEqual(sorted(BASELINE, TABLE_READ_ACTIONS));
      expect(actions, name).not.toContain('dynamodb:PutItem');
      expect(actions, name).not.toContain('events:PutEvents');
    }
  });

  it('grants reads on the table and its two indexes by name, with no wildcard', () => {
    const [read] = statementsAllowing(template, fn('listProducts'), 'dynamodb:Query');

    expect(JSON.stringify(read?.Resource)).not.toContain('*');
    expect(JSON.stringify(read?.Resource)).toMatch(/\/index\/byCategory.*\/index\/bySku/);
    expect(read?.Resource).toHaveLength(3);
  });

  it('lets the admin function read and write the products table, and publish nothing', () => {
    expect(actionsOf(template, fn('adminProducts'))).toEqual(sorted(BASELINE, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS));
  });

  it('lets each order consumer read and write both tables and consume its own queue only', () => {
    for (const name of ['orderPlaced', 'orderCancelled', 'orderConfirmed'] as const) {
      const queueArn = { 'Fn::GetAtt': [logicalIdOf(stage.service.inboxes[name].inbox.queue), 'Arn'] };

      expect(actionsOf(template, fn(name)), name).toEqual(
        sorted(BASELINE, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, SQS_CONSUME),
      );
      expect(statementsAllowing(template, fn(name), 'sqs:ReceiveMessage').map((s) => s.Resource)).toEqual([queueArn]);
      const tables = statementsAllowing(template, fn(name), 'dynamodb:PutItem').map((s) => s.Resource);
      expect(JSON.stringify(tables)).toMatch(/ProductsTable.*IdempotencyTable|IdempotencyTable.*ProductsTable/);
    }
  });

  it('lets the outbox publisher read the stream and put shop.products events only', () => {
    const publisher = fn('publishOutbox');

    expect(actionsOf(template, publisher)).toEqual(
      sorted(BASELINE, [
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'events:PutEvents',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
      ]),
    );
    expect(statementsAllowing(template, publisher, 'events:PutEvents').map((s) => s.Condition)).toEqual([
      { 'ForAllValues:StringEquals': { 'events:source': ['shop.products'] }, Null: { 'events:source': 'false' } },
    ]);
  });

  it('tags the publisher role as the products service, for the bus policy', () => {
    const role = template.toJSON().Resources[logicalIdOf(fn('publishOutbox').role)];

    expect(role.Properties.Tags).toContainEqual({ Key: 'shop-service', Value: 'products' });
  });

  it('lets the seed function read and write the table and put exactly the images it uploads', () => {
    const seed = fn('seedCatalog');
    const imageKeys = Object.keys(SEED_IMAGES).sort();

    expect(actionsOf(template, seed)).toEqual(
      sorted(BASELINE, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, ['s3:PutObject']),
    );
    const [put] = statementsAllowing(template, seed, 's3:PutObject');
    const keys = (put?.Resource as { 'Fn::Join': [string, [unknown, string]] }[]).map((arn) =>
      arn['Fn::Join'][1][1].replace(/^\//, ''),
    );
    expect(keys.sort()).toEqual(imageKeys);
  });

  it('keeps the seed role’s policies within IAM’s inline limit, with a generous length for every ARN', () => {
    const documents = { Statement: statementsOf(template, fn('seedCatalog')) };

    expect(resolvedLength(documents)).toBeLessThan(ROLE_INLINE_POLICY_LIMIT);
  });

  it('allows a wildcard resource nowhere but in X-Ray’s tracing statement', () => {
    for (const [name, f] of definedFunctions(stage.service.functions)) {
      const wildcards = statementsOf(template, f)
        .filter((s) => JSON.stringify(s.Resource).includes('*'))
        .flatMap((s) => s.Action)
        .sort();

      expect(wildcards, name).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });
});
