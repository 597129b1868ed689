import { ReservationStateError } from './errors';
import { newReservationId, type RandomBytes } from './ids';
import type { StockLine } from './inventory';

/**
 * RESERVED → RELEASED (order cancelled) or COMMITTED (order confirmed). REFUSED records that an order's
 * stock could not be reserved, so a duplicate OrderPlaced is answered by the record, not decided again.
 */
export type ReservationStatus = 'RESERVED' | 'RELEASED' | 'COMMITTED' | 'REFUSED';

/** One per order: the item that makes reserving, releasing and committing happen once per order. */
export type Reservation = {
  readonly id: string;
  readonly orderId: string;
  readonly status: ReservationStatus;
  /** What is (or was) set aside; empty for a REFUSED one and for a release that came before any reservation. */
  readonly lines: readonly StockLine[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the hold lapses unless the order is confirmed (RESERVED only). */
  readonly holdExpiresAt?: string;
};

/** How long stock stays set aside for an order that is neither confirmed nor cancelled. */
export const RESERVATION_HOLD_MINUTES = 15;

export function newReservation(
  orderId: string,
  lines: readonly StockLine[],
  now: Date,
  random?: RandomBytes,
): Reservation {
  const timestamp = now.toISOString();
  const holdExpiresAt = new Date(now.getTime() + RESERVATION_HOLD_MINUTES * 60_000).toISOString();
  const id = newReservationId(now, random);
  return { id, orderId, status: 'RESERVED', lines, createdAt: timestamp, updatedAt: timestamp, holdExpiresAt };
}

export function refusedReservation(orderId: string, now: Date, random?: RandomBytes): Reservation {
  const timestamp = now.toISOString();
  return {
    id: newReservationId(now, random),
    orderId,
    status: 'REFUSED',
    lines: [],
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

/**
 * What an OrderCancelled that arrives before its OrderPlaced leaves behind: a released reservation with no
 * lines, so the late OrderPlaced finds the order already settled and reserves nothing that nobody would release.
 */
export function releasedBeforeReserved(orderId: string, now: Date, random?: RandomBytes): Reservation {
  const timestamp = now.toISOString();
  return {
    id: newReservationId(now, random),
    orderId,
    status: 'RELEASED',
    lines: [],
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

/** A transition either changes the reservation, or finds it already where it should be (a duplicate). */
export type Transition =
  | { readonly kind: 'CHANGED'; readonly reservation: Reservation }
  | { readonly kind: 'UNCHANGED'; readonly reservation: Reservation };

function moveTo(reservation: Reservation, status: ReservationStatus, now: Date): Transition {
  const { holdExpiresAt: _lapsed, ...rest } = reservation;
  return { kind: 'CHANGED', reservation: { ...rest, status, updatedAt: now.toISOString() } };
}

/**
 * Order cancelled: the stock goes back on sale. Releasing twice, or releasing what was refused, changes
 * nothing. A committed reservation stays committed: those units are sold, and giving them back is a return.
 */
export function releaseReservation(reservation: Reservation, now: Date): Transition {
  if (reservation.status === 'RESERVED') return moveTo(reservation, 'RELEASED', now);
  return { kind: 'UNCHANGED', reservation };
}

/**
 * Order confirmed: the reserved units are sold. Committing twice changes nothing.
 *
 * @throws ReservationStateError when the stock was released or never reserved: selling it now could oversell.
 */
export function commitReservation(reservation: Reservation, now: Date): Transition {
  if (reservation.status === 'RESERVED') return moveTo(reservation, 'COMMITTED', now);
  if (reservation.status === 'COMMITTED') return { kind: 'UNCHANGED', reservation };
  throw new ReservationStateError(reservation.orderId, reservation.status, 'COMMITTED');
}
