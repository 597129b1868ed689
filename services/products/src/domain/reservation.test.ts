import { describe, expect, it } from 'vitest';
import { ReservationStateError } from './errors';
import {
  commitReservation,
  newReservation,
  refusedReservation,
  releasedBeforeReserved,
  releaseReservation,
} from './reservation';
import { LATER, NOW } from './test-data';

const lines = [{ sku: 'MUG', productId: 'prod_mug', quantity: 2 }];
const reserved = () => newReservation('ord_1', lines, NOW);

describe('newReservation', () => {
  it('holds the stock for 15 minutes', () => {
    const reservation = reserved();

    expect(reservation).toMatchObject({ orderId: 'ord_1', status: 'RESERVED', lines });
    expect(reservation.id).toMatch(/^res_/);
    expect(reservation.holdExpiresAt).toBe('2025-03-14T09:41:53.120Z');
  });
});

describe('releaseReservation', () => {
  it('releases a reserved reservation', () => {
    const transition = releaseReservation(reserved(), LATER);

    expect(transition.kind).toBe('CHANGED');
    expect(transition.reservation).toMatchObject({ status: 'RELEASED', updatedAt: LATER.toISOString() });
    expect(transition.reservation.holdExpiresAt).toBeUndefined();
  });

  it('changes nothing the second time', () => {
    const released = releaseReservation(reserved(), LATER).reservation;

    expect(releaseReservation(released, LATER)).toEqual({ kind: 'UNCHANGED', reservation: released });
  });

  it('changes nothing for a refused reservation or a committed one', () => {
    const committed = commitReservation(reserved(), LATER).reservation;

    expect(releaseReservation(refusedReservation('ord_1', NOW), LATER).kind).toBe('UNCHANGED');
    expect(releaseReservation(committed, LATER).kind).toBe('UNCHANGED');
  });
});

describe('commitReservation', () => {
  it('commits a reserved reservation', () => {
    const transition = commitReservation(reserved(), LATER);

    expect(transition).toMatchObject({ kind: 'CHANGED', reservation: { status: 'COMMITTED' } });
  });

  it('changes nothing the second time', () => {
    const committed = commitReservation(reserved(), LATER).reservation;

    expect(commitReservation(committed, LATER).kind).toBe('UNCHANGED');
  });

  it('refuses to commit stock that was released or never reserved', () => {
    const released = releaseReservation(reserved(), LATER).reservation;

    expect(() => commitReservation(released, LATER)).toThrow(ReservationStateError);
    expect(() => commitReservation(refusedReservation('ord_1', NOW), LATER)).toThrow(ReservationStateError);
    expect(() => commitReservation(releasedBeforeReserved('ord_1', NOW), LATER)).toThrow(ReservationStateError);
  });
});
