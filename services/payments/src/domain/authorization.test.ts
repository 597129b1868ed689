import { describe, expect, it } from 'vitest';
import {
  amountsOf,
  authorize,
  capture,
  refund,
  refundableAmount,
  voidAuthorization,
  type Authorization,
} from './authorization';
import { AmountNotAllowedError, InvalidStateError } from './errors';

const AUTHORIZED_AT = new Date('2026-05-01T10:00:00Z');
const LATER = new Date('2026-05-01T10:05:00Z');
const gbp = (amount: number) => ({ amount, currency: 'GBP' });

function anAuthorization(): Authorization {
  return authorize(
    { id: 'auth_1', amount: gbp(5000), card: { brand: 'visa', last4: '4242' }, reference: 'ord_1' },
    AUTHORIZED_AT,
  );
}

describe('authorize', () => {
  it('holds the amount with nothing captured or refunded yet', () => {
    const authorization = anAuthorization();

    expect(authorization).toEqual({
      id: 'auth_1',
      status: 'AUTHORIZED',
      amount: gbp(5000),
      capturedAmount: 0,
      refundedAmount: 0,
      card: { brand: 'visa', last4: '4242' },
      reference: 'ord_1',
      createdAt: '2026-05-01T10:00:00.000Z',
      updatedAt: '2026-05-01T10:00:00.000Z',
    });
  });
});

describe('capture', () => {
  it('captures everything authorized when no amount is given', () => {
    const captured = capture(anAuthorization(), undefined, LATER);

    expect(captured).toMatchObject({ status: 'CAPTURED', capturedAmount: 5000, updatedAt: LATER.toISOString() });
  });

  it('captures part of the amount', () => {
    const captured = capture(anAuthorization(), gbp(3000), LATER);

    expect(captured.capturedAmount).toBe(3000);
    expect(amountsOf(captured).captured).toEqual(gbp(3000));
  });

  it('refuses more than was authorized', () => {
    expect(() => capture(anAuthorization(), gbp(5001), LATER)).toThrow(AmountNotAllowedError);
  });

  it('refuses an amount in another currency', () => {
    expect(() => capture(anAuthorization(), { amount: 100, currency: 'EUR' }, LATER)).toThrow(
      /authorization is in GBP/,
    );
  });

  it('refuses a zero amount', () => {
    expect(() => capture(anAuthorization(), gbp(0), LATER)).toThrow(AmountNotAllowedError);
  });

  it('captures only once', () => {
    const captured = capture(anAuthorization(), undefined, LATER);

    expect(() => capture(captured, undefined, LATER)).toThrow(InvalidStateError);
  });

  it('refuses to capture a voided authorization', () => {
    const voided = voidAuthorization(anAuthorization(), LATER);

    expect(() => capture(voided, undefined, LATER)).toThrow(
      expect.objectContaining({ code: 'PAYMENT.INVALID_STATE', status: 'VOIDED', action: 'capture' }),
    );
  });
});

describe('voidAuthorization', () => {
  it('voids an authorization that was not captured', () => {
    expect(voidAuthorization(anAuthorization(), LATER).status).toBe('VOIDED');
  });

  it('refuses to void once captured: a refund gives money back then', () => {
    const captured = capture(anAuthorization(), undefined, LATER);

    expect(() => voidAuthorization(captured, LATER)).toThrow(InvalidStateError);
  });

  it('refuses to void twice', () => {
    const voided = voidAuthorization(anAuthorization(), LATER);

    expect(() => voidAuthorization(voided, LATER)).toThrow(InvalidStateError);
  });
});

describe('refund', () => {
  const captured = () => capture(anAuthorization(), gbp(4000), LATER);

  it('refunds part of the capture, then the rest', () => {
    const partly = refund(captured(), gbp(1500), LATER);
    const fully = refund(partly, undefined, LATER);

    expect(partly).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 1500 });
    expect(refundableAmount(partly)).toBe(2500);
    expect(fully).toMatchObject({ status: 'REFUNDED', refundedAmount: 4000 });
  });

  it('refunds everything captured when no amount is given', () => {
    expect(refund(captured(), undefined, LATER)).toMatchObject({ status: 'REFUNDED', refundedAmount: 4000 });
  });

  it('refuses more than is left to refund', () => {
    const partly = refund(captured(), gbp(3000), LATER);

    expect(() => refund(partly, gbp(1001), LATER)).toThrow(/at most 1000 GBP is left/);
  });

  it('refuses to refund what was never captured', () => {
    expect(() => refund(anAuthorization(), undefined, LATER)).toThrow(InvalidStateError);
  });

  it('refuses to refund a fully refunded authorization', () => {
    const fully = refund(captured(), undefined, LATER);

    expect(() => refund(fully, gbp(1), LATER)).toThrow(InvalidStateError);
  });
});
