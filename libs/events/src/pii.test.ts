import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OrderConfirmed } from './orders/order-confirmed';
import { REDACTED, isPii, pii, piiPaths, redactPii } from './pii';
import { UserUpdated } from './users/user-updated';

describe('pii', () => {
  it('marks a schema so its JSON Schema says it is personal data', () => {
    const schema = z.object({ email: pii(z.email(), 'email').describe('Contact address.') });

    const jsonSchema = z.toJSONSchema(schema);

    expect(jsonSchema.properties?.['email']).toMatchObject({
      pii: true,
      piiCategory: 'email',
      description: 'Contact address.',
    });
    expect(isPii(schema.shape.email)).toBe(true);
  });
});

describe('piiPaths', () => {
  it('lists the personal data of an event, whole objects included, in declaration order', () => {
    expect(piiPaths(OrderConfirmed.detail)).toEqual([
      'data.customer.name',
      'data.customer.email',
      'data.billingAddress',
      'data.shippingAddress',
    ]);
  });

  it('finds personal data through optional fields, arrays and records', () => {
    const schema = z.object({
      recipients: z.array(z.object({ name: pii(z.string(), 'name').optional() })),
      phones: z.record(z.string(), pii(z.string(), 'phone')),
      note: z.string(),
    });

    expect(piiPaths(schema)).toEqual(['recipients[*].name', 'phones[*]']);
  });

  it('finds none in a schema without personal data', () => {
    expect(piiPaths(z.object({ id: z.string(), total: z.int() }))).toEqual([]);
  });
});

describe('redactPii', () => {
  it('replaces every personal field of a detail and keeps the rest', () => {
    const detail = OrderConfirmed.sampleDetail;

    const redacted = redactPii(OrderConfirmed.detail, detail);

    expect(redacted.data.customer).toEqual({ id: detail.data.customer.id, name: REDACTED, email: REDACTED });
    expect(redacted.data.billingAddress).toBe(REDACTED);
    expect(redacted.data.shippingAddress).toBe(REDACTED);
    expect(redacted.data.order).toEqual(detail.data.order);
    expect(redacted.metadata).toEqual(detail.metadata);
  });

  it('leaves the original value untouched', () => {
    const detail = structuredClone(UserUpdated.sampleDetail);

    redactPii(UserUpdated.detail, detail);

    expect(detail).toEqual(UserUpdated.sampleDetail);
  });

  it('redacts inside arrays and leaves absent optional fields absent', () => {
    const schema = z.object({
      lines: z.array(z.object({ sku: z.string(), giftNote: pii(z.string(), 'name').optional() })),
    });
    const value = { lines: [{ sku: 'A', giftNote: 'For Ada' }, { sku: 'B' }] };

    expect(redactPii(schema, value)).toEqual({ lines: [{ sku: 'A', giftNote: REDACTED }, { sku: 'B' }] });
  });
});
