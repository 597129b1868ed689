import { json } from '@shop/lambda-kit';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from '../domain/errors';
import { startLocalAws, type LocalAws } from '../test-support/local-aws';
import { makeRequestMemory, type RequestMemory } from './request-memory';

let aws: LocalAws;
let remember: RequestMemory;

beforeAll(async () => {
  aws = await startLocalAws();
  remember = makeRequestMemory({ tableName: 'idempotency', client: aws.dynamodb });
});
afterAll(() => aws.stop());

describe('makeRequestMemory', () => {
  it('answers a repeated request with the stored response, marked as replayed, without running it again', async () => {
    let runs = 0;
    const respond = async () => json(201, { run: ++runs }, { location: '/v1/authorizations/auth_1' });

    const first = await remember({ key: 'k-1', request: { route: 'authorize' } }, aLambdaContext(), respond);
    const again = await remember({ key: 'k-1', request: { route: 'authorize' } }, aLambdaContext(), respond);

    expect(runs).toBe(1);
    expect(again).toEqual({ ...first, headers: { ...first.headers, 'idempotent-replayed': 'true' } });
  });

  it('refuses the key with another request', async () => {
    await remember({ key: 'k-2', request: { route: 'void', id: 'auth_1' } }, aLambdaContext(), async () =>
      json(200, {}),
    );

    const other = remember({ key: 'k-2', request: { route: 'void', id: 'auth_2' } }, aLambdaContext(), async () =>
      json(200, {}),
    );

    await expect(other).rejects.toThrow(IdempotencyKeyReusedError);
  });

  it('refuses the key while its first request is still running', async () => {
    let firstIsRunning: () => void = () => undefined;
    let finishFirst: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (firstIsRunning = resolve));
    const finish = new Promise<void>((resolve) => (finishFirst = resolve));
    const request = { key: 'k-3', request: { route: 'authorize' } };
    const first = remember(request, aLambdaContext(), async () => {
      firstIsRunning();
      await finish;
      return json(201, {});
    });
    await running;

    const second = remember(request, aLambdaContext(), async () => json(201, {}));

    await expect(second).rejects.toThrow(IdempotencyKeyInUseError);
    finishFirst();
    await expect(first).resolves.toMatchObject({ statusCode: 201 });
  });

  it('stores nothing when the response could not be produced, so a retry runs again', async () => {
    let runs = 0;
    const failOnce = async () => {
      runs += 1;
      if (runs === 1) throw new Error('processor down');
      return json(201, { runs });
    };

    await expect(remember({ key: 'k-4', request: {} }, aLambdaContext(), failOnce)).rejects.toThrow('processor down');
    const retry = await remember({ key: 'k-4', request: {} }, aLambdaContext(), failOnce);

    expect(retry.body).toBe('{"runs":2}');
  });
});
