import { describe, expect, it } from 'vitest';
import { Address, EventMetadata, Money, makeMetadataSchema } from './envelope';

describe('Money', () => {
  it('accepts an integer amount of minor units with an ISO 4217 currency', () => {
    const money = { amount: 1999, currency: 'GBP' };

    expect(Money.parse(money)).toEqual(money);
  });

  it.each([
    ['a fractional amount', { amount: 19.99, currency: 'GBP' }, 'amount'],
    ['a negative amount', { amount: -1, currency: 'GBP' }, 'amount'],
    ['an amount as a string', { amount: '1999', currency: 'GBP' }, 'amount'],
    ['a lower-case currency', { amount: 1999, currency: 'gbp' }, 'currency'],
    ['a currency symbol', { amount: 1999, currency: '£' }, 'currency'],
  ])('rejects %s', (_, money, field) => {
    const result = Money.safeParse(money);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[field]]);
  });
});

describe('Address', () => {
  const address = {
    name: 'Ada Lovelace',
    line1: '12 St James’s Square',
    city: 'London',
    postalCode: 'SW1Y 4JH',
    country: 'GB',
  };

  it('accepts a complete address without the optional lines', () => {
    expect(Address.parse(address)).toEqual(address);
  });

  it('rejects an address without a postal code or with a country name', () => {
    const { postalCode: _postalCode, ...withoutPostalCode } = address;

    const result = Address.safeParse({ ...withoutPostalCode, country: 'United Kingdom' });

    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['country', 'postalCode']);
  });
});

describe('makeMetadataSchema', () => {
  const metadata = {
    correlation_id: 'c-1',
    causation_id: 'e-1',
    domain: 'shop',
    service: 'orders',
    environment: 'prod',
    event_version: '1',
  };

  it("accepts only the event's own service and version", () => {
    const schema = makeMetadataSchema('orders', '1');

    expect(schema.safeParse(metadata).success).toBe(true);
    expect(schema.safeParse({ ...metadata, event_version: '2' }).success).toBe(false);
    expect(schema.safeParse({ ...metadata, service: 'products' }).success).toBe(false);
  });

  it('accepts any known service and positive version in the generic metadata', () => {
    expect(EventMetadata.safeParse({ ...metadata, service: 'invoices', event_version: '12' }).success).toBe(true);
    expect(EventMetadata.safeParse({ ...metadata, event_version: '0' }).success).toBe(false);
    expect(EventMetadata.safeParse({ ...metadata, domain: 'other' }).success).toBe(false);
  });
});
