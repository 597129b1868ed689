import type { Order, OrderStatus } from '../shop-api/types';

/** The orders service's cancellation reason codes, in words for the customer. */
export const CANCELLATION_REASONS: Record<string, string> = {
  OUT_OF_STOCK: 'Part of your order went out of stock before we could reserve it. You have not been charged.',
  PAYMENT_DECLINED: 'Your card was declined. You have not been charged; please try again with another card.',
  PAYMENT_FAILED: 'We could not reach the card processor. You have not been charged; please try again.',
  CHECKOUT_TIMED_OUT: 'Your checkout took too long to complete and was stopped. You have not been charged.',
  CUSTOMER_REQUESTED: 'You cancelled this order.',
};

export function cancellationReason(code: string | undefined): string {
  return (code && CANCELLATION_REASONS[code]) ?? 'This order was cancelled. You have not been charged.';
}

export type StepState = 'done' | 'current' | 'upcoming';
export interface TimelineStep {
  readonly key: OrderStatus | 'INVOICED';
  readonly label: string;
  readonly state: StepState;
  readonly at?: string;
}

const STEPS: readonly { key: TimelineStep['key']; label: string }[] = [
  { key: 'PENDING', label: 'Order placed' },
  { key: 'STOCK_RESERVED', label: 'Stock reserved' },
  { key: 'PAYMENT_AUTHORIZED', label: 'Payment authorized' },
  { key: 'CONFIRMED', label: 'Confirmed' },
  { key: 'INVOICED', label: 'Invoiced' },
];

/**
 * The steps to show on the order page: those reached (with their time from the history), the one in
 * progress, and those still to come. A cancelled order shows the steps it reached and then "Cancelled".
 */
export function orderTimeline(order: Pick<Order, 'status' | 'history'>, invoicedAt: string | undefined): TimelineStep[] {
  const reachedAt = new Map(order.history.map((entry) => [entry.status as string, entry.at]));
  if (invoicedAt) reachedAt.set('INVOICED', invoicedAt);
  if (order.status === 'CANCELLED') {
    const reached = STEPS.filter((step) => reachedAt.has(step.key)).map((step) => ({ ...step, state: 'done' as const, at: reachedAt.get(step.key) }));
    return [...reached, { key: 'CANCELLED', label: 'Cancelled', state: 'done', at: reachedAt.get('CANCELLED') }];
  }
  const firstMissing = STEPS.findIndex((step) => !reachedAt.has(step.key));
  return STEPS.map((step, index) => {
    const state: StepState = firstMissing === -1 || index < firstMissing ? 'done' : index === firstMissing ? 'current' : 'upcoming';
    const at = reachedAt.get(step.key);
    return { ...step, state, ...(at && { at }) };
  });
}

/** Whether the order page should keep refreshing: until the order is final and, if confirmed, invoiced. */
export function isSettled(status: OrderStatus, invoiced: boolean): boolean {
  return status === 'CANCELLED' || (status === 'CONFIRMED' && invoiced);
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: 'Placed',
  STOCK_RESERVED: 'Stock reserved',
  PAYMENT_AUTHORIZED: 'Payment authorized',
  CONFIRMED: 'Confirmed',
  CANCELLED: 'Cancelled',
};
