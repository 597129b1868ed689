import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceResponse } from 'aws-lambda';

/** What a test custom resource asks for: which item to seed, after which one, and how to answer. */
interface SeedProperties {
  readonly ServiceToken: string;
  readonly Answer: 'SUCCESS' | 'FAILED' | 'THROW' | 'NEVER';
  readonly ItemId?: string;
  /** An item that must already be in the table: the custom resource that seeds it ran before. */
  readonly Requires?: string;
  readonly Greeting?: string;
  readonly Reason?: string;
  readonly Count?: unknown;
}

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });

/**
 * A Lambda-backed custom resource as one is written for AWS: it seeds an item into TABLE_NAME and PUTs its
 * answer to the ResponseURL (with fetch, which honours the URL's scheme and port). `Answer` makes it fail,
 * crash or never answer, for the tests of those outcomes.
 */
export const handler = async (event: CloudFormationCustomResourceEvent<SeedProperties>): Promise<void> => {
  const properties = event.ResourceProperties;
  if (properties.Answer === 'NEVER') return;
  if (properties.Answer === 'THROW') throw new Error(properties.Reason);
  if (properties.Answer === 'FAILED') return respond(event, { Status: 'FAILED', Reason: properties.Reason ?? 'failed', PhysicalResourceId: event.LogicalResourceId });
  try {
    await seed(event, properties);
    return respond(event, { Status: 'SUCCESS', PhysicalResourceId: `seed-${properties.ItemId}`, Data: { Greeting: `hello from ${properties.ItemId}` } });
  } catch (err) {
    return respond(event, { Status: 'FAILED', Reason: (err as Error).message, PhysicalResourceId: event.LogicalResourceId });
  }
};

async function seed(event: CloudFormationCustomResourceEvent<SeedProperties>, properties: SeedProperties): Promise<void> {
  const TableName = process.env.TABLE_NAME;
  if (properties.Requires) {
    const { Item } = await documents.send(new GetCommand({ TableName, Key: { pk: properties.Requires } }));
    if (!Item) throw new Error(`${properties.Requires} is not seeded yet`);
  }
  const item = {
    pk: properties.ItemId,
    requestType: event.RequestType,
    resourceType: event.ResourceType,
    stackId: event.StackId,
    greeting: properties.Greeting,
    count: properties.Count,
  };
  await documents.send(new PutCommand({ TableName, Item: item }));
}

type Answer = Omit<CloudFormationCustomResourceResponse, 'StackId' | 'RequestId' | 'LogicalResourceId'>;

async function respond(event: CloudFormationCustomResourceEvent<SeedProperties>, answer: Answer): Promise<void> {
  const body = JSON.stringify({ ...answer, StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId });
  const response = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!response.ok) throw new Error(`The ResponseURL answered ${response.status}`);
}
