import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { credentialsOf, type LocalAws } from './local-aws';

let count = 0;
/** A fresh name per test file and call, so each test starts from empty tables and queues. */
const unique = (prefix: string) => `${prefix}-${process.pid}-${++count}`;

async function createTable(client: DynamoDBClient, name: string, keys: string[]): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keys.map((key, index) => ({ AttributeName: key, KeyType: index === 0 ? 'HASH' : 'RANGE' })),
      AttributeDefinitions: keys.map((key) => ({ AttributeName: key, AttributeType: 'S' })),
    }),
  );
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The AWS SDK clients of a test, pointed at the local cloud. */
export function localClients(aws: LocalAws) {
  const base = { region: aws.environment.AWS_REGION, credentials: credentialsOf(aws.environment) };
  return {
    s3: new S3Client({ ...base, endpoint: aws.environment.AWS_ENDPOINT_URL_S3, forcePathStyle: true }),
    sqs: new SQSClient({ ...base, endpoint: aws.environment.AWS_ENDPOINT_URL_SQS }),
    events: new EventBridgeClient({ ...base, endpoint: aws.environment.AWS_ENDPOINT_URL_EVENTBRIDGE }),
  };
}

type Clients = ReturnType<typeof localClients>;

async function queueWithArn(sqs: SQSClient, name: string, attributes: Record<string, string> = {}) {
  const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl, arn: Attributes?.QueueArn ?? '' };
}

/** An inbox as InvoicesService wires it: a rule on the bus puts matching events on a queue with a DLQ. */
async function inbox(clients: Clients, bus: string, name: string, pattern: object) {
  const deadLetters = await queueWithArn(clients.sqs, unique(`${name}-dlq`));
  const queue = await queueWithArn(clients.sqs, unique(name), {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetters.arn, maxReceiveCount: 5 }),
  });
  const rule = unique(`${name}-rule`);
  await clients.events.send(
    new PutRuleCommand({ Name: rule, EventBusName: bus, EventPattern: JSON.stringify(pattern) }),
  );
  await clients.events.send(
    new PutTargetsCommand({ Rule: rule, EventBusName: bus, Targets: [{ Id: 'inbox', Arn: queue.arn }] }),
  );
  return { queueUrl: queue.url, deadLetterQueueUrl: deadLetters.url };
}

/**
 * @internal Everything the invoices functions use, created through the local cloud's APIs: the invoices and
 * idempotency tables, the PDF bucket, a bus with the two inboxes (rule → queue with DLQ), and a queue that
 * receives every event the service publishes, so tests can read them.
 */
export async function aLocalInvoicesShop(aws: LocalAws) {
  const clients = localClients(aws);
  const names = {
    table: unique('invoices'),
    idempotency: unique('idempotency'),
    bucket: unique('pdfs'),
    bus: unique('shop'),
  };
  await createTable(aws.client, names.table, ['pk', 'sk']);
  await createTable(aws.client, names.idempotency, ['id']);
  await clients.s3.send(new CreateBucketCommand({ Bucket: names.bucket }));
  await clients.events.send(new CreateEventBusCommand({ Name: names.bus }));
  const pattern = (detailType: string) => ({ source: ['shop.orders'], 'detail-type': [detailType] });
  const confirmed = await inbox(clients, names.bus, 'order-confirmed', pattern('Order.OrderConfirmed'));
  const cancelled = await inbox(clients, names.bus, 'order-cancelled', pattern('Order.OrderCancelled'));
  const published = await inbox(clients, names.bus, 'published', { source: ['shop.invoices'] });
  const environment = {
    TABLE_NAME: names.table,
    IDEMPOTENCY_TABLE_NAME: names.idempotency,
    PDF_BUCKET_NAME: names.bucket,
    EVENT_BUS_NAME: names.bus,
    STAGE_NAME: 'test',
    SHOP_NAME: 'Shop',
  };
  return { clients, names, environment, inboxes: { confirmed, cancelled, published } };
}

export type LocalInvoicesShop = Awaited<ReturnType<typeof aLocalInvoicesShop>>;
