import { describe, expect, it } from 'vitest';
import { DomainError, formatPath } from './errors';

class OrderAlreadyExistsError extends DomainError {
  constructor(orderId: string, options?: ErrorOptions) {
    super('ORDER.ALREADY_EXISTS', `Order ${orderId} already exists`, options);
  }
}

describe('DomainError', () => {
  it('carries a stable code, the subclass name and the cause', () => {
    const cause = new Error('ConditionalCheckFailed');

    const error = new OrderAlreadyExistsError('ord_1', { cause });

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('ORDER.ALREADY_EXISTS');
    expect(error.name).toBe('OrderAlreadyExistsError');
    expect(error.message).toBe('Order ord_1 already exists');
    expect(error.cause).toBe(cause);
  });
});

describe('formatPath', () => {
  it('writes object keys with dots and array indexes in brackets', () => {
    expect(formatPath(['body', 'lines', 0, 'sku'])).toBe('body.lines[0].sku');
  });

  it('writes the root as an empty string', () => {
    expect(formatPath([])).toBe('');
  });
});
