import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBridge } from '../create-event-bridge';
import { RecordingQueues } from '../engine/recording-ports';
import { serveEndpoint } from '../../core/test-support/serve-endpoint';

const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);
const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:order-events`;

const queues = new RecordingQueues();
const eventBridge = createEventBridge({ region: REGION, accountId: ACCOUNT, ports: { sqs: queues } });
let server: Awaited<ReturnType<typeof serveEndpoint>>;

beforeAll(async () => {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install Debian's awscli (apt-get install -y awscli) to run this test`);
  server = await serveEndpoint(eventBridge.endpoint);
});

afterAll(async () => {
  await server?.close();
});

async function aws(...args: string[]): Promise<unknown> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: REGION,
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  const { stdout } = await run(AWS_CLI, ['events', ...args, '--endpoint-url', server.url, '--output', 'json'], { env });
  return stdout.trim() ? JSON.parse(stdout) : undefined;
}

describe('aws events put-events against the local endpoint', () => {
  it('delivers a matching event to the rule target and reports every entry', async () => {
    await aws('put-rule', '--name', 'orders-to-queue', '--event-pattern', JSON.stringify({ source: ['shop.orders'] }));
    await aws('put-targets', '--rule', 'orders-to-queue', '--targets', JSON.stringify([{ Id: 'queue', Arn: QUEUE_ARN }]));
    const entries = [
      { Source: 'shop.orders', DetailType: 'Order.OrderPlaced', Detail: JSON.stringify({ data: { order: { id: 'o-1' } } }) },
      { Source: 'shop.products', DetailType: 'Product.ProductCreated', Detail: '{}' },
    ];

    const result = (await aws('put-events', '--entries', JSON.stringify(entries))) as {
      FailedEntryCount: number;
      Entries: Array<{ EventId?: string }>;
    };
    await eventBridge.engine.settled();

    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries).toHaveLength(2);
    expect(result.Entries.every((entry) => typeof entry.EventId === 'string')).toBe(true);
    expect(queues.bodiesOf(QUEUE_ARN)).toEqual([
      expect.objectContaining({
        source: 'shop.orders',
        'detail-type': 'Order.OrderPlaced',
        account: ACCOUNT,
        region: REGION,
        detail: { data: { order: { id: 'o-1' } } },
      }),
    ]);
  }, 60_000);

  it('reports an entry without a detail as failed, and still puts the others', async () => {
    const entries = [
      { Source: 'shop.orders', DetailType: 'Order.OrderPlaced' },
      { Source: 'shop.orders', DetailType: 'Order.OrderPlaced', Detail: '{}' },
    ];

    const result = (await aws('put-events', '--entries', JSON.stringify(entries))) as {
      FailedEntryCount: number;
      Entries: Array<{ EventId?: string; ErrorCode?: string }>;
    };

    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries[0]?.ErrorCode).toBeDefined();
    expect(result.Entries[1]?.EventId).toBeDefined();
  }, 60_000);
});
