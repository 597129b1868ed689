import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { DynamoAttemptLog } from './dynamodb-attempt-log';

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws.stop());

describe('DynamoAttemptLog', () => {
  it('says first once per key', async () => {
    const attempts = new DynamoAttemptLog('idempotency', aws.dynamodb);

    const answers = [
      await attempts.isFirstAttempt('key-a'),
      await attempts.isFirstAttempt('key-a'),
      await attempts.isFirstAttempt('key-b'),
    ];

    expect(answers).toEqual([true, false, true]);
  });

  it('counts an attempt older than a day as none, even before TTL deletes it', async () => {
    let now = new Date('2026-05-01T10:00:00Z');
    const attempts = new DynamoAttemptLog('idempotency', aws.dynamodb, () => now);
    await attempts.isFirstAttempt('key-old');

    now = new Date('2026-05-02T10:00:01Z');

    expect(await attempts.isFirstAttempt('key-old')).toBe(true);
  });

  it('stores a hash of the key, never the key', async () => {
    const attempts = new DynamoAttemptLog('idempotency', aws.dynamodb);

    await attempts.isFirstAttempt('order-ord_secretish');

    const ids = (await aws.scan('idempotency')).map((item) => String(item.id));
    expect(ids.some((id) => id.includes('ord_secretish'))).toBe(false);
    expect(ids.every((id) => /^attempt#[0-9a-f]{64}$/.test(id))).toBe(true);
  });
});
