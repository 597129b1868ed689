import { ORDER_CANCELLATION_REASONS } from '@shop/events';
import { OrdersDomainError } from './errors';

export const ORDER_STATUSES = ['PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED', 'CONFIRMED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Why an order was cancelled: the `reasonCode`s of `Order.OrderCancelled`, so the two never drift. */
export type CancellationReasonCode = (typeof ORDER_CANCELLATION_REASONS)[number];
export { ORDER_CANCELLATION_REASONS };

/**
 * Where each status may go. The happy path runs PENDING → STOCK_RESERVED → PAYMENT_AUTHORIZED →
 * CONFIRMED; any status that is not final may end CANCELLED (the compensation). CONFIRMED and CANCELLED
 * are final: every order ends in one of them. Adapters can build DynamoDB conditions from this table.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['STOCK_RESERVED', 'CANCELLED'],
  STOCK_RESERVED: ['PAYMENT_AUTHORIZED', 'CANCELLED'],
  PAYMENT_AUTHORIZED: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: [],
  CANCELLED: [],
};

/** One entry of an order's history: a status it reached, when, and for a cancellation, why. */
export type StatusChange =
  | { readonly status: Exclude<OrderStatus, 'CANCELLED'>; readonly at: string }
  | {
      readonly status: 'CANCELLED';
      readonly at: string;
      readonly reasonCode: CancellationReasonCode;
      /** For people (support, the order page); never card details or other personal data. */
      readonly reason: string;
    };

/** The part of an order that its lifecycle changes. */
export type OrderLifecycle = { readonly status: OrderStatus; readonly history: readonly StatusChange[] };

/** A move to ask for: a cancellation must say why. */
export type OrderMove =
  | { readonly to: 'STOCK_RESERVED' | 'PAYMENT_AUTHORIZED' | 'CONFIRMED' }
  | { readonly to: 'CANCELLED'; readonly reasonCode: CancellationReasonCode; readonly reason: string };

/** A new order's lifecycle: PENDING, with that as the first history entry. */
export function startOrderLifecycle(now: Date): OrderLifecycle {
  return { status: 'PENDING', history: [{ status: 'PENDING', at: now.toISOString() }] };
}

export function isFinalStatus(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * The order in its next status, with one history entry for the move. Moving to the status the order
 * is already in is refused like any other illegal move, so a duplicate never adds a second entry: a
 * retrying caller that finds `order.status === move.to` already has what it wanted.
 *
 * @throws OrdersDomainError `ILLEGAL_TRANSITION`, e.g. CONFIRMED → CANCELLED or PENDING → CONFIRMED.
 *
 * @example
 * const cancelled = moveOrder(order, { to: 'CANCELLED', reasonCode: 'OUT_OF_STOCK', reason: 'No stock for MUG-ENAMEL-BLU' }, now);
 */
export function moveOrder<O extends OrderLifecycle>(order: O, move: OrderMove, now: Date): O {
  if (!canMoveOrder(order.status, move.to)) {
    throw new OrdersDomainError('ORDERS.ILLEGAL_TRANSITION', `An order cannot go from ${order.status} to ${move.to}`, {
      from: order.status,
      to: move.to,
    });
  }
  const at = now.toISOString();
  const change: StatusChange =
    move.to === 'CANCELLED'
      ? { status: move.to, at, reasonCode: move.reasonCode, reason: move.reason }
      : { status: move.to, at };
  return { ...order, status: move.to, history: [...order.history, change] };
}
