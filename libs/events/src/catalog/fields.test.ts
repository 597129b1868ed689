import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Money } from '../envelope';
import { pii } from '../pii';
import { describeType, fieldRows } from './fields';
import type { JsonSchema } from './json-schema';

const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;

describe('fieldRows', () => {
  it('lists nested fields depth first, with array items as []', () => {
    const schema = z.object({
      order: z.object({ id: z.string(), lines: z.array(z.object({ sku: z.string(), note: z.string().optional() })) }),
    });

    const rows = fieldRows(jsonSchemaOf(schema));

    expect(rows.map((row) => [row.path, row.required])).toEqual([
      ['order', true],
      ['order.id', true],
      ['order.lines', true],
      ['order.lines[].sku', true],
      ['order.lines[].note', false],
    ]);
  });

  it('marks personal data, and everything inside a personal object', () => {
    const schema = z.object({ contact: pii(z.object({ phone: z.string() }), 'phone'), id: z.string() });

    const rows = fieldRows(jsonSchemaOf(schema));

    expect(rows.map((row) => [row.path, row.pii])).toEqual([
      ['contact', 'phone'],
      ['contact.phone', 'phone'],
      ['id', undefined],
    ]);
  });

  it('shows a shared type by name and does not repeat its fields', () => {
    const rows = fieldRows(jsonSchemaOf(z.object({ total: Money.describe('What the customer pays.') })));

    expect(rows).toEqual([
      {
        path: 'total',
        type: '[Money](README.md#money)',
        required: true,
        pii: undefined,
        description: 'What the customer pays.',
      },
    ]);
  });
});

describe('describeType', () => {
  it.each([
    [z.iso.datetime(), 'string (date-time)'],
    [z.string().regex(/^[A-Z]{3}$/), 'string matching `^[A-Z]{3}$`'],
    [z.int().positive().max(1000), 'integer 1–1000'],
    [z.int().nonnegative(), 'integer ≥ 0'],
    [z.enum(['A', 'B']), 'one of `"A"`, `"B"`'],
    [z.literal('shop'), '`"shop"`'],
    [z.array(z.string()).min(1), 'array of string (at least 1)'],
  ])('describes %# as %s', (schema, expected) => {
    expect(describeType(jsonSchemaOf(schema))).toBe(expected);
  });
});
