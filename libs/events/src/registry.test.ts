import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AnyEventDefinition } from './define-event';
import { SERVICES } from './envelope';
import { EventValidationError } from './errors';
import { OrderConfirmed } from './orders/order-confirmed';
import { parseDetail } from './parse';
import { eventDefinitions, findEventDefinition } from './registry';

const cases = eventDefinitions.map((definition) => [definition.key, definition] as [string, AnyEventDefinition]);

type FoundMoney = { path: string; amount: unknown; currency: unknown };

/** Every `{ amount, currency }` object in a value, with where it sits. */
function moneyIn(value: unknown, path = ''): FoundMoney[] {
  if (value === null || typeof value !== 'object') return [];
  const here =
    'amount' in value && 'currency' in value ? [{ path, amount: value.amount, currency: value.currency }] : [];
  return [...here, ...Object.entries(value).flatMap(([key, child]) => moneyIn(child, `${path}.${key}`))];
}

describe.each(cases)('%s', (_, definition) => {
  it('has a sample that parses', () => {
    expect(() => parseDetail(definition, definition.sampleDetail)).not.toThrow();
  });

  it('is named <Entity>.<PastTenseFact>', () => {
    expect(definition.detailType).toMatch(/^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$/);
    expect(definition.detailType.split('.')[1]).toMatch(
      /(ed|Paid|Sent|Sold|Built|Made|Held|Set|Put|Split|Bought|Lost|Won)$/,
    );
  });

  it('has the source shop.<producer>', () => {
    expect(SERVICES).toContain(definition.producer);
    expect(definition.source).toBe(`shop.${definition.producer}`);
  });

  it('has integer money amounts in its sample', () => {
    for (const money of moneyIn(definition.sample)) {
      expect(Number.isInteger(money.amount), `${money.path}.amount`).toBe(true);
    }
  });

  it('rejects data without a required field, naming the field', () => {
    const shape = definition.data.shape as Record<string, z.ZodType>;
    const field = Object.keys(shape).find((key) => !shape[key]?.safeParse(undefined).success) ?? '';
    const { [field]: _removed, ...data } = definition.sample as Record<string, unknown>;

    const parsing = () => parseDetail(definition, { ...definition.sampleDetail, data });

    expect(parsing).toThrow(EventValidationError);
    expect(parsing).toThrow(`data.${field}:`);
  });

  it('has consumers that say what they do with it', () => {
    for (const consumer of definition.consumers) {
      expect(SERVICES).toContain(consumer.service);
      expect(consumer.purpose.length).toBeGreaterThan(10);
    }
  });
});

describe('eventDefinitions', () => {
  it('lists each version of each event once', () => {
    const keys = eventDefinitions.map((definition) => definition.key);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds a definition by detail-type and version', () => {
    expect(findEventDefinition('Order.OrderConfirmed', '1')).toBe(OrderConfirmed);
    expect(findEventDefinition('Order.OrderConfirmed', '2')).toBeUndefined();
  });

  it('rejects a fractional amount deep in an event, with the path to it', () => {
    const detail = structuredClone(OrderConfirmed.sampleDetail);
    const [, tea] = detail.data.order.lines;
    if (tea) tea.unitPrice.amount = 8.5;

    expect(() => parseDetail(OrderConfirmed, detail)).toThrow('data.order.lines[1].unitPrice.amount:');
  });
});

describe('the OrderConfirmed sample', () => {
  const { order } = OrderConfirmed.sample;
  const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

  it('has lines whose sums add up', () => {
    for (const line of order.lines) {
      expect(line.subtotal.amount).toBe(line.unitPrice.amount * line.quantity);
      expect(line.tax.amount).toBe(Math.round((line.subtotal.amount * line.taxRateBasisPoints) / 10000));
      expect(line.total.amount).toBe(line.subtotal.amount + line.tax.amount);
    }
  });

  it('has totals that add up, all in the order currency', () => {
    const { subtotal, shipping, tax, total } = order.totals;

    expect(subtotal.amount).toBe(sum(order.lines.map((line) => line.subtotal.amount)));
    expect(total.amount).toBe(subtotal.amount + shipping.amount + tax.amount);
    expect(OrderConfirmed.sample.payment.amount).toEqual(total);
    expect(new Set(moneyIn(OrderConfirmed.sample).map((money) => money.currency))).toEqual(new Set([order.currency]));
  });
});
