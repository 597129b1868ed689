import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { OrderConfirmed } from '@shop/events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoInvoiceStore } from '../src/adapters/dynamodb-invoice-store';
import { anOrderConfirmed, gbp } from '../src/domain/test-data';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../src/test-support/local-aws';
import { localClients } from '../src/test-support/local-shop';
import { putEvents, readAll } from '../src/test-support/queue-consumer';
import { invoicesStage } from './testing/invoices-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

// The synthesized stacks themselves, bundles included, run in the local cloud: the rule, the inbox queue, the
// event source mapping (batches, partial failures), the Lambda functions with the template's variables, the DLQ.
vi.setConfig({ hookTimeout: SYNTH_TIMEOUT_MS, testTimeout: LOCAL_AWS_TIMEOUTS.testTimeout });

type Resource = { logicalId: string; type: string; ref: string; attributes?: Record<string, string> };

let outdir: string;
let aws: LocalAws;
let clients: ReturnType<typeof localClients>;
let resources: Resource[];
let store: DynamoInvoiceStore;
let publishedQueueUrl: string;

const resource = (type: string, logicalIdPrefix: string): Resource => {
  const found = resources.find((r) => r.type === type && r.logicalId.startsWith(logicalIdPrefix));
  if (found === undefined) throw new Error(`No ${type} ${logicalIdPrefix}…`);
  return found;
};
const busName = () => resource('AWS::Events::EventBus', 'EventBus').ref;
const queueUrl = (logicalIdPrefix: string) => resource('AWS::SQS::Queue', logicalIdPrefix).ref;

async function eventually<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Still waiting for ${what}`);
}

async function inboxDrained(): Promise<true | undefined> {
  const { Attributes = {} } = await clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl('InvoicesOrderConfirmedInboxQueue'),
      AttributeNames: ['All'],
    }),
  );
  const left =
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
  return left === 0 ? true : undefined;
}

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'invoices-assembly-'));
  invoicesStage({ bundle: true, outdir }).app.synth();
  aws = await startLocalAws({ assembly: outdir, stage: 'Test' });
  clients = localClients(aws);
  const response = await fetch(`${aws.environment.AWS_ENDPOINT_URL_DYNAMODB}/_local/resources`);
  resources = ((await response.json()) as { resources: Resource[] }).resources;
  store = new DynamoInvoiceStore({
    doc: aws.doc,
    tableName: resource('AWS::DynamoDB::GlobalTable', 'InvoicesDataInvoicesTable').ref,
  });
  // A queue that receives what the service publishes, so the test can read it.
  const { QueueUrl = '' } = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'published' }));
  publishedQueueUrl = QueueUrl;
  await clients.events.send(
    new PutRuleCommand({
      Name: 'published',
      EventBusName: busName(),
      EventPattern: JSON.stringify({ source: ['shop.invoices'] }),
    }),
  );
  await clients.events.send(
    new PutTargetsCommand({
      Rule: 'published',
      EventBusName: busName(),
      Targets: [{ Id: 'published', Arn: 'arn:aws:sqs:us-east-1:000000000000:published' }],
    }),
  );
});
afterAll(async () => {
  await aws?.stop();
  rmSync(outdir, { recursive: true, force: true });
});

describe('InvoicesService deployed to the local cloud', () => {
  it('turns an OrderConfirmed put three times into one invoice, one number and one InvoiceIssued', async () => {
    const order = anOrderConfirmed({ orderId: 'ord_deployed' });

    // One after another, as a redelivery or a replay comes (duplicates within one batch are the handler tests').
    for (let delivery = 0; delivery < 3; delivery++) {
      await putEvents(clients.events, busName(), OrderConfirmed, [order]);
      await eventually(async () => ((await store.documentsOf('ord_deployed')).invoice ? true : undefined), 'a save');
      await eventually(inboxDrained, 'the inbox to drain');
    }

    const invoice = (await store.documentsOf('ord_deployed')).invoice;
    expect(invoice?.status).toBe('ISSUED');
    const { Item } = await aws.doc.send(
      new GetCommand({
        TableName: resource('AWS::DynamoDB::GlobalTable', 'InvoicesDataInvoicesTable').ref,
        Key: { pk: `COUNTER#INV#${invoice?.issuedAt.slice(0, 4)}`, sk: 'COUNTER' },
      }),
    );
    expect(Item?.last).toBe(1);
    const published = await readAll(clients.sqs, publishedQueueUrl);
    expect(published.map((event) => event.body['detail-type'])).toEqual(['Invoice.InvoiceIssued']);
  });

  it('sends a poison message to the inbox DLQ while the other confirmations are invoiced', async () => {
    const poison = anOrderConfirmed({ orderId: 'ord_deployed_poison' });
    poison.order.totals = { ...poison.order.totals, total: gbp(1) };
    const good = ['ord_deployed_1', 'ord_deployed_2', 'ord_deployed_3'].map((orderId) => anOrderConfirmed({ orderId }));

    await putEvents(clients.events, busName(), OrderConfirmed, [good[0], poison, ...good.slice(1)]);

    const deadLetters = await eventually(async () => {
      const found = await readAll(clients.sqs, queueUrl('InvoicesOrderConfirmedInboxDeadLetterQueue'));
      return found.length > 0 ? found : undefined;
    }, 'the poison message in the DLQ');
    expect(deadLetters.map((message) => message.attributes.ErrorCode)).toEqual(['INVOICES.FIGURES_DO_NOT_ADD_UP']);
    for (const { order } of good) {
      await eventually(
        async () => ((await store.documentsOf(order.id)).invoice?.status === 'ISSUED' ? true : undefined),
        order.id,
      );
    }
    expect(await store.documentsOf('ord_deployed_poison')).toEqual({});
  });
});
