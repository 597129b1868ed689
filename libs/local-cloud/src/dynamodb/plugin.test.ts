import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Json, ResolvedResource } from '../core/contracts';
import { eventually, HARNESS_ACCOUNT, HARNESS_REGION, harnessClientConfig, startPlugin, type PluginHarness } from '../core/plugin-harness';
import { dynamoDbPlugin } from './plugin';

const TABLE_ARN = `arn:aws:dynamodb:${HARNESS_REGION}:${HARNESS_ACCOUNT}:table/Shop-Orders-A1B2C3`;
// What src/template resolves `Fn::GetAtt Table.StreamArn` to: the label is fixed, not the time of creation.
const STREAM_ARN = `${TABLE_ARN}/stream/2025-01-01T00:00:00.000`;

const table: ResolvedResource = {
  stackName: 'Shop',
  logicalId: 'OrdersTable',
  type: 'AWS::DynamoDB::Table',
  ref: 'Shop-Orders-A1B2C3',
  physicalName: 'Shop-Orders-A1B2C3',
  arn: TABLE_ARN,
  attributes: { Arn: TABLE_ARN, StreamArn: STREAM_ARN },
  properties: {
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
  },
};

const mappingOn = (eventSourceArn: string): ResolvedResource => ({
  stackName: 'Shop',
  logicalId: 'Mapping',
  type: 'AWS::Lambda::EventSourceMapping',
  ref: 'f5a4c0de-0000-4000-8000-000000000001',
  physicalName: 'f5a4c0de-0000-4000-8000-000000000001',
  attributes: {},
  properties: { EventSourceArn: eventSourceArn, FunctionName: 'Shop-Projector', StartingPosition: 'TRIM_HORIZON', BatchSize: 10 },
});

let harness: PluginHarness | undefined;
let client: DynamoDBClient | undefined;
afterEach(async () => {
  client?.destroy();
  await harness?.close();
  harness = undefined;
});

describe('dynamoDbPlugin', () => {
  it("creates the templates' tables with the stream ARN the template resolved", async () => {
    harness = await startPlugin(dynamoDbPlugin(), () => [table]);
    client = new DynamoDBClient(harnessClientConfig(harness.url));

    const { Table } = await client.send(new DescribeTableCommand({ TableName: table.physicalName }));

    expect(Table?.TableArn).toBe(TABLE_ARN);
    expect(Table?.LatestStreamArn).toBe(STREAM_ARN);
  });

  it('delivers the stream records of a table to the function of its event source mapping', async () => {
    harness = await startPlugin(dynamoDbPlugin(), () => [table, mappingOn(STREAM_ARN)]);
    client = new DynamoDBClient(harnessClientConfig(harness.url));

    await client.send(new PutItemCommand({ TableName: table.physicalName, Item: { pk: { S: 'order-1' } } }));

    const { invocations } = harness.lambda;
    await eventually(() => invocations.length, (count) => count > 0);
    const records = (invocations[0]?.payload as { Records: Json[] }).Records;
    expect(invocations[0]?.functionArn).toBe(`arn:aws:lambda:${HARNESS_REGION}:${HARNESS_ACCOUNT}:function:Shop-Projector`);
    expect(records).toMatchObject([{ eventName: 'INSERT', eventSourceARN: STREAM_ARN, dynamodb: { Keys: { pk: { S: 'order-1' } } } }]);
  });

  it('owns the event source mappings on table streams and leaves the others to their source', () => {
    const plugin = dynamoDbPlugin();

    const owned = [mappingOn(STREAM_ARN), mappingOn('arn:aws:sqs:us-east-1:000000000000:jobs'), table].map((r) => plugin.owns?.(r));

    expect(owned).toEqual([true, false, true]);
  });
});
