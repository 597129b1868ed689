import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FauxqsEngine } from './fauxqs-engine';
import { dropExpiredMessages } from './message-retention';

let engine: FauxqsEngine;
beforeEach(async () => {
  engine = await FauxqsEngine.start();
});
afterEach(async () => {
  await engine.close();
});

const RETENTION_SECONDS = 60;

function createQueue(name: string): string {
  const arn = `arn:aws:sqs:eu-west-2:123456789012:${name}`;
  const attributes = {
    MessageRetentionPeriod: String(RETENTION_SECONDS),
    ...(name.endsWith('.fifo') ? { FifoQueue: 'true', ContentBasedDeduplication: 'true' } : {}),
  };
  return engine.store.createQueue(name, `http://127.0.0.1/123456789012/${name}`, arn, attributes).url;
}

async function receiveBodies(queueUrl: string): Promise<string[]> {
  const output = await engine.call<{ Messages?: Array<{ Body: string }> }>('ReceiveMessage', {
    QueueUrl: queueUrl,
    MaxNumberOfMessages: 10,
  });
  return (output.Messages ?? []).map((message) => message.Body);
}

describe('dropExpiredMessages', () => {
  it('deletes messages older than the retention period and keeps younger ones', async () => {
    const queueUrl = createQueue('jobs');
    await engine.call('SendMessage', { QueueUrl: queueUrl, MessageBody: 'old' });
    const later = Date.now() + RETENTION_SECONDS * 1_000;

    const dropped = dropExpiredMessages(engine.queues(), later);
    await engine.call('SendMessage', { QueueUrl: queueUrl, MessageBody: 'new' });

    expect(dropped).toBe(1);
    expect(await receiveBodies(queueUrl)).toEqual(['new']);
  });

  it('deletes expired messages from FIFO message groups', async () => {
    const queueUrl = createQueue('jobs.fifo');
    await engine.call('SendMessage', { QueueUrl: queueUrl, MessageBody: 'old', MessageGroupId: 'g' });

    const dropped = dropExpiredMessages(engine.queues(), Date.now() + RETENTION_SECONDS * 1_000);

    expect(dropped).toBe(1);
    expect(await receiveBodies(queueUrl)).toEqual([]);
  });
});
