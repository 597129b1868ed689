import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { AnyEventDefinition } from '../define-event';
import { OrderConfirmed } from '../orders/order-confirmed';
import { eventDefinitions } from '../registry';
import { detailJsonSchema, embeddedJsonSchema } from './json-schema';

// A standard JSON Schema validator, as a consumer without zod would use the published schemas.
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
ajv.addKeyword({ keyword: 'pii', schemaType: 'boolean' });
ajv.addKeyword({ keyword: 'piiCategory', schemaType: 'string' });

const cases = eventDefinitions.map((definition) => [definition.key, definition] as [string, AnyEventDefinition]);

describe.each(cases)('the JSON Schema of %s', (_, definition) => {
  const validate = ajv.compile(detailJsonSchema(definition));

  it('accepts the sample detail', () => {
    expect(validate(definition.sampleDetail), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a detail with a field it does not know, as consumers must', () => {
    const detail = { ...definition.sampleDetail, data: { ...definition.sampleDetail.data, addedLater: true } };

    expect(validate(detail), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a detail of another version', () => {
    const metadata = { ...definition.sampleDetail.metadata, event_version: '999' };

    expect(validate({ ...definition.sampleDetail, metadata })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/metadata/event_version');
  });
});

describe('detailJsonSchema', () => {
  it('says where the personal data is', () => {
    const data = detailJsonSchema(OrderConfirmed).properties?.['data']?.properties ?? {};

    expect(data['customer']?.properties?.['email']).toMatchObject({ pii: true, piiCategory: 'email' });
    expect(data['billingAddress']).toMatchObject({ pii: true, piiCategory: 'address', title: 'Address' });
    expect(data['order']?.pii).toBeUndefined();
  });

  it('rejects a fractional amount of money, as the zod schema does', () => {
    const validate = ajv.compile(detailJsonSchema(OrderConfirmed));
    const detail = structuredClone(OrderConfirmed.sampleDetail);
    detail.data.order.totals.total.amount = 43.3;

    expect(validate(detail)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/data/order/totals/total/amount');
  });

  it('embeds a draft-07 schema without $schema in the AsyncAPI document', () => {
    const schema = embeddedJsonSchema(OrderConfirmed);

    expect(schema.$schema).toBeUndefined();
    expect(schema.title).toBe('Order.OrderConfirmed.v1 detail');
  });
});
