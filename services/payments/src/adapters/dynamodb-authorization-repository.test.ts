import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, capture, voidAuthorization } from '../domain/authorization';
import { ConcurrentUpdateError } from '../domain/errors';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { DynamoAuthorizationRepository } from './dynamodb-authorization-repository';

const NOW = new Date('2026-05-01T10:00:00Z');
let aws: LocalAws;
let repository: DynamoAuthorizationRepository;

beforeAll(async () => {
  aws = await startLocalAws();
  repository = new DynamoAuthorizationRepository('authorizations', aws.dynamodb);
});
afterAll(() => aws.stop());

const anAuthorization = (id: string) =>
  authorize(
    { id, amount: { amount: 5000, currency: 'GBP' }, card: { brand: 'amex', last4: '0005' }, reference: 'ord_1' },
    NOW,
  );

describe('DynamoAuthorizationRepository', () => {
  it('reads back what it stored', async () => {
    const authorization = anAuthorization('auth_read');
    await repository.create(authorization);

    expect(await repository.find('auth_read')).toEqual(authorization);
  });

  it('finds nothing for an unknown id', async () => {
    expect(await repository.find('auth_none')).toBeUndefined();
  });

  it('refuses to create an authorization twice', async () => {
    await repository.create(anAuthorization('auth_twice'));

    await expect(repository.create(anAuthorization('auth_twice'))).rejects.toThrow();
  });

  it('saves a change over the version it was made from', async () => {
    const authorized = anAuthorization('auth_change');
    await repository.create(authorized);

    await repository.replace(authorized, capture(authorized, undefined, NOW));

    expect((await repository.find('auth_change'))?.status).toBe('CAPTURED');
  });

  it('refuses a change made from a version someone else has changed since', async () => {
    const authorized = anAuthorization('auth_race');
    await repository.create(authorized);
    await repository.replace(authorized, capture(authorized, undefined, NOW));

    const lateVoid = repository.replace(authorized, voidAuthorization(authorized, NOW));

    await expect(lateVoid).rejects.toThrow(ConcurrentUpdateError);
    expect((await repository.find('auth_race'))?.status).toBe('CAPTURED');
  });
});
