import { describe, expect, it } from 'vitest';
import { FlagChangeError, InvalidFlagsDocumentError } from '../errors';
import { evaluateFlags, parseFlagsDocument, withFlagChange } from './feature-flags';

const DOCUMENT = JSON.stringify({
  version: '1',
  flags: {
    checkout: {
      name: 'New checkout',
      _deprecation: { status: 'planned' },
      attributes: {
        limit: { constraints: { type: 'number', minimum: 1, maximum: 10, required: true } },
        variant: { constraints: { type: 'string', enum: ['a', 'b'] } },
        regions: { constraints: { type: 'string[]', pattern: '^[a-z]{2}$' } },
      },
    },
    reviews: { name: 'Reviews' },
  },
  values: { checkout: { enabled: true, limit: 5, variant: 'a', _createdAt: '2025-01-01T00:00:00Z' } },
});
const NOW = new Date('2025-06-01T12:00:00Z');

describe('evaluateFlags', () => {
  it('returns each flag with enabled and its attribute values, without metadata', () => {
    expect(evaluateFlags(parseFlagsDocument(DOCUMENT))).toEqual({ checkout: { enabled: true, limit: 5, variant: 'a' }, reviews: { enabled: false } });
  });

  it('returns only the flags asked for', () => {
    expect(evaluateFlags(parseFlagsDocument(DOCUMENT), ['reviews'])).toEqual({ reviews: { enabled: false } });
  });
});

describe('parseFlagsDocument', () => {
  it.each([
    ['not JSON', '{'],
    ['no version', JSON.stringify({ flags: {} })],
    ['a bad flag key', JSON.stringify({ version: '1', flags: { 'Bad Key': {} } })],
    ['a value for an undefined flag', JSON.stringify({ version: '1', flags: {}, values: { ghost: { enabled: true } } })],
  ])('rejects %s', (_case, content) => {
    expect(() => parseFlagsDocument(content)).toThrow(InvalidFlagsDocumentError);
  });
});

describe('withFlagChange', () => {
  it('turns a flag off and merges attribute values', () => {
    const doc = withFlagChange(parseFlagsDocument(DOCUMENT), 'checkout', { enabled: false, attributes: { limit: 3 } }, NOW);

    expect(evaluateFlags(doc).checkout).toEqual({ enabled: false, limit: 3, variant: 'a' });
    expect(doc.values.checkout?._updatedAt).toBe('2025-06-01T12:00:00.000Z');
  });

  it('gives a flag without a value its first one', () => {
    const doc = withFlagChange(parseFlagsDocument(DOCUMENT), 'reviews', { enabled: true }, NOW);

    expect(evaluateFlags(doc).reviews).toEqual({ enabled: true });
  });

  it.each([
    [{ attributes: { limit: 11 } }, "attribute 'limit': must be at most 10"],
    [{ attributes: { limit: 'five' } }, "attribute 'limit': must be a number"],
    [{ attributes: { variant: 'c' } }, "attribute 'variant': must be one of a, b"],
    [{ attributes: { regions: ['gb', 'USA'] } }, "attribute 'regions': must match ^[a-z]{2}$"],
    [{ attributes: { colour: 'red' } }, "has no attribute 'colour'"],
  ])('refuses %j: %s', (change, problem) => {
    expect(() => withFlagChange(parseFlagsDocument(DOCUMENT), 'checkout', change, NOW)).toThrow(problem);
  });

  it('refuses a flag the document does not define', () => {
    expect(() => withFlagChange(parseFlagsDocument(DOCUMENT), 'ghost', { enabled: true }, NOW)).toThrow(FlagChangeError);
  });
});
