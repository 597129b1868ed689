import { describe, expect, it } from 'vitest';
import { readJsonPath } from './json-path';

const ORDER = { id: 'o-1', items: [{ sku: 'TEE', 'unit-price': 1900 }], customer: { name: 'Ana' } };

describe('readJsonPath', () => {
  it('reads the whole document with $', () => {
    expect(readJsonPath(ORDER, '$')).toBe(ORDER);
  });

  it('reads nested properties and array indexes', () => {
    expect(readJsonPath(ORDER, '$.customer.name')).toBe('Ana');
    expect(readJsonPath(ORDER, '$.items[0].sku')).toBe('TEE');
  });

  it('reads bracketed names, which may hold characters a dotted name cannot', () => {
    expect(readJsonPath(ORDER, "$['customer']['name']")).toBe('Ana');
    expect(readJsonPath(ORDER, '$.items[0]["unit-price"]')).toBe(1900);
  });

  it('answers undefined for a path the document does not have', () => {
    expect(readJsonPath(ORDER, '$.shipping.address')).toBeUndefined();
    expect(readJsonPath(ORDER, '$.items[3]')).toBeUndefined();
  });

  it('lists every match of a wildcard path', () => {
    expect(readJsonPath({ items: [{ sku: 'A' }, { sku: 'B' }] }, '$.items[*].sku')).toEqual(['A', 'B']);
  });
});
