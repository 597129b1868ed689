import { describe, expect, it } from 'vitest';
import {
  canMoveOrder,
  isFinalStatus,
  moveOrder,
  ORDER_STATUSES,
  startOrderLifecycle,
  type OrderLifecycle,
  type OrderMove,
  type OrderStatus,
} from './order-status';
import { LATER, NOW } from './test-data';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 14, 9, minute));
const cancel: OrderMove = { to: 'CANCELLED', reasonCode: 'PAYMENT_DECLINED', reason: 'The card was declined.' };
const orderIn = (status: OrderStatus): OrderLifecycle & { id: string } => ({
  id: 'ord_1',
  status,
  history: [{ status: 'PENDING', at: NOW.toISOString() }],
});

describe('startOrderLifecycle', () => {
  it('starts PENDING with one history entry', () => {
    expect(startOrderLifecycle(NOW)).toEqual({
      status: 'PENDING',
      history: [{ status: 'PENDING', at: NOW.toISOString() }],
    });
  });
});

describe('moveOrder', () => {
  it('walks the happy path to CONFIRMED, one history entry per move, keeping the other fields', () => {
    const order = { id: 'ord_1', ...startOrderLifecycle(at(0)) };

    const confirmed = [
      { to: 'STOCK_RESERVED', at: at(1) },
      { to: 'PAYMENT_AUTHORIZED', at: at(2) },
      { to: 'CONFIRMED', at: at(3) },
    ].reduce((current, step) => moveOrder(current, { to: step.to } as OrderMove, step.at), order);

    expect(confirmed.id).toBe('ord_1');
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.history).toEqual([
      { status: 'PENDING', at: at(0).toISOString() },
      { status: 'STOCK_RESERVED', at: at(1).toISOString() },
      { status: 'PAYMENT_AUTHORIZED', at: at(2).toISOString() },
      { status: 'CONFIRMED', at: at(3).toISOString() },
    ]);
  });

  it.each(['PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED'] as const)('cancels from %s and records why', (status) => {
    const cancelled = moveOrder(orderIn(status), cancel, LATER);

    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.at(-1)).toEqual({
      status: 'CANCELLED',
      at: LATER.toISOString(),
      reasonCode: 'PAYMENT_DECLINED',
      reason: 'The card was declined.',
    });
  });

  it.each([
    ['PENDING', 'CONFIRMED'],
    ['PENDING', 'PAYMENT_AUTHORIZED'],
    ['STOCK_RESERVED', 'CONFIRMED'],
    ['CONFIRMED', 'CANCELLED'],
    ['CANCELLED', 'STOCK_RESERVED'],
    ['STOCK_RESERVED', 'STOCK_RESERVED'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('refuses %s → %s', (from, to) => {
    const move = (to === 'CANCELLED' ? cancel : { to }) as OrderMove;

    const act = () => moveOrder(orderIn(from), move, LATER);

    expect(act).toThrow(expect.objectContaining({ code: 'ORDERS.ILLEGAL_TRANSITION', details: { from, to } }));
  });

  it('leaves the order it was given unchanged', () => {
    const order = orderIn('PENDING');

    moveOrder(order, { to: 'STOCK_RESERVED' }, LATER);

    expect(order).toEqual(orderIn('PENDING'));
  });
});

describe('final statuses', () => {
  it('are CONFIRMED and CANCELLED, and every other status can still end CANCELLED', () => {
    const final = ORDER_STATUSES.filter(isFinalStatus);
    const open = ORDER_STATUSES.filter((status) => !isFinalStatus(status));

    expect(final).toEqual(['CONFIRMED', 'CANCELLED']);
    expect(open.every((status) => canMoveOrder(status, 'CANCELLED'))).toBe(true);
  });
});
