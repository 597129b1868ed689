import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamoDb, type LocalDynamoDb } from '../test-server';

let db: LocalDynamoDb;

beforeAll(async () => {
  db = await startLocalDynamoDb();
});
afterAll(() => db.close());

const post = (target: string, body: string) =>
  fetch(db.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
    body,
  });

describe('DynamoDB endpoint', () => {
  it('answers a body that is not JSON with SerializationException', async () => {
    const response = await post('DynamoDB_20120810.PutItem', '{not json');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'com.amazon.coral.service#SerializationException' });
  });

  it('answers an operation it does not serve with UnknownOperationException', async () => {
    const response = await post('DynamoDB_20120810.ExecuteStatement', '{}');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'com.amazon.coral.service#UnknownOperationException' });
  });

  it('answers with DynamoDB’s namespaced error types and a crc32 the AWS CLI can check', async () => {
    const response = await post('DynamoDB_20120810.DescribeTimeToLive', JSON.stringify({ TableName: 'absent-table' }));
    const body = Buffer.from(await response.arrayBuffer());

    expect(JSON.parse(body.toString())).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    });
    const { crc32 } = await import('node:zlib');
    expect(response.headers.get('x-amz-crc32')).toBe(String(crc32(body)));
  });
});
