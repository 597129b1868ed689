import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamoDb, TEST_CREDENTIALS, TEST_REGION, type LocalDynamoDb } from './test-server';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(() => db.close());

/** Runs the real AWS CLI against the local endpoint, with dummy credentials and no user config. */
async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
  try {
    const { stdout, stderr } = await run(AWS_CLI, ['dynamodb', ...args, '--endpoint-url', db.endpoint, '--output', 'json'], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each CLI run starts a Python interpreter: seconds on a busy machine, so these tests get a generous limit.
describe('the AWS CLI against the local DynamoDB', { timeout: 180_000 }, () => {
  it('is installed (CI installs Debian’s awscli; locally: apt-get install -y awscli)', () => {
    expect(existsSync(AWS_CLI), `${AWS_CLI} is missing: run apt-get update && apt-get install -y awscli`).toBe(true);
  });

  it('creates a table, puts and queries items, and runs transactions', async () => {
    const created = await aws(
      'create-table',
      '--table-name', 'cli-orders',
      '--attribute-definitions', 'AttributeName=pk,AttributeType=S', 'AttributeName=sk,AttributeType=S',
      '--key-schema', 'AttributeName=pk,KeyType=HASH', 'AttributeName=sk,KeyType=RANGE',
      '--billing-mode', 'PAY_PER_REQUEST',
    );
    const put = await aws('put-item', '--table-name', 'cli-orders', '--item', '{"pk":{"S":"customer#1"},"sk":{"S":"order#1"},"total":{"N":"50"}}');
    const transacted = await aws(
      'transact-write-items',
      '--transact-items',
      JSON.stringify([
        { Put: { TableName: 'cli-orders', Item: { pk: { S: 'customer#1' }, sk: { S: 'order#2' }, total: { N: '70' } } } },
        { Update: { TableName: 'cli-orders', Key: { pk: { S: 'customer#1' }, sk: { S: 'order#1' } }, UpdateExpression: 'SET paid = :t', ExpressionAttributeValues: { ':t': { BOOL: true } } } },
      ]),
    );

    const queried = await aws(
      'query',
      '--table-name', 'cli-orders',
      '--key-condition-expression', 'pk = :pk',
      '--expression-attribute-values', '{":pk":{"S":"customer#1"}}',
    );

    expect([created.code, put.code, transacted.code, queried.code]).toEqual([0, 0, 0, 0]);
    const { Items } = JSON.parse(queried.stdout) as { Items: Array<Record<string, { S?: string; N?: string; BOOL?: boolean }>> };
    expect(Items.map((item) => [item.sk?.S, item.total?.N, item.paid?.BOOL])).toEqual([
      ['order#1', '50', true],
      ['order#2', '70', undefined],
    ]);
  });

  it('reports a cancelled transaction with its reasons', async () => {
    const result = await aws(
      'transact-write-items',
      '--transact-items',
      JSON.stringify([
        { Put: { TableName: 'cli-orders', Item: { pk: { S: 'customer#1' }, sk: { S: 'order#1' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ]),
    );

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('TransactionCanceledException');
    expect(result.stderr).toContain('[ConditionalCheckFailed]');
  });
});
