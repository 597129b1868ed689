import { DomainError } from '@shop/lambda-kit/errors';
import { describe, expect, it } from 'vitest';
import { isOrdersDomainError, ORDERS_ERROR_STATUS, OrdersDomainError } from './errors';

describe('OrdersDomainError', () => {
  it('carries its code, name, details and cause', () => {
    const cause = new Error('underlying');

    const error = new OrdersDomainError('ORDERS.CART_FULL', 'A cart holds at most 50 products', { max: 50 }, { cause });

    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('OrdersDomainError');
    expect(error.code).toBe('ORDERS.CART_FULL');
    expect(error.details).toEqual({ max: 50 });
    expect(error.cause).toBe(cause);
  });

  it('has empty details when none are given', () => {
    const error = new OrdersDomainError('ORDERS.EMPTY_CART', 'The cart is empty');

    expect(error.details).toEqual({});
  });
});

describe('ORDERS_ERROR_STATUS', () => {
  it('answers every code with a client error status, since each is the caller’s doing or the cart’s state', () => {
    const statuses = Object.values(ORDERS_ERROR_STATUS);

    expect(statuses.every((status) => status >= 400 && status < 500)).toBe(true);
  });
});

describe('isOrdersDomainError', () => {
  it('recognises an orders error, optionally by code', () => {
    const error = new OrdersDomainError('ORDERS.CART_EXPIRED', 'expired');

    expect(isOrdersDomainError(error)).toBe(true);
    expect(isOrdersDomainError(error, 'ORDERS.CART_EXPIRED')).toBe(true);
    expect(isOrdersDomainError(error, 'ORDERS.CART_FULL')).toBe(false);
    expect(isOrdersDomainError(new DomainError('ORDERS.CART_EXPIRED', 'not ours'))).toBe(false);
  });
});
