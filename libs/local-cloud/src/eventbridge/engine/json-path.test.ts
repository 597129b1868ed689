import { describe, expect, it } from 'vitest';
import { readJsonPath } from './json-path';

const event = { detail: { 'order-id': 'o-1', items: [{ sku: 'a' }, { sku: 'b' }], 'a/b': 1 }, source: 's' };

describe('readJsonPath', () => {
  it.each([
    ['$', event],
    ['$.source', 's'],
    ['$.detail.order-id', 'o-1'],
    ['$.detail.items[1].sku', 'b'],
    ['$.detail.items[*].sku', ['a', 'b']],
    ['$.detail.items.*.sku', ['a', 'b']],
    ["$.detail['order-id']", 'o-1'],
    ['$.detail.a/b', 1],
    ['$.detail.missing', undefined],
    ['$.detail.items[5]', undefined],
    ['detail', undefined],
  ])('reads %s', (path, expected) => {
    const value = readJsonPath(event, path);

    expect(value).toEqual(expected);
  });
});
