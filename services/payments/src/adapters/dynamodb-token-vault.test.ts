import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../domain/card-token';
import { TokenNotFoundError, TokenUsedError } from '../domain/errors';
import { TEST_CARDS } from '../domain/test-cards';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { DynamoTokenVault } from './dynamodb-token-vault';

const ISSUED_AT = new Date('2026-05-01T10:00:00Z');
const LATER = new Date('2026-05-01T10:30:00Z');
const card = (number: string) => ({ number, expMonth: 12, expYear: 2030, cvc: '123' });
let aws: LocalAws;
let vault: DynamoTokenVault;

beforeAll(async () => {
  aws = await startLocalAws();
  vault = new DynamoTokenVault('tokens', aws.dynamodb);
});
afterAll(() => aws.stop());

async function aStoredToken(id: string, number: string = TEST_CARDS.visa) {
  const token = issueToken(id, card(number), ISSUED_AT);
  await vault.create(token);
  return token;
}

describe('DynamoTokenVault', () => {
  it('reads back what it stored', async () => {
    const token = await aStoredToken('tok_read', TEST_CARDS.insufficientFunds);

    expect(await vault.find('tok_read')).toEqual(token);
  });

  it('finds nothing for an unknown id', async () => {
    expect(await vault.find('tok_none')).toBeUndefined();
  });

  it('stores the vaulted card with a TTL, and no card number', async () => {
    await aStoredToken('tok_item', TEST_CARDS.mastercard);

    const item = (await aws.scan('tokens')).find((stored) => stored.id === 'tok_item');

    expect(item).toMatchObject({
      brand: 'mastercard',
      last4: '4444',
      expiration: Date.parse('2026-05-01T11:00:00Z') / 1000,
    });
    expect(JSON.stringify(item)).not.toContain(TEST_CARDS.mastercard);
  });

  it('spends a token for one request, and lets that request spend it again', async () => {
    await aStoredToken('tok_spend');

    const first = await vault.spend('tok_spend', 'order-1', LATER);
    const retry = await vault.spend('tok_spend', 'order-1', new Date('2026-05-01T10:31:00Z'));

    expect(first.usedAt).toBe(LATER.toISOString());
    expect(retry.usedAt).toBe(LATER.toISOString());
    expect((await vault.find('tok_spend'))?.usedAt).toBe(LATER.toISOString());
  });

  it('refuses to spend a token another request spent', async () => {
    await aStoredToken('tok_twice');
    await vault.spend('tok_twice', 'order-1', LATER);

    await expect(vault.spend('tok_twice', 'order-2', LATER)).rejects.toThrow(TokenUsedError);
  });

  it('lets only one of two racing requests spend a token', async () => {
    await aStoredToken('tok_race');

    const results = await Promise.allSettled([
      vault.spend('tok_race', 'order-a', LATER),
      vault.spend('tok_race', 'order-b', LATER),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('refuses an expired token as not found, though TTL has not deleted it yet', async () => {
    await aStoredToken('tok_expired');

    const late = vault.spend('tok_expired', 'order-1', new Date('2026-05-01T11:00:00Z'));

    await expect(late).rejects.toThrow(TokenNotFoundError);
    expect((await vault.find('tok_expired'))?.usedAt).toBeUndefined();
  });

  it('refuses an unknown token as not found, creating nothing', async () => {
    await expect(vault.spend('tok_unknown', 'order-1', LATER)).rejects.toThrow(TokenNotFoundError);
    expect(await vault.find('tok_unknown')).toBeUndefined();
  });

  it('keeps a hash of the spending request’s key, never the key', async () => {
    await aStoredToken('tok_hash');

    await vault.spend('tok_hash', 'order-ord_secretish', LATER);

    const item = (await aws.scan('tokens')).find((stored) => stored.id === 'tok_hash');
    expect(item?.usedBy).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(item)).not.toContain('ord_secretish');
  });
});
