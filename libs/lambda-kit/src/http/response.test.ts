import { describe, expect, it } from 'vitest';
import { accepted, created, json, noContent, ok } from './response';

describe('response helpers', () => {
  it.each([
    [ok, 200],
    [created, 201],
    [accepted, 202],
  ] as const)('%o answers %i with a JSON body and content type', (helper, status) => {
    const response = helper({ orderId: 'ord_1' });

    expect(response).toEqual({
      statusCode: status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"orderId":"ord_1"}',
    });
  });

  it('adds the given headers', () => {
    const response = created({ orderId: 'ord_1' }, { location: '/orders/ord_1' });

    expect(response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', location: '/orders/ord_1' });
  });

  it('answers 204 with neither body nor content type', () => {
    expect(noContent()).toEqual({ statusCode: 204, headers: {} });
  });

  it('answers any status with json()', () => {
    expect(json(409, { error: { code: 'X' } }).statusCode).toBe(409);
  });
});
