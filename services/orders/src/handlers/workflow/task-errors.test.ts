import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OrdersServiceError } from '../../adapters/errors';
import { OrdersDomainError } from '../../domain';
import { CHECKOUT_ERROR_STATUS, CheckoutTaskError, toTaskError } from './task-errors';

describe('toTaskError', () => {
  it('names a domain refusal by its code, keeping the message and the cause', () => {
    const refusal = new OrdersDomainError('ORDERS.EMPTY_CART', 'The cart is empty');

    const error = toTaskError(refusal);

    expect(error).toBeInstanceOf(CheckoutTaskError);
    expect(error).toMatchObject({ name: 'ORDERS.EMPTY_CART', message: 'The cart is empty', cause: refusal });
  });

  it('names a service refusal by its code', () => {
    const error = toTaskError(new OrdersServiceError('ORDERS.PAYMENTS_UNAVAILABLE', 'No answer'));

    expect(error).toMatchObject({ name: 'ORDERS.PAYMENTS_UNAVAILABLE', code: 'ORDERS.PAYMENTS_UNAVAILABLE' });
  });

  it('names an input that does not parse REQUEST.INVALID, listing paths but not values', () => {
    const parsed = z.object({ email: z.email() }).safeParse({ email: 'ada at example' });

    const error = toTaskError(parsed.error);

    expect(error).toMatchObject({ name: 'REQUEST.INVALID', message: 'The checkout input is invalid at email' });
    expect((error as Error).message).not.toContain('ada at example');
  });

  it('lets a fault through as it is', () => {
    const fault = new TypeError('Cannot read properties of undefined');

    expect(toTaskError(fault)).toBe(fault);
  });
});

describe('CHECKOUT_ERROR_STATUS', () => {
  it('answers every refusal with a client error, and an unreachable provider with 503', () => {
    const { 'ORDERS.PAYMENTS_UNAVAILABLE': unavailable, ...refusals } = CHECKOUT_ERROR_STATUS;

    expect(unavailable).toBe(503);
    expect(Object.values(refusals).every((status) => status >= 400 && status < 500)).toBe(true);
  });
});
