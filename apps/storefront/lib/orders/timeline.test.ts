import { describe, expect, it } from 'vitest';
import type { Order } from '../shop-api/types';
import { cancellationReason, isSettled, orderTimeline } from './timeline';

const at = (minute: number) => `2026-11-28T10:0${minute}:00.000Z`;
const history = (...statuses: Order['status'][]) => statuses.map((status, i) => ({ status, at: at(i) }));

describe('orderTimeline', () => {
  it('marks the reached steps done and the next one in progress', () => {
    const steps = orderTimeline({ status: 'STOCK_RESERVED', history: history('PENDING', 'STOCK_RESERVED') }, undefined);

    expect(steps.map((s) => [s.key, s.state])).toEqual([
      ['PENDING', 'done'],
      ['STOCK_RESERVED', 'done'],
      ['PAYMENT_AUTHORIZED', 'current'],
      ['CONFIRMED', 'upcoming'],
      ['INVOICED', 'upcoming'],
    ]);
    expect(steps[1]?.at).toBe(at(1));
  });

  it('completes with the invoice once it is issued', () => {
    const steps = orderTimeline({ status: 'CONFIRMED', history: history('PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED', 'CONFIRMED') }, at(9));

    expect(steps.every((s) => s.state === 'done')).toBe(true);
    expect(steps.at(-1)).toMatchObject({ key: 'INVOICED', at: at(9) });
  });

  it('ends a cancelled order with the cancellation after the steps it reached', () => {
    const steps = orderTimeline({ status: 'CANCELLED', history: history('PENDING', 'STOCK_RESERVED', 'CANCELLED') }, undefined);

    expect(steps.map((s) => s.label)).toEqual(['Order placed', 'Stock reserved', 'Cancelled']);
  });
});

describe('cancellationReason', () => {
  it('explains each reason code of the orders service in customer words', () => {
    expect(cancellationReason('PAYMENT_DECLINED')).toMatch(/card was declined/);
    expect(cancellationReason('OUT_OF_STOCK')).toMatch(/out of stock/);
    expect(cancellationReason('CHECKOUT_TIMED_OUT')).toMatch(/took too long/);
  });

  it('still says something true for an unknown code', () => {
    expect(cancellationReason('SOMETHING_NEW')).toMatch(/cancelled/);
  });
});

describe('isSettled', () => {
  it('keeps following an order until it is cancelled, or confirmed and invoiced', () => {
    expect(isSettled('PAYMENT_AUTHORIZED', false)).toBe(false);
    expect(isSettled('CONFIRMED', false)).toBe(false);
    expect(isSettled('CONFIRMED', true)).toBe(true);
    expect(isSettled('CANCELLED', false)).toBe(true);
  });
});
