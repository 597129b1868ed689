import { describe, expect, it } from 'vitest';
import { matchesAnyFilter, type FilterPattern } from './event-filter';

const record = (body: string) => ({ messageId: 'm1', body });

describe('matchesAnyFilter', () => {
  it('lets every record through when there are no filters', () => {
    expect(matchesAnyFilter([], record('anything'))).toBe(true);
  });

  it.each<[string, FilterPattern, string, boolean]>([
    ['an exact value', { body: { type: ['order'] } }, '{"type":"order"}', true],
    ['another value', { body: { type: ['order'] } }, '{"type":"refund"}', false],
    ['a prefix', { body: { sku: [{ prefix: 'SKU-' }] } }, '{"sku":"SKU-1"}', true],
    ['a numeric range', { body: { total: [{ numeric: ['>', 10, '<=', 50] }] } }, '{"total":30}', true],
    ['a number outside the range', { body: { total: [{ numeric: ['>', 10] }] } }, '{"total":3}', false],
    ['anything but a value', { body: { status: [{ 'anything-but': ['DRAFT'] }] } }, '{"status":"PAID"}', true],
    ['a missing field with exists false', { body: { coupon: [{ exists: false }] } }, '{"type":"order"}', true],
    ['a present field with exists true', { body: { coupon: [{ exists: true }] } }, '{"coupon":"X"}', true],
    ['any element of a list', { body: { tags: ['gift'] } }, '{"tags":["fragile","gift"]}', true],
    ['a plain-text body against a JSON pattern', { body: { type: ['order'] } }, 'order', false],
    ['a plain-text body against a string pattern', { body: ['order'] }, 'order', true],
    ['a case-insensitive value', { body: { type: [{ 'equals-ignore-case': 'ORDER' }] } }, '{"type":"order"}', true],
  ])('matches %s as Lambda does', (_case, pattern, body, expected) => {
    expect(matchesAnyFilter([pattern], record(body))).toBe(expected);
  });

  it('lets a record through when any one filter matches', () => {
    const filters: FilterPattern[] = [{ body: { type: ['refund'] } }, { body: { type: ['order'] } }];

    expect(matchesAnyFilter(filters, record('{"type":"order"}'))).toBe(true);
  });
});
