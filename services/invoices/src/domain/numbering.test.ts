import { describe, expect, it } from 'vitest';
import { documentNumber, numberingYear, parseDocumentNumber } from './numbering';

describe('documentNumber', () => {
  it('prints the series, the year and six digits', () => {
    expect(documentNumber('INV', 2026, 123)).toBe('INV-2026-000123');
    expect(documentNumber('CN', 2026, 1)).toBe('CN-2026-000001');
  });

  it('refuses a sequence that does not fit six digits, or none at all', () => {
    expect(() => documentNumber('INV', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => documentNumber('INV', 2026, 0)).toThrow(RangeError);
  });
});

describe('numberingYear', () => {
  it('is the UTC year of the issue date, so New Year’s Eve in UTC+1 still counts in the old year', () => {
    expect(numberingYear('2026-12-31T23:30:00.000Z')).toBe(2026);
    expect(numberingYear('2027-01-01T00:00:00.000Z')).toBe(2027);
  });
});

describe('parseDocumentNumber', () => {
  it('reads back what documentNumber prints', () => {
    expect(parseDocumentNumber('CN-2026-000042')).toEqual({ series: 'CN', year: 2026, sequence: 42 });
    expect(parseDocumentNumber('INV-26-1')).toBeUndefined();
  });
});
