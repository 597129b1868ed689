import { describe, expect, it } from 'vitest';
import type { Json } from '../../core/contracts';
import { matchesAnyFilter, parseFilterPatterns } from './filter-pattern';

const record: Json = {
  eventName: 'MODIFY',
  dynamodb: {
    Keys: { pk: { S: 'order#42' } },
    NewImage: { status: { S: 'PAID' }, total: { N: '120' }, tags: { SS: ['gift', 'express'] } },
  },
};
const matches = (pattern: object) => matchesAnyFilter(parseFilterPatterns({ Filters: [{ Pattern: JSON.stringify(pattern) }] }), record);

describe('Lambda filter patterns', () => {
  it('matches exact values in nested fields', () => {
    expect(matches({ eventName: ['MODIFY'], dynamodb: { NewImage: { status: { S: ['PAID'] } } } })).toBe(true);
    expect(matches({ eventName: ['INSERT'] })).toBe(false);
  });

  it('matches prefix, suffix and equals-ignore-case', () => {
    expect(matches({ dynamodb: { Keys: { pk: { S: [{ prefix: 'order#' }] } } } })).toBe(true);
    expect(matches({ dynamodb: { Keys: { pk: { S: [{ suffix: '#7' }] } } } })).toBe(false);
    expect(matches({ dynamodb: { NewImage: { status: { S: [{ 'equals-ignore-case': 'paid' }] } } } })).toBe(true);
  });

  it('matches anything-but and exists', () => {
    expect(matches({ eventName: [{ 'anything-but': ['REMOVE'] }] })).toBe(true);
    expect(matches({ dynamodb: { OldImage: [{ exists: false }] } })).toBe(true);
    expect(matches({ dynamodb: { NewImage: { status: [{ exists: true }] } } })).toBe(true);
  });

  it('matches any element of an array value', () => {
    expect(matches({ dynamodb: { NewImage: { tags: { SS: ['express'] } } } })).toBe(true);
  });

  it('matches when any of $or’s alternatives matches', () => {
    expect(matches({ $or: [{ eventName: ['INSERT'] }, { dynamodb: { NewImage: { status: { S: ['PAID'] } } } }] })).toBe(true);
  });

  it('compares numbers with numeric ranges', () => {
    const numeric = matchesAnyFilter(parseFilterPatterns({ Filters: [{ Pattern: '{"n":[{"numeric":[">",10,"<=",20]}]}' }] }), { n: 15 });

    expect(numeric).toBe(true);
  });

  it('lets every record through when there are no filters, and any matching filter is enough', () => {
    const filters = parseFilterPatterns({ Filters: [{ Pattern: '{"eventName":["INSERT"]}' }, { Pattern: '{"eventName":["MODIFY"]}' }] });

    expect(matchesAnyFilter([], record)).toBe(true);
    expect(matchesAnyFilter(filters, record)).toBe(true);
  });
});
