import { describe, expect, it } from 'vitest';
import type { Json } from '../core/contracts';
import { readBatchItemFailures } from './batch-response';

const BATCH = new Set(['m1', 'm2', 'm3']);

describe('readBatchItemFailures', () => {
  it.each<[string, Json]>([
    ['a null response', null],
    ['an empty response', {}],
    ['a null list', { batchItemFailures: null }],
    ['an empty list', { batchItemFailures: [] }],
  ])('treats %s as complete success', (_case, response) => {
    expect(readBatchItemFailures(response, BATCH)).toEqual({ all: false, messageIds: new Set() });
  });

  it('returns exactly the listed messages', () => {
    const response = { batchItemFailures: [{ itemIdentifier: 'm2' }, { itemIdentifier: 'm3' }] };

    expect(readBatchItemFailures(response, BATCH)).toEqual({ all: false, messageIds: new Set(['m2', 'm3']) });
  });

  it.each<[string, Json]>([
    ['a response that is not an object', 'ok'],
    ['a list that is not a list', { batchItemFailures: 'm1' }],
    ['an empty itemIdentifier', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null itemIdentifier', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a misnamed key', { batchItemFailures: [{ itemId: 'm1' }] }],
    ['an unknown message ID', { batchItemFailures: [{ itemIdentifier: 'm9' }] }],
  ])('fails the whole batch for %s', (_case, response) => {
    expect(readBatchItemFailures(response, BATCH)).toMatchObject({ all: true });
  });
});
